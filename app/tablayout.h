// SPDX-License-Identifier: MIT
#ifndef EXPLORER_TABLAYOUT_H
#define EXPLORER_TABLAYOUT_H

#include <QtCore/QByteArray>
#include <QtCore/QList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Explorer {

// Go's text/tabwriter as the `influx` shell sets it up in writeColumns
// (writer.Init(w, minwidth 0, tabwidth 8, padding 1, padchar ' ', flags 0)), in two passes so
// that a large result is never held as text: measure() every row, then write() the same rows
// again in the same order.
//
// The layout rules are tabwriter's: a line is split into cells at '\t' and '\v'; every cell
// but the last one of its line belongs to a column; a column block is a run of consecutive
// lines that have a cell in that column, and its width is the widest cell of the block (in
// code points) plus the padding. '\n' ends a line, '\f' ends a line and all blocks. Each row
// given to measure()/write() is one fmt.Fprintln(writer, row): the newline is implied.
class TabLayout
{
public:
    static constexpr int Padding = 1;
    static constexpr int MinWidth = 0;

    // Pass 1.
    void measure(QByteArrayView row);
    // Ends pass 1; write() may follow.
    void finishMeasuring();
    // Pass 2: appends the formatted row (ending in '\n') to out.
    void write(QByteArrayView row, QByteArray &out);

private:
    struct Run
    {
        qint64 firstLine;
        qint64 lastLine; // inclusive
        qsizetype width;
    };
    template<typename LineHandler>
    void forEachLine(QByteArrayView row, LineHandler handler);
    void measureLine(const QList<QByteArrayView> &cells, bool endsBlocks);
    void closeRuns(qsizetype fromColumn);

    QList<QList<Run>> m_runs; // per column, in line order
    QList<qint64> m_openStart; // per column: first line of the open run, -1 = none
    QList<qsizetype> m_openWidth;
    QList<qsizetype> m_cursor; // pass 2: index into m_runs per column
    QList<QByteArrayView> m_cells; // scratch
    qint64 m_line = 0;
};

} // namespace Explorer

#endif // EXPLORER_TABLAYOUT_H
