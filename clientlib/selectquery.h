// SPDX-License-Identifier: MIT
#ifndef INFLUX_SELECTQUERY_H
#define INFLUX_SELECTQUERY_H

#include "clientoptions.h"

#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QSharedDataPointer>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

namespace Influx {

class Client;
class QueryReply;
class SelectQueryData;

// A measurement to select from: a plain name (quoted as one identifier, dots included),
// a qualified "db"."rp"."measurement" name, or a regular expression.
class Source
{
public:
    // No source: into(Source()) / into({}) clears INTO.
    Source() = default;
    // An empty name is no source (so into("") clears INTO instead of writing INTO "").
    Source(const QString &measurement)
        : m_text(measurement.isEmpty() ? QString() : quoteIdentifier(measurement))
    { }
    Source(const char *measurement) : Source(QString::fromUtf8(measurement)) { }
    // Empty database/retentionPolicy parts are left out ("db".."m" keeps the default RP).
    // An empty measurement gives no source.
    static Source qualified(const QString &database, const QString &retentionPolicy,
                            const QString &measurement);
    // /pattern/ with '/' escaped; optionally qualified.
    static Source regex(const QString &pattern, const QString &database = {},
                        const QString &retentionPolicy = {});
    QString toString() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

    // "name" with '"' and '\' escaped (and a newline as \n, which InfluxQL understands).
    static QString quoteIdentifier(const QString &identifier);

private:
    QString m_text;
};

// 'text' with '\'' and '\' escaped.
QString quoteStringLiteral(const QString &text);
// A WHERE value: strings quoted, booleans TRUE/FALSE, integers without suffix, floats in
// shortest round-trip form, Timestamp/QDateTime as quoted RFC 3339, QDate as quoted date.
// Unsupported types give an empty string.
QString influxqlLiteral(const QVariant &value);

// An immutable SELECT builder (the reference client's SelectQuery). Every method returns a
// new query and leaves this one unchanged; copies share their data until one is modified.
class SelectQuery
{
public:
    enum class Order { Default, Ascending, Descending };

    SelectQuery();
    // select: expressions used verbatim; from: the measurements.
    SelectQuery(Client *client, const QStringList &select, const QList<Source> &from);
    SelectQuery(const SelectQuery &other);
    SelectQuery &operator=(const SelectQuery &other);
    ~SelectQuery();

    // Appends expressions; select({}) clears the list.
    SelectQuery select(const QStringList &expressions) const;
    // INTO the quoted measurement; into({}) clears it.
    SelectQuery into(const Source &target) const;
    SelectQuery clearInto() const;
    // Appends expressions (verbatim) and "key" = literal conditions, joined with AND.
    // where({}) clears the WHERE clause. Each expression is parenthesised when it contains
    // OR, so appending conditions never changes its meaning.
    SelectQuery where(const QStringList &expressions,
                      const QList<std::pair<QString, QVariant>> &equals = {}) const;
    SelectQuery where(const QString &expression) const { return where(QStringList {expression}); }
    SelectQuery whereEquals(const QString &key, const QVariant &value) const
    {
        return where(QStringList {}, {{key, value}});
    }
    SelectQuery clearWhere() const { return where(QStringList {}); }
    // Appends quoted tag keys; "*" groups by every tag; groupBy({}) clears tags and time.
    SelectQuery groupBy(const QStringList &tags) const;
    // GROUP BY time(interval[, offset]) — e.g. groupByTime("1h"), groupByTime("1d", "6h").
    // Rendered before the tags; groupByTime({}) removes it and keeps the tags.
    SelectQuery groupByTime(const QString &interval, const QString &offset = {}) const;
    // fill(null|none|previous|linear|<number>); fill({}) clears.
    SelectQuery fill(const QString &option) const;
    SelectQuery orderBy(Order order) const;
    SelectQuery descending(bool descending) const
    {
        return orderBy(descending ? Order::Descending : Order::Default);
    }
    SelectQuery limit(std::optional<qint64> n = std::nullopt) const;
    SelectQuery offset(std::optional<qint64> n = std::nullopt) const;
    SelectQuery slimit(std::optional<qint64> n = std::nullopt) const;
    SelectQuery soffset(std::optional<qint64> n = std::nullopt) const;
    // tz('Europe/Helsinki'); tz({}) clears.
    SelectQuery tz(const QString &timeZone) const;
    // Replaces (does not merge) the per-call options execute() passes to rawQuery().
    SelectQuery params(const QueryOptions &options) const;

    QueryOptions queryOptions() const;
    Client *client() const;
    QString toString() const;

    // Runs the query through the client: POST when INTO is set, GET otherwise (an httpVerb
    // set explicitly through params() wins). Returns nullptr when the query has no client.
    // Ownership as for Client::rawQuery().
    QueryReply *execute() const;

    friend bool operator==(const SelectQuery &a, const SelectQuery &b)
    {
        return a.toString() == b.toString();
    }

private:
    QSharedDataPointer<SelectQueryData> d;
};

} // namespace Influx

#endif // INFLUX_SELECTQUERY_H
