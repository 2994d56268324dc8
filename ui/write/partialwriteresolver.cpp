// SPDX-License-Identifier: MIT
#include "partialwriteresolver.h"

#include "write/lineprotocolchecker.h"

#include <client.h>
#include <selectquery.h>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// SHOW FIELD KEYS with more sources would make a very long query; such batches keep all
// their unnamed lines instead.
constexpr qsizetype MaxMeasurements = 100;

QString typeName(Influx::FieldValue::Type type)
{
    switch (type) {
    case Influx::FieldValue::Type::Integer:
        return u"integer"_s;
    case Influx::FieldValue::Type::Boolean:
        return u"boolean"_s;
    case Influx::FieldValue::Type::String:
        return u"string"_s;
    case Influx::FieldValue::Type::Float:
    case Influx::FieldValue::Type::Decimal:
        break;
    }
    return u"float"_s;
}

} // namespace

PartialWriteResolver::PartialWriteResolver(Influx::Client *client, QObject *parent)
    : QObject(parent), m_client(client)
{ }

PartialWriteResolver::~PartialWriteResolver()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void PartialWriteResolver::start(const QList<Line> &lines, const QString &serverMessage,
                                 qsizetype dropped, const QString &database,
                                 const QString &retentionPolicy, Influx::Precision precision)
{
    m_lines = lines;
    m_message = serverMessage;
    m_dropped = dropped;
    m_database = database;
    m_retentionPolicy = retentionPolicy;
    m_precision = precision;
    if (!serverMessage.contains(u"field type conflict"_s) || database.isEmpty()) {
        finishAllMaybe(tr("the server dropped %n point(s) of this batch without naming them",
                          nullptr, int(dropped)));
        return;
    }
    lookUp();
}

void PartialWriteResolver::abort()
{
    if (m_finished)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    finishAllMaybe(tr("cancelled before the points the server dropped were identified"));
}

void PartialWriteResolver::lookUp()
{
    const LineProtocolChecker checker(m_precision);
    QStringList measurements;
    for (const Line &line : std::as_const(m_lines)) {
        const auto result = checker.parseLine(line.text);
        if (result.isValid() && !measurements.contains(result.point->measurement()))
            measurements.append(result.point->measurement());
        if (measurements.size() > MaxMeasurements) {
            finishAllMaybe(tr("the server dropped %n point(s) of this batch without naming "
                              "them (too many measurements to look up their field types)",
                              nullptr, int(m_dropped)));
            return;
        }
    }
    QStringList sources;
    for (const QString &measurement : std::as_const(measurements)) {
        sources.append(
                Influx::Source::qualified(m_database, m_retentionPolicy, measurement).toString());
    }
    const QString query = u"SHOW FIELD KEYS ON %1 FROM %2"_s.arg(
            Influx::Source::quoteIdentifier(m_database), sources.join(u", "_s));
    Influx::QueryOptions options;
    options.database = m_database;
    m_reply = m_client->rawQuery(query, options);
    connect(m_reply, &Influx::Reply::finished, this, &PartialWriteResolver::onLookUpFinished);
}

void PartialWriteResolver::onLookUpFinished()
{
    Influx::QueryReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const Influx::QueryResult result = reply->result();
    Influx::Error error = reply->error();
    if (!error && result.hasErrors())
        error = result.firstError();
    if (error) {
        finishAllMaybe(tr("the server dropped %n point(s) of this batch without naming them "
                          "(their field types could not be read: %1)",
                          nullptr, int(m_dropped))
                               .arg(error.toString()));
        return;
    }
    QHash<QString, FieldTypes> types; // measurement → field → types
    for (const Influx::Series &series : result.allSeries()) {
        FieldTypes &fields = types[series.name()];
        for (qsizetype row = 0; row < series.rowCount(); ++row) {
            fields[series.value(row, u"fieldKey").toString()].insert(
                    series.value(row, u"fieldType").toString());
        }
    }

    const LineProtocolChecker checker(m_precision);
    QList<BatchWriteReport::Line> notWritten;
    QList<bool> listed(m_lines.size(), false);
    qsizetype definite = 0;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const auto parsed = checker.parseLine(m_lines[i].text);
        if (!parsed.isValid())
            continue;
        const FieldTypes fields = types.value(parsed.point->measurement());
        const Influx::Fields values = parsed.point->fields();
        BatchWriteReport::Line line {m_lines[i].number, BatchWriteReport::Outcome::Failed, {}};
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const QString type = typeName(it.value().type());
            const QSet<QString> stored = fields.value(it.key());
            if (stored.isEmpty() || !stored.contains(type)) {
                // A point is stored with all its fields or not at all: a field of this type
                // missing from the database after the write means this point was dropped.
                QStringList others = stored.values();
                others.sort();
                line.outcome = BatchWriteReport::Outcome::Dropped;
                line.reason = others.isEmpty()
                        ? tr("dropped by the server: field \"%1\" was not stored").arg(it.key())
                        : tr("dropped: field type conflict: field \"%1\" is %2 in this line "
                             "but %3 in the database")
                                  .arg(it.key(), type, others.join(u'/'));
                break;
            }
            if (stored.size() > 1 && line.outcome != BatchWriteReport::Outcome::MaybeDropped) {
                line.outcome = BatchWriteReport::Outcome::MaybeDropped;
                line.reason = tr("maybe dropped: field \"%1\" has several types in the database "
                                 "(in different shards), the server dropped points of this "
                                 "batch without naming them")
                                      .arg(it.key());
            }
        }
        if (line.outcome == BatchWriteReport::Outcome::Failed)
            continue;
        definite += line.outcome == BatchWriteReport::Outcome::Dropped;
        listed[i] = true;
        notWritten.append(line);
    }
    if (notWritten.size() < m_dropped) {
        // Something else was dropped too (InfluxDB reports one reason only): keep every line.
        const QString why = tr("maybe dropped: the server dropped %1 points of this batch, "
                               "only %2 could be matched to lines")
                                    .arg(m_dropped)
                                    .arg(definite);
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            if (!listed[i]) {
                notWritten.append({m_lines[i].number, BatchWriteReport::Outcome::MaybeDropped,
                                   why});
            }
        }
        std::sort(notWritten.begin(), notWritten.end(),
                  [](const auto &a, const auto &b) { return a.line < b.line; });
    }
    finish(notWritten);
}

void PartialWriteResolver::finishAllMaybe(const QString &why)
{
    QList<BatchWriteReport::Line> lines;
    lines.reserve(m_lines.size());
    for (const Line &line : std::as_const(m_lines))
        lines.append({line.number, BatchWriteReport::Outcome::MaybeDropped, why});
    finish(lines);
}

void PartialWriteResolver::finish(const QList<BatchWriteReport::Line> &lines)
{
    if (m_finished)
        return;
    m_finished = true;
    // Always from the event loop, so that callers never get the signal inside start()/abort().
    QMetaObject::invokeMethod(
            this, [this, lines] { Q_EMIT resolved(lines); }, Qt::QueuedConnection);
}

} // namespace Explorer
