// SPDX-License-Identifier: MIT
#ifndef INFLUX_QUERYRESULT_H
#define INFLUX_QUERYRESULT_H

#include "error.h"
#include "series.h"

#include <QtCore/QList>

namespace Influx {

// A warning or informational message the server attached to a statement result.
struct Message
{
    QString level; // "warning", "info", ...
    QString text;
    friend bool operator==(const Message &, const Message &) = default;
};

// The result of one statement of a query.
struct StatementResult
{
    int statementId = 0;
    QList<Series> series;
    QList<Message> messages;
    Error error; // StatementError with statementIndex() == statementId, or no error
    friend bool operator==(const StatementResult &, const StatementResult &) = default;
};

// Everything a /query call returned: one StatementResult per statement, in order.
class QueryResult
{
public:
    // The reference client's result shapes.
    enum class Shape {
        None, // no series at all
        OneSeries, // one statement, one series
        SeriesList, // one statement, several series
        SeriesLists, // several statements (one list per statement, in order)
    };

    QueryResult() = default;
    explicit QueryResult(const QList<StatementResult> &statements) : m_statements(statements) { }

    QList<StatementResult> statements() const { return m_statements; }
    QList<StatementResult> &statements() { return m_statements; }
    qsizetype statementCount() const { return m_statements.size(); }

    Shape shape() const;
    // Shape::OneSeries: that series; otherwise the first series or an empty one.
    Series series() const;
    // Every series of every statement, in arrival order.
    QList<Series> allSeries() const;
    // One list per statement.
    QList<QList<Series>> seriesPerStatement() const;

    qsizetype rowCount() const; // over all series
    bool hasErrors() const;
    Error firstError() const;
    QList<Error> errors() const;
    QList<Message> messages() const; // over all statements

    friend bool operator==(const QueryResult &, const QueryResult &) = default;

private:
    QList<StatementResult> m_statements;
};

} // namespace Influx

Q_DECLARE_METATYPE(Influx::QueryResult)

#endif // INFLUX_QUERYRESULT_H
