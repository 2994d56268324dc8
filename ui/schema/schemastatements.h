// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SCHEMASTATEMENTS_H
#define EXPLORER_SCHEMASTATEMENTS_H

#include "queryresult.h"

#include <QtCore/QString>

// The InfluxQL text the schema browser sends or hands to an editor, in one place, so that every
// identifier is quoted ("name", '"' and '\' escaped) and every string literal escaped the same
// way. Pure functions: no I/O.
namespace Explorer::SchemaStatements {

// What CREATE RETENTION POLICY needs; durations are InfluxQL duration literals ("30d", "1h30m",
// "INF" for the duration only).
struct RetentionPolicySpec
{
    QString name;
    QString duration = QStringLiteral("30d");
    int replication = 1;
    QString shardDuration; // empty: the server chooses
    bool makeDefault = false;

    friend bool operator==(const RetentionPolicySpec &, const RetentionPolicySpec &) = default;
};

// True for an InfluxQL duration literal: one or more <digits><unit> with unit ns, u, µ, ms, s,
// m, h, d or w. With allowInfinite, also INF (any case).
bool isValidDuration(const QString &text, bool allowInfinite = false);

// Reading the schema (the model's lazy loading and the completion catalog).
QString showDatabases();
QString showRetentionPolicies(const QString &database);
QString showMeasurements(const QString &database);
QString showFieldKeys(const QString &database, const QString &retentionPolicy,
                      const QString &measurement);
QString showTagKeys(const QString &database, const QString &retentionPolicy,
                    const QString &measurement);
// limit <= 0: no LIMIT clause.
QString showTagValues(const QString &database, const QString &retentionPolicy,
                      const QString &measurement, const QString &tagKey, int limit);
// SHOW MEASUREMENTS ON "db"; SHOW FIELD KEYS ON "db"; SHOW TAG KEYS ON "db"
QString catalog(const QString &database);
// SHOW SERIES CARDINALITY ON "db" [FROM "m"]
QString seriesCardinality(const QString &database, const QString &measurement = {});

// Queries for the editor. The source is always "db"."rp"."m".
QString selectAll(const QString &database, const QString &retentionPolicy,
                  const QString &measurement, int limit = 100);
QString selectField(const QString &database, const QString &retentionPolicy,
                    const QString &measurement, const QString &field, int limit = 100);
// Tags alone cannot be selected (InfluxQL needs a field), so a tag key groups everything by it.
QString selectGroupedByTag(const QString &database, const QString &retentionPolicy,
                           const QString &measurement, const QString &tagKey, int limit = 100);
QString selectWhereTag(const QString &database, const QString &retentionPolicy,
                       const QString &measurement, const QString &tagKey, const QString &value,
                       int limit = 100);

// Administration (sent with POST by the client). DROP MEASUREMENT has no ON clause: it is sent
// with the database as the "db" parameter.
QString createDatabase(const QString &database);
QString dropDatabase(const QString &database);
QString createRetentionPolicy(const QString &database, const RetentionPolicySpec &spec);
QString dropRetentionPolicy(const QString &database, const QString &retentionPolicy);
QString dropMeasurement(const QString &measurement);

// The values of column `column` in every series of one statement of a SHOW result, sorted and
// unique (measurement names, field or tag keys, tag values).
QStringList columnValues(const Influx::QueryResult &result, int statement, QStringView column);

} // namespace Explorer::SchemaStatements

#endif // EXPLORER_SCHEMASTATEMENTS_H
