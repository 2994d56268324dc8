// SPDX-License-Identifier: MIT
#include "queryresult.h"

#include <algorithm>

namespace Influx {

QueryResult::Shape QueryResult::shape() const
{
    qsizetype count = 0;
    for (const StatementResult &statement : m_statements)
        count += statement.series.size();
    if (count == 0)
        return Shape::None;
    if (m_statements.size() > 1)
        return Shape::SeriesLists;
    return count == 1 ? Shape::OneSeries : Shape::SeriesList;
}

Series QueryResult::series() const
{
    for (const StatementResult &statement : m_statements) {
        if (!statement.series.isEmpty())
            return statement.series.first();
    }
    return Series();
}

QList<Series> QueryResult::allSeries() const
{
    QList<Series> result;
    for (const StatementResult &statement : m_statements)
        result += statement.series;
    return result;
}

QList<QList<Series>> QueryResult::seriesPerStatement() const
{
    QList<QList<Series>> result;
    result.reserve(m_statements.size());
    for (const StatementResult &statement : m_statements)
        result.append(statement.series);
    return result;
}

qsizetype QueryResult::rowCount() const
{
    qsizetype rows = 0;
    for (const StatementResult &statement : m_statements) {
        for (const Series &series : statement.series)
            rows += series.rowCount();
    }
    return rows;
}

bool QueryResult::hasErrors() const
{
    return std::any_of(m_statements.cbegin(), m_statements.cend(),
                       [](const StatementResult &statement) { return statement.error.isError(); });
}

Error QueryResult::firstError() const
{
    for (const StatementResult &statement : m_statements) {
        if (statement.error.isError())
            return statement.error;
    }
    return Error();
}

QList<Error> QueryResult::errors() const
{
    QList<Error> result;
    for (const StatementResult &statement : m_statements) {
        if (statement.error.isError())
            result.append(statement.error);
    }
    return result;
}

QList<Message> QueryResult::messages() const
{
    QList<Message> result;
    for (const StatementResult &statement : m_statements)
        result += statement.messages;
    return result;
}

} // namespace Influx
