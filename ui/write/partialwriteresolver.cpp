// SPDX-License-Identifier: MIT
#include "partialwriteresolver.h"

#include "write/lineprotocolchecker.h"

#include <client.h>
#include <selectquery.h>

#include <QtCore/QDateTime>
#include <QtCore/QRegularExpression>

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

QString points(qsizetype n)
{
    return n == 1 ? PartialWriteResolver::tr("1 point")
                  : PartialWriteResolver::tr("%1 points").arg(n);
}

// A Go duration as SHOW RETENTION POLICIES writes it ("168h0m0s", "0s"), in nanoseconds.
std::optional<qint64> parseGoDuration(const QString &text)
{
    static const QRegularExpression part(u"(\\d+)(h|ms|m|s|us|µs|ns)"_s);
    static const QHash<QString, qint64> units {
            {u"h"_s, 3'600'000'000'000},
            {u"m"_s, 60'000'000'000},
            {u"s"_s, 1'000'000'000},
            {u"ms"_s, 1'000'000},
            {u"us"_s, 1'000},
            {u"µs"_s, 1'000},
            {u"ns"_s, 1},
    };
    qint64 total = 0;
    qsizetype at = 0;
    for (QRegularExpressionMatchIterator it = part.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedStart() != at)
            return std::nullopt;
        total += match.captured(1).toLongLong() * units.value(match.captured(2));
        at = match.capturedEnd();
    }
    if (at != text.size() || text.isEmpty())
        return std::nullopt;
    return total;
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
    if (!database.isEmpty() && serverMessage.contains(u"field type conflict"_s)) {
        lookUpFieldTypes();
    } else if (!database.isEmpty() && serverMessage.contains(u"points beyond retention policy"_s)) {
        query(u"SHOW RETENTION POLICIES ON %1"_s.arg(Influx::Source::quoteIdentifier(database)),
              &PartialWriteResolver::compareTimes);
    } else {
        finishAllMaybe(tr("maybe dropped: the server dropped %1 of this batch without naming "
                          "them (%2)")
                               .arg(points(dropped), serverMessage));
    }
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
    finishAllMaybe(tr("maybe dropped: cancelled before the points the server dropped were "
                      "identified"));
}

void PartialWriteResolver::query(const QString &text, Handler handler)
{
    Influx::QueryOptions options;
    options.database = m_database;
    m_reply = m_client->rawQuery(text, options);
    connect(m_reply, &Influx::Reply::finished, this, [this, handler] {
        Influx::QueryReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        const Influx::QueryResult result = reply->result();
        Influx::Error error = reply->error();
        if (!error && result.hasErrors())
            error = result.firstError();
        if (error) {
            finishAllMaybe(tr("maybe dropped: the server dropped %1 of this batch without naming "
                              "them (%2), and looking them up failed: %3")
                                   .arg(points(m_dropped), m_message, error.toString()));
            return;
        }
        (this->*handler)(result);
    });
}

void PartialWriteResolver::lookUpFieldTypes()
{
    const LineProtocolChecker checker(m_precision);
    QStringList measurements;
    for (const Line &line : std::as_const(m_lines)) {
        const auto result = checker.parseLine(line.text);
        if (result.isValid() && !measurements.contains(result.point->measurement()))
            measurements.append(result.point->measurement());
        if (measurements.size() > MaxMeasurements) {
            finishAllMaybe(tr("maybe dropped: the server dropped %1 of this batch without "
                              "naming them (too many measurements to look up their field types)")
                                   .arg(points(m_dropped)));
            return;
        }
    }
    QStringList sources;
    for (const QString &measurement : std::as_const(measurements)) {
        sources.append(
                Influx::Source::qualified(m_database, m_retentionPolicy, measurement).toString());
    }
    query(u"SHOW FIELD KEYS ON %1 FROM %2"_s.arg(Influx::Source::quoteIdentifier(m_database),
                                                 sources.join(u", "_s)),
          &PartialWriteResolver::compareFieldTypes);
}

void PartialWriteResolver::compareFieldTypes(const Influx::QueryResult &result)
{
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
    qsizetype definite = 0;
    for (const Line &source : std::as_const(m_lines)) {
        const auto parsed = checker.parseLine(source.text);
        if (!parsed.isValid())
            continue;
        const FieldTypes fields = types.value(parsed.point->measurement());
        const Influx::Fields values = parsed.point->fields();
        BatchWriteReport::Line line {source.number, BatchWriteReport::Outcome::Failed, {}};
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const QString type = typeName(it.value().type());
            const QSet<QString> stored = fields.value(it.key());
            if (!stored.contains(type)) {
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
        notWritten.append(line);
    }
    complete(notWritten, definite);
}

void PartialWriteResolver::compareTimes(const Influx::QueryResult &result)
{
    const Influx::Series policies = result.series();
    std::optional<qint64> duration; // nanoseconds; 0 = infinite
    QString name, durationText;
    for (qsizetype row = 0; row < policies.rowCount(); ++row) {
        const bool chosen = m_retentionPolicy.isEmpty()
                ? policies.value(row, u"default").toBool()
                : policies.value(row, u"name").toString() == m_retentionPolicy;
        if (chosen) {
            name = policies.value(row, u"name").toString();
            durationText = policies.value(row, u"duration").toString();
            duration = parseGoDuration(durationText);
        }
    }
    if (!duration || *duration <= 0) {
        complete({}, 0);
        return;
    }
    // The server drops points older than its clock minus the duration, at the write; the
    // look-up runs a moment later. Within the margin of that limit a line may go either way.
    constexpr qint64 Margin = 60'000'000'000;
    const qint64 limit = QDateTime::currentMSecsSinceEpoch() * 1'000'000 - *duration;
    const LineProtocolChecker checker(m_precision);
    QList<BatchWriteReport::Line> notWritten;
    qsizetype definite = 0;
    for (const Line &source : std::as_const(m_lines)) {
        const auto parsed = checker.parseLine(source.text);
        const std::optional<qint64> raw =
                parsed.isValid() ? parsed.point->time().valueIn(m_precision) : std::nullopt;
        if (!raw)
            continue; // the server's time: never beyond the policy
        const std::optional<Influx::Timestamp> time =
                Influx::Timestamp::fromPrecision(*raw, m_precision);
        if (!time || time->nanoseconds() >= limit + Margin)
            continue;
        const bool dropped = time->nanoseconds() < limit - Margin;
        definite += dropped;
        notWritten.append(
                {source.number,
                 dropped ? BatchWriteReport::Outcome::Dropped
                         : BatchWriteReport::Outcome::MaybeDropped,
                 dropped ? tr("dropped: older than retention policy \"%1\" keeps data (%2)")
                                   .arg(name, durationText)
                         : tr("maybe dropped: at the limit of what retention policy \"%1\" "
                              "keeps (%2)")
                                   .arg(name, durationText)});
    }
    complete(notWritten, definite);
}

void PartialWriteResolver::complete(QList<BatchWriteReport::Line> notWritten, qsizetype definite)
{
    if (notWritten.size() < m_dropped) {
        // Something else was dropped too (InfluxDB reports one reason only): keep every line.
        const QString why = tr("maybe dropped: the server dropped %1 of this batch, only %2 "
                               "could be matched to lines")
                                    .arg(points(m_dropped))
                                    .arg(definite);
        QSet<qsizetype> listed;
        for (const BatchWriteReport::Line &line : std::as_const(notWritten))
            listed.insert(line.line);
        for (const Line &line : std::as_const(m_lines)) {
            if (!listed.contains(line.number))
                notWritten.append({line.number, BatchWriteReport::Outcome::MaybeDropped, why});
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
