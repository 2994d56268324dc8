// SPDX-License-Identifier: MIT
#include "resultmerger.h"

namespace Influx {

int ResultMerger::statementIndex(int statementId)
{
    QList<StatementResult> &statements = m_result.statements();
    for (qsizetype i = statements.size() - 1; i >= 0; --i) {
        if (statements.at(i).statementId == statementId)
            return int(i);
    }
    // A new statement: the earlier ones are complete, InfluxDB runs statements in order.
    for (qsizetype i = 0; i < statements.size(); ++i)
        finishStatement(int(i));
    StatementResult statement;
    statement.statementId = statementId;
    statements.append(statement);
    m_states.append(StatementState());
    return int(statements.size() - 1);
}

void ResultMerger::finishStatement(int index)
{
    StatementState &state = m_states[index];
    if (state.finished)
        return;
    state.finished = true;
    StatementResult &statement = m_result.statements()[index];
    if (state.lastSeriesPartial && !statement.series.isEmpty()) {
        // The continuation never came.
        statement.series.last().setTruncated(true);
        statement.series.last().squeeze();
    }
    state.lastSeriesPartial = false;
}

QList<ResultMerger::Update> ResultMerger::add(const DecodedDocument &document)
{
    // The copy shares the pieces with the caller's document: the first append to a series
    // whose piece the caller still holds copies that piece once.
    DecodedDocument copy = document;
    return merge(copy);
}

QList<ResultMerger::Update> ResultMerger::add(DecodedDocument &&document)
{
    return merge(document);
}

QList<ResultMerger::Update> ResultMerger::merge(DecodedDocument &document)
{
    QList<Update> updates;
    if (!document.error.isEmpty() && !m_documentError.isError())
        m_documentError = Error(Error::Kind::ServerError, document.error);
    for (DecodedResult &result : document.results) {
        const int index = statementIndex(result.statementId);
        StatementResult &statement = m_result.statements()[index];
        StatementState &state = m_states[index];
        for (DecodedSeries &piece : result.series) {
            const qsizetype count = piece.series.rowCount();
            if (state.lastSeriesPartial && !statement.series.isEmpty()) {
                const qsizetype firstRow = state.lastSeriesRows;
                if (m_keepRows) {
                    Series &series = statement.series.last();
                    series.appendRows(piece.series);
                    if (!piece.partial)
                        series.squeeze(); // complete: drop the room kept for more pieces
                }
                state.lastSeriesRows += count;
                updates.append({index, int(statement.series.size() - 1), firstRow, count,
                                std::move(piece.series)});
            } else {
                // The update's handle is dropped before the next add(), so the series kept
                // here is not shared any more when the next piece is appended to it.
                statement.series.append(m_keepRows ? piece.series
                                                   : Series(piece.series.name(),
                                                            piece.series.columns(),
                                                            piece.series.tags()));
                state.lastSeriesRows = count;
                updates.append({index, int(statement.series.size() - 1), 0, count,
                                std::move(piece.series)});
            }
            state.lastSeriesPartial = piece.partial;
        }
        statement.messages += result.messages;
        if (!result.error.isEmpty() && !statement.error.isError()) {
            statement.error = Error(Error::Kind::StatementError, result.error)
                                      .setStatementIndex(result.statementId);
        }
        // A result without "partial" is the statement's last piece (InfluxDB marks every
        // result partial while more rows of the statement follow). A series piece still marked
        // partial then was cut by the server's max-row-limit: finishStatement() marks it.
        if (!result.partial)
            finishStatement(index);
    }
    return updates;
}

QList<int> ResultMerger::takeFinishedStatements()
{
    QList<int> finished;
    for (qsizetype i = 0; i < m_states.size(); ++i) {
        StatementState &state = m_states[i];
        if (state.finished && !state.reported) {
            state.reported = true;
            finished.append(int(i));
        }
    }
    return finished;
}

void ResultMerger::finish()
{
    for (qsizetype i = 0; i < m_states.size(); ++i)
        finishStatement(int(i));
}

QueryResult ResultMerger::takeResult()
{
    m_states.clear();
    return std::exchange(m_result, QueryResult());
}

} // namespace Influx
