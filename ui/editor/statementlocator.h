// SPDX-License-Identifier: MIT
#ifndef EXPLORER_STATEMENTLOCATOR_H
#define EXPLORER_STATEMENTLOCATOR_H

#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QStringView>

namespace Explorer {

// Where the statements of an editor's text are and which one a cursor position means. It sees
// ';' exactly as the client's InfluxQL scanner (Influx::InfluxQL::tokenize) does, so a ';'
// inside a string, quoted identifier, regex or comment never splits, and a statement's range
// is what splitStatements() would send (no leading/trailing whitespace or comments).
//
// A position belongs to a statement from the first character of its text (or of a comment on
// its own line above it) up to its ';'. Whitespace between statements, a comment on the line of
// the previous ';' and the position right after a ';' belong to the statement before; before the
// first statement, to the first one.
class StatementLocator
{
public:
    explicit StatementLocator(QStringView text); // scans once; keeps no reference to text

    // [begin, end) of every statement that has more than whitespace and comments.
    QList<QPair<int, int>> ranges() const;
    // The index into ranges() of the statement at position, or -1 when there is none.
    qsizetype indexAt(int position) const;
    // The range of the statement at position, or {-1, -1}.
    QPair<int, int> rangeAt(int position) const;

private:
    struct Segment
    {
        int start = 0; // just after the previous ';' (or 0)
        int anchor = 0; // from here on a position belongs to this statement
        int begin = -1; // the statement text, [begin, end); -1 when there is none
        int end = -1;
    };
    QList<Segment> m_segments;
};

} // namespace Explorer

#endif // EXPLORER_STATEMENTLOCATOR_H
