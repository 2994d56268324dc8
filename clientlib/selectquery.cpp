// SPDX-License-Identifier: MIT
#include "selectquery.h"

#include "client.h"
#include "influxql.h"
#include "timestamp.h"

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QSharedData>

#include <charconv>
#include <cmath>

namespace Influx {

namespace {

// Backslash escapes as influxql's ScanString understands them (\\ \" \' \n). A newline must be
// escaped: the scanner rejects raw newlines inside strings and identifiers.
QString quoted(const QString &text, QChar quote)
{
    QString result;
    result.reserve(text.size() + 2);
    result += quote;
    for (const QChar c : text) {
        if (c == u'\\' || c == quote)
            result += u'\\';
        if (c == u'\n')
            result += u"\\n";
        else
            result += c;
    }
    result += quote;
    return result;
}

// "db"."rp". / "db".. / "rp". / nothing, in front of a measurement or regex. influxql reads
// an empty middle segment ("db"..m) as the database's default retention policy.
QString qualifier(const QString &database, const QString &retentionPolicy)
{
    QString prefix;
    if (!database.isEmpty())
        prefix = Source::quoteIdentifier(database) + u'.';
    if (!retentionPolicy.isEmpty())
        prefix += Source::quoteIdentifier(retentionPolicy) + u'.';
    else if (!database.isEmpty())
        prefix += u'.';
    return prefix;
}

// Shortest text that reads back as the same value, always in positional notation (InfluxQL
// numbers have no exponent: "1e20" would lex as the duration "1e") and always with a '.' so
// the literal stays a float rather than becoming an integer.
template<typename Float>
QString floatLiteral(Float value)
{
    if (!std::isfinite(value))
        return {}; // InfluxQL has no literal for NaN or infinity
    char buffer[512]; // the longest fixed form, of the smallest double, is ~330 characters
    const auto result =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (result.ec != std::errc())
        return {};
    QString text = QString::fromLatin1(buffer, result.ptr - buffer);
    if (!text.contains(u'.'))
        text += u".0";
    return text;
}

// Appending anything after a trailing "-- comment" would comment it out: end the line.
QString terminated(const QString &text)
{
    return InfluxQL::endsInLineComment(text) ? text + u'\n' : text;
}

QStringList nonEmpty(const QStringList &list)
{
    QStringList result;
    for (const QString &item : list) {
        if (!item.trimmed().isEmpty())
            result.append(item);
    }
    return result;
}

} // namespace

class SelectQueryData : public QSharedData
{
public:
    QPointer<Client> client;
    QString select; // verbatim expressions joined with ','
    QString from; // Source texts joined with ','
    QString into; // a Source text
    QStringList where; // conditions, joined with AND when rendered
    QString groupByTime; // "time(1h)" / "time(1d,6h)"
    QString groupByTags; // quoted tags joined with ',', or "*"
    QString fill;
    SelectQuery::Order order = SelectQuery::Order::Default;
    std::optional<qint64> limit;
    std::optional<qint64> offset;
    std::optional<qint64> slimit;
    std::optional<qint64> soffset;
    QString timeZone;
    QueryOptions options;
};

Source Source::qualified(const QString &database, const QString &retentionPolicy,
                         const QString &measurement)
{
    Source source;
    if (!measurement.isEmpty())
        source.m_text = qualifier(database, retentionPolicy) + quoteIdentifier(measurement);
    return source;
}

Source Source::regex(const QString &pattern, const QString &database,
                     const QString &retentionPolicy)
{
    // Only "\/" is an escape inside an InfluxQL regex, so escaping each '/' keeps the pattern
    // intact (a "\/" in the pattern becomes "\\/", which influxql reads back as "\/"). A line
    // break cannot appear literally; RE2 understands the \n and \r escapes instead.
    QString body;
    body.reserve(pattern.size() + 2);
    for (const QChar c : pattern) {
        if (c == u'/')
            body += u"\\/";
        else if (c == u'\n')
            body += u"\\n";
        else if (c == u'\r')
            body += u"\\r";
        else
            body += c;
    }
    // A body cannot end in a backslash: influxql reads it with the closing '/' as "\/" and the
    // regex runs on. A valid pattern ending in one ends in the escape "\\" (an odd run is no
    // valid RE2): write that backslash as the equivalent "\x5c".
    qsizetype trailing = 0;
    while (trailing < body.size() && body[body.size() - 1 - trailing] == u'\\')
        ++trailing;
    if (trailing > 0 && trailing % 2 == 0) {
        body.chop(2);
        body += u"\\x5c";
    }
    Source source;
    source.m_text = qualifier(database, retentionPolicy) + u'/' + body + u'/';
    return source;
}

QString Source::quoteIdentifier(const QString &identifier)
{
    return quoted(identifier, u'"');
}

QString quoteStringLiteral(const QString &text)
{
    return quoted(text, u'\'');
}

QString influxqlLiteral(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<Timestamp>())
        return quoteStringLiteral(value.value<Timestamp>().toRfc3339());

    switch (value.typeId()) {
    case QMetaType::QString:
    case QMetaType::QChar:
    case QMetaType::QByteArray: // taken as UTF-8
        return quoteStringLiteral(value.toString());
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
        return QString::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return QString::number(value.toULongLong());
    case QMetaType::Double:
        return floatLiteral(value.toDouble());
    case QMetaType::Float:
        return floatLiteral(value.toFloat());
    case QMetaType::QDateTime:
        if (const auto timestamp = Timestamp::fromDateTime(value.toDateTime()))
            return quoteStringLiteral(timestamp->toRfc3339());
        return {};
    case QMetaType::QDate:
        if (const QDate date = value.toDate(); date.isValid())
            return quoteStringLiteral(date.toString(Qt::ISODate));
        return {};
    default:
        return {};
    }
}

SelectQuery::SelectQuery() : d(new SelectQueryData)
{ }

SelectQuery::SelectQuery(Client *client, const QStringList &select, const QList<Source> &from)
    : d(new SelectQueryData)
{
    d->client = client;
    QStringList expressions;
    for (const QString &expression : nonEmpty(select))
        expressions.append(terminated(expression));
    d->select = expressions.join(u',');
    QStringList sources;
    for (const Source &source : from) {
        if (!source.isEmpty())
            sources.append(source.toString());
    }
    d->from = sources.join(u',');
}

SelectQuery::SelectQuery(const SelectQuery &other) = default;
SelectQuery &SelectQuery::operator=(const SelectQuery &other) = default;
SelectQuery::~SelectQuery() = default;

SelectQuery SelectQuery::select(const QStringList &expressions) const
{
    QStringList parts;
    for (const QString &expression : nonEmpty(expressions))
        parts.append(terminated(expression));
    SelectQuery query(*this);
    if (parts.isEmpty())
        query.d->select.clear();
    else if (query.d->select.isEmpty())
        query.d->select = parts.join(u',');
    else
        query.d->select += u',' + parts.join(u',');
    return query;
}

SelectQuery SelectQuery::into(const Source &target) const
{
    SelectQuery query(*this);
    query.d->into = target.toString();
    return query;
}

SelectQuery SelectQuery::clearInto() const
{
    return into(Source());
}

SelectQuery SelectQuery::where(const QStringList &expressions,
                               const QList<std::pair<QString, QVariant>> &equals) const
{
    QStringList conditions = nonEmpty(expressions);
    for (const auto &[key, value] : equals)
        conditions.append(Source::quoteIdentifier(key) + u" = " + influxqlLiteral(value));
    SelectQuery query(*this);
    if (conditions.isEmpty())
        query.d->where.clear();
    else
        query.d->where += conditions;
    return query;
}

SelectQuery SelectQuery::groupBy(const QStringList &tags) const
{
    SelectQuery query(*this);
    QString &current = query.d->groupByTags;
    if (tags.isEmpty()) {
        // Unlike the reference client, this also clears "*" (and the time interval).
        current.clear();
        query.d->groupByTime.clear();
    } else if (current == u"*" || tags.contains(u"*")) {
        current = QStringLiteral("*");
    } else {
        QStringList quotedTags;
        for (const QString &tag : tags)
            quotedTags.append(Source::quoteIdentifier(tag));
        if (!current.isEmpty())
            current += u',';
        current += quotedTags.join(u',');
    }
    return query;
}

SelectQuery SelectQuery::groupByTime(const QString &interval, const QString &offset) const
{
    SelectQuery query(*this);
    if (interval.isEmpty())
        query.d->groupByTime.clear();
    else if (offset.isEmpty())
        query.d->groupByTime = u"time(" + interval + u')';
    else
        query.d->groupByTime = u"time(" + interval + u',' + offset + u')';
    return query;
}

SelectQuery SelectQuery::fill(const QString &option) const
{
    SelectQuery query(*this);
    query.d->fill = option;
    return query;
}

SelectQuery SelectQuery::orderBy(Order order) const
{
    SelectQuery query(*this);
    query.d->order = order;
    return query;
}

SelectQuery SelectQuery::limit(std::optional<qint64> n) const
{
    SelectQuery query(*this);
    query.d->limit = n;
    return query;
}

SelectQuery SelectQuery::offset(std::optional<qint64> n) const
{
    SelectQuery query(*this);
    query.d->offset = n;
    return query;
}

SelectQuery SelectQuery::slimit(std::optional<qint64> n) const
{
    SelectQuery query(*this);
    query.d->slimit = n;
    return query;
}

SelectQuery SelectQuery::soffset(std::optional<qint64> n) const
{
    SelectQuery query(*this);
    query.d->soffset = n;
    return query;
}

SelectQuery SelectQuery::tz(const QString &timeZone) const
{
    SelectQuery query(*this);
    query.d->timeZone = timeZone;
    return query;
}

SelectQuery SelectQuery::params(const QueryOptions &options) const
{
    SelectQuery query(*this);
    query.d->options = options;
    return query;
}

QueryOptions SelectQuery::queryOptions() const
{
    return d->options;
}

Client *SelectQuery::client() const
{
    return d->client.data();
}

QString SelectQuery::toString() const
{
    // Clause order of InfluxQL's SELECT statement (reference spec §14.5).
    QString text = u"SELECT " + d->select;
    if (!d->into.isEmpty())
        text += u" INTO " + d->into;
    text += u" FROM " + d->from;
    if (!d->where.isEmpty()) {
        const bool combined = d->where.size() > 1;
        QStringList conditions;
        for (const QString &condition : d->where) {
            // Without parentheses "a OR b AND c" would mean "a OR (b AND c)".
            if (combined && InfluxQL::hasTopLevelOr(condition))
                conditions.append(u'(' + terminated(condition) + u')');
            else
                conditions.append(terminated(condition));
        }
        text += u" WHERE " + conditions.join(u" AND ");
    }
    QStringList dimensions;
    if (!d->groupByTime.isEmpty())
        dimensions.append(d->groupByTime);
    if (!d->groupByTags.isEmpty())
        dimensions.append(d->groupByTags);
    if (!dimensions.isEmpty())
        text += u" GROUP BY " + dimensions.join(u',');
    if (!d->fill.isEmpty())
        text += u" fill(" + d->fill + u')';
    if (d->order == Order::Ascending)
        text += u" ORDER BY time ASC";
    else if (d->order == Order::Descending)
        text += u" ORDER BY time DESC";
    if (d->limit)
        text += u" LIMIT " + QString::number(*d->limit);
    if (d->offset)
        text += u" OFFSET " + QString::number(*d->offset);
    if (d->slimit)
        text += u" SLIMIT " + QString::number(*d->slimit);
    if (d->soffset)
        text += u" SOFFSET " + QString::number(*d->soffset);
    if (!d->timeZone.isEmpty())
        text += u" tz(" + quoteStringLiteral(d->timeZone) + u')';
    return text;
}

QueryReply *SelectQuery::execute() const
{
    if (!d->client)
        return nullptr;
    QueryOptions options = d->options;
    if (!options.httpVerb)
        options.httpVerb = d->into.isEmpty() ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    return d->client->rawQuery(toString(), options);
}

} // namespace Influx
