// SPDX-License-Identifier: MIT
#include "queryhistory.h"

#include "influxql.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

QByteArray toLine(const QueryHistory::Entry &entry)
{
    QJsonObject object {{u"query"_s, entry.query},
                        {u"when"_s, entry.when.toUTC().toString(Qt::ISODateWithMs)},
                        {u"connection"_s, entry.connection},
                        {u"elapsedMs"_s, entry.elapsedMs},
                        {u"rows"_s, entry.rows}};
    if (!entry.error.isEmpty())
        object.insert(u"error"_s, entry.error);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<QueryHistory::Entry> fromLine(const QByteArray &line)
{
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    if (!object.value(u"query"_s).isString())
        return std::nullopt;
    QueryHistory::Entry entry;
    entry.query = object.value(u"query"_s).toString();
    entry.when = QDateTime::fromString(object.value(u"when"_s).toString(), Qt::ISODateWithMs);
    entry.connection = object.value(u"connection"_s).toString();
    entry.elapsedMs = object.value(u"elapsedMs"_s).toInteger();
    entry.rows = object.value(u"rows"_s).toInteger();
    entry.error = object.value(u"error"_s).toString();
    return entry;
}

} // namespace

QueryHistory::QueryHistory(const QString &filePath, int maxEntries)
    : m_path(filePath), m_maxEntries(std::max(1, maxEntries))
{ }

QString QueryHistory::redact(const QString &query)
{
    using Kind = Influx::InfluxQL::Token::Kind;
    const QList<Influx::InfluxQL::Token> tokens = Influx::InfluxQL::tokenize(query);
    QString result;
    qsizetype copied = 0;
    bool afterPassword = false;
    for (const Influx::InfluxQL::Token &token : tokens) {
        if (token.kind == Kind::Semicolon) {
            afterPassword = false;
        } else if (token.kind == Kind::Word) {
            if (token.text(query).compare(u"PASSWORD", Qt::CaseInsensitive) == 0)
                afterPassword = true;
        } else if (token.kind == Kind::String && afterPassword) {
            result += QStringView(query).sliced(copied, token.begin - copied);
            result += u"'******'"_s;
            copied = token.end;
            afterPassword = false;
        }
    }
    result += QStringView(query).sliced(copied);
    return result;
}

bool QueryHistory::load(QString *error)
{
    m_entries.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    while (!file.atEnd()) {
        if (const std::optional<Entry> entry = fromLine(file.readLine()))
            m_entries.append(*entry);
    }
    if (m_entries.size() > m_maxEntries)
        m_entries.remove(0, m_entries.size() - m_maxEntries);
    return true;
}

bool QueryHistory::append(const Entry &entry, QString *error)
{
    Entry stored = entry;
    stored.query = redact(entry.query);
    stored.when = entry.when.toUTC();
    m_entries.append(stored);
    // Trimming rewrites the file; do it in bulk (10% slack) rather than on every append.
    if (m_entries.size() > m_maxEntries + m_maxEntries / 10) {
        m_entries.remove(0, m_entries.size() - m_maxEntries);
        return rewrite(error);
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(toLine(stored)) < 0) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool QueryHistory::rewrite(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    for (const Entry &entry : std::as_const(m_entries))
        file.write(toLine(entry));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QList<QueryHistory::Entry> QueryHistory::search(QStringView text) const
{
    QList<Entry> found;
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->query.contains(text, Qt::CaseInsensitive))
            found.append(*it);
    }
    return found;
}

} // namespace Explorer
