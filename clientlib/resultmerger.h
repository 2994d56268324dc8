// SPDX-License-Identifier: MIT
#ifndef INFLUX_RESULTMERGER_H
#define INFLUX_RESULTMERGER_H

#include "queryresult.h"
#include "responsedecoder.h"

#include <QtCore/QList>

namespace Influx {

// Builds a QueryResult from the decoded documents of one response, as they arrive.
//
// Pieces are keyed by statement: results with the same statement_id (one per chunk in chunked
// mode) form one StatementResult, their series and messages appended in order. While the
// previous series piece of a statement was partial, the next piece's rows are appended to that
// series (its name and columns are not compared, as InfluxDB repeats them). A statement
// "error" becomes StatementResult::error (Kind::StatementError, index = statement_id); a
// top-level document "error" becomes documentError() (Kind::ServerError).
//
// Statements are kept in order of arrival; with InfluxDB that is statement_id order, so a
// statement index below is also its statement_id.
//
// Streaming and copies: appending rows to a series that the caller also holds a copy of makes
// the series detach (a full copy). While results stream in, read the rows through result()
// using the updates rather than keeping copies of the series.
//
// Without keeping rows (setKeepRows(false)), result() holds every series' name, tags and
// columns but no rows, and the rows exist only in the updates' pieces: for a consumer that
// handles each piece once (printing, exporting), this saves merging every piece into a series
// that keeps growing, i.e. a copy of the whole result and the page faults of its memory.
class ResultMerger
{
public:
    // Rows added by add(): rows [firstRow, firstRow + count) of
    // result().statements()[statementIndex].series[seriesIndex]. A new series starts at 0.
    // piece holds those rows alone (its row 0 is row firstRow of the series), with the
    // series' name, tags and columns; it shares its data with the decoded document.
    struct Update
    {
        int statementIndex = 0;
        int seriesIndex = 0;
        qsizetype firstRow = 0;
        qsizetype count = 0;
        Series piece;
        friend bool operator==(const Update &, const Update &) = default;
    };
    // Call before the first add(). Default: true.
    void setKeepRows(bool keep) { m_keepRows = keep; }
    bool keepsRows() const { return m_keepRows; }

    QList<Update> add(const DecodedDocument &document);
    // Takes the pieces over: a series that grows later is never shared with the document.
    QList<Update> add(DecodedDocument &&document);
    // The indexes of statements whose result became complete since the last call, each
    // reported once: a result piece without "partial", a later statement that started, or
    // finish().
    QList<int> takeFinishedStatements();
    // End of the stream: a series whose last piece was partial (max-row-limit truncation, or a
    // body cut short) is marked truncated, and every statement is finished.
    void finish();

    const QueryResult &result() const { return m_result; }
    QueryResult takeResult();
    Error documentError() const { return m_documentError; }

private:
    struct StatementState
    {
        bool lastSeriesPartial = false; // the next series piece continues the last series
        qsizetype lastSeriesRows = 0; // rows the last series has had (also when not kept)
        bool finished = false;
        bool reported = false;
    };
    QList<Update> merge(DecodedDocument &document); // moves the pieces out
    int statementIndex(int statementId);
    void finishStatement(int index);

    QueryResult m_result;
    QList<StatementState> m_states; // parallel to m_result.statements()
    Error m_documentError;
    bool m_keepRows = true;
};

} // namespace Influx

#endif // INFLUX_RESULTMERGER_H
