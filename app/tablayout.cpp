// SPDX-License-Identifier: MIT
#include "tablayout.h"

#include "goformat.h"

namespace Explorer {

// Splits one Fprintln'd row into tabwriter lines and cells and calls handler(cells, flush)
// for each line; flush is true for a line ended by '\f'.
template<typename LineHandler>
void TabLayout::forEachLine(QByteArrayView row, LineHandler handler)
{
    m_cells.clear();
    qsizetype cellStart = 0;
    for (qsizetype i = 0; i <= row.size(); ++i) {
        const char c = i < row.size() ? row[i] : '\n'; // Fprintln's newline
        if (c == '\t' || c == '\v') {
            m_cells.append(row.sliced(cellStart, i - cellStart));
            cellStart = i + 1;
        } else if (c == '\n' || c == '\f') {
            m_cells.append(row.sliced(cellStart, i - cellStart));
            cellStart = i + 1;
            handler(m_cells, c == '\f');
            m_cells.clear();
        }
    }
}

void TabLayout::closeRuns(qsizetype fromColumn)
{
    for (qsizetype column = fromColumn; column < m_openStart.size(); ++column) {
        if (m_openStart[column] < 0)
            continue;
        m_runs[column].append(Run {m_openStart[column], m_line - 1, m_openWidth[column]});
        m_openStart[column] = -1;
    }
}

void TabLayout::measureLine(const QList<QByteArrayView> &cells, bool endsBlocks)
{
    // Tabwriter's format(): the last cell of a line is not part of a column.
    const qsizetype columns = cells.size() - 1;
    if (m_openStart.size() < columns) {
        m_openStart.resize(columns, -1);
        m_openWidth.resize(columns, 0);
        m_runs.resize(columns);
    }
    closeRuns(columns);
    for (qsizetype column = 0; column < columns; ++column) {
        const qsizetype width =
                std::max<qsizetype>(MinWidth, GoFormat::runeCount(cells[column]) + Padding);
        if (m_openStart[column] < 0) {
            m_openStart[column] = m_line;
            m_openWidth[column] = width;
        } else {
            m_openWidth[column] = std::max(m_openWidth[column], width);
        }
    }
    ++m_line;
    if (endsBlocks)
        closeRuns(0);
}

void TabLayout::measure(QByteArrayView row)
{
    forEachLine(row, [this](const QList<QByteArrayView> &cells, bool endsBlocks) {
        measureLine(cells, endsBlocks);
    });
}

void TabLayout::finishMeasuring()
{
    closeRuns(0);
    m_cursor = QList<qsizetype>(m_runs.size(), 0);
    m_line = 0;
}

void TabLayout::write(QByteArrayView row, QByteArray &out)
{
    forEachLine(row, [this, &out](const QList<QByteArrayView> &cells, bool) {
        for (qsizetype column = 0; column < cells.size(); ++column) {
            out += cells[column];
            if (column == cells.size() - 1)
                break;
            // The run of this column that contains the current line (pass 1 made one).
            const QList<Run> &runs = m_runs[column];
            qsizetype &cursor = m_cursor[column];
            while (runs[cursor].lastLine < m_line)
                ++cursor;
            const qsizetype padding = runs[cursor].width - GoFormat::runeCount(cells[column]);
            if (padding > 0)
                out.append(padding, ' ');
        }
        out += '\n';
        ++m_line;
    });
}

} // namespace Explorer
