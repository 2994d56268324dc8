// SPDX-License-Identifier: MIT
#include "schema/schemastatements.h"

#include "selectquery.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace Explorer::SchemaStatements {

namespace {

QString ident(const QString &name)
{
    return Influx::Source::quoteIdentifier(name);
}

// "rp"."m": SHOW ... FROM takes no database (that is the ON clause).
QString rpSource(const QString &retentionPolicy, const QString &measurement)
{
    return Influx::Source::qualified({}, retentionPolicy, measurement).toString();
}

QString fullSource(const QString &database, const QString &retentionPolicy,
                   const QString &measurement)
{
    return Influx::Source::qualified(database, retentionPolicy, measurement).toString();
}

QString limitClause(int limit)
{
    return limit > 0 ? u" LIMIT "_s + QString::number(limit) : QString();
}

} // namespace

bool isValidDuration(const QString &text, bool allowInfinite)
{
    if (allowInfinite && text.compare(u"INF"_s, Qt::CaseInsensitive) == 0)
        return true;
    static const QRegularExpression duration(u"^(?:[0-9]+(?:ns|u|µ|ms|s|m|h|d|w))+$"_s);
    return duration.match(text).hasMatch();
}

QString showDatabases()
{
    return u"SHOW DATABASES"_s;
}

QString showRetentionPolicies(const QString &database)
{
    return u"SHOW RETENTION POLICIES ON "_s + ident(database);
}

QString showMeasurements(const QString &database)
{
    return u"SHOW MEASUREMENTS ON "_s + ident(database);
}

QString showFieldKeys(const QString &database, const QString &retentionPolicy,
                      const QString &measurement)
{
    // Field keys live in the shards, so "rp"."m" lists only what that policy holds.
    return u"SHOW FIELD KEYS ON "_s + ident(database) + u" FROM "_s
            + rpSource(retentionPolicy, measurement);
}

QString showTagKeys(const QString &database, const QString &retentionPolicy,
                    const QString &measurement)
{
    return u"SHOW TAG KEYS ON "_s + ident(database) + u" FROM "_s
            + rpSource(retentionPolicy, measurement);
}

QString showTagValues(const QString &database, const QString &retentionPolicy,
                      const QString &measurement, const QString &tagKey, int limit)
{
    return u"SHOW TAG VALUES ON "_s + ident(database) + u" FROM "_s
            + rpSource(retentionPolicy, measurement) + u" WITH KEY = "_s + ident(tagKey)
            + limitClause(limit);
}

QString catalog(const QString &database)
{
    const QString on = ident(database);
    return u"SHOW MEASUREMENTS ON "_s + on + u"; SHOW FIELD KEYS ON "_s + on
            + u"; SHOW TAG KEYS ON "_s + on;
}

QString seriesCardinality(const QString &database, const QString &measurement)
{
    QString text = u"SHOW SERIES CARDINALITY ON "_s + ident(database);
    if (!measurement.isEmpty())
        text += u" FROM "_s + ident(measurement);
    return text;
}

QString selectAll(const QString &database, const QString &retentionPolicy,
                  const QString &measurement, int limit)
{
    return u"SELECT * FROM "_s + fullSource(database, retentionPolicy, measurement)
            + limitClause(limit);
}

QString selectField(const QString &database, const QString &retentionPolicy,
                    const QString &measurement, const QString &field, int limit)
{
    return u"SELECT "_s + ident(field) + u" FROM "_s
            + fullSource(database, retentionPolicy, measurement) + limitClause(limit);
}

QString selectGroupedByTag(const QString &database, const QString &retentionPolicy,
                           const QString &measurement, const QString &tagKey, int limit)
{
    return u"SELECT * FROM "_s + fullSource(database, retentionPolicy, measurement)
            + u" GROUP BY "_s + ident(tagKey) + limitClause(limit);
}

QString selectWhereTag(const QString &database, const QString &retentionPolicy,
                       const QString &measurement, const QString &tagKey, const QString &value,
                       int limit)
{
    return u"SELECT * FROM "_s + fullSource(database, retentionPolicy, measurement) + u" WHERE "_s
            + ident(tagKey) + u" = "_s + Influx::quoteStringLiteral(value) + limitClause(limit);
}

QString createDatabase(const QString &database)
{
    return u"CREATE DATABASE "_s + ident(database);
}

QString dropDatabase(const QString &database)
{
    return u"DROP DATABASE "_s + ident(database);
}

QString createRetentionPolicy(const QString &database, const RetentionPolicySpec &spec)
{
    QString text = u"CREATE RETENTION POLICY "_s + ident(spec.name) + u" ON "_s + ident(database)
            + u" DURATION "_s + spec.duration + u" REPLICATION "_s
            + QString::number(spec.replication);
    if (!spec.shardDuration.isEmpty())
        text += u" SHARD DURATION "_s + spec.shardDuration;
    if (spec.makeDefault)
        text += u" DEFAULT"_s;
    return text;
}

QString dropRetentionPolicy(const QString &database, const QString &retentionPolicy)
{
    return u"DROP RETENTION POLICY "_s + ident(retentionPolicy) + u" ON "_s + ident(database);
}

QString dropMeasurement(const QString &measurement)
{
    return u"DROP MEASUREMENT "_s + ident(measurement);
}

QStringList columnValues(const Influx::QueryResult &result, int statement, QStringView column)
{
    QStringList list;
    const QList<Influx::StatementResult> statements = result.statements();
    if (statement >= statements.size())
        return list;
    for (const Influx::Series &series : statements[statement].series) {
        const qsizetype index = series.columnIndex(column);
        if (index < 0)
            continue;
        for (qsizetype row = 0; row < series.rowCount(); ++row)
            list.append(series.value(row, index).toString());
    }
    list.sort();
    list.removeDuplicates();
    return list;
}

} // namespace Explorer::SchemaStatements
