// SPDX-License-Identifier: MIT
#include "resulttableview.h"

#include "models/resulttablemodel.h"

#include <QtGui/QClipboard>
#include <QtGui/QContextMenuEvent>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr int MaxInitialColumnWidth = 400;

QString field(const QString &text)
{
    if (!text.contains(u'\t') && !text.contains(u'\n') && !text.contains(u'\r')
        && !text.contains(u'"'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

ResultTableView::ResultTableView(QWidget *parent)
    : QTableView(parent),
      m_copy(new QAction(tr("&Copy"), this)),
      m_copyWithHeaders(new QAction(tr("Copy with &Headers"), this)),
      m_selectAll(new QAction(tr("Select &All"), this))
{
    m_copy->setShortcut(QKeySequence::Copy);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    connect(m_copy, &QAction::triggered, this, &ResultTableView::copySelection);
    connect(m_copyWithHeaders, &QAction::triggered, this,
            &ResultTableView::copySelectionWithHeaders);
    connect(m_selectAll, &QAction::triggered, this, &QAbstractItemView::selectAll);

    setWordWrap(false);
    setAlternatingRowColors(true);
    setHorizontalScrollMode(ScrollPerPixel);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setResizeContentsPrecision(ResizeSampleRows);
    horizontalHeader()->setSortIndicatorClearable(true);
    // Fixed row heights: the view never measures a row, however many there are.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setSortingEnabled(false);
}

void ResultTableView::setResultModel(ResultTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    setSortingEnabled(false);
    m_model = model;
    m_sized = false;
    setModel(model);
    if (!model)
        return;
    connect(model, &ResultTableModel::completed, this, &ResultTableView::onCompleted);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_sized)
            sizeColumns();
    });
    connect(model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (!m_sized)
                    return;
                for (int column = first; column <= last; ++column) {
                    resizeColumnToContents(column);
                    setColumnWidth(column, std::min(columnWidth(column), MaxInitialColumnWidth));
                }
            });
    if (model->rowCount() > 0)
        sizeColumns();
    if (model->isComplete())
        onCompleted();
}

void ResultTableView::sizeColumns()
{
    if (!m_model || m_model->columnCount() == 0)
        return;
    m_sized = true;
    // The header's resize precision limits this to the first ResizeSampleRows rows.
    resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column)
        setColumnWidth(column, std::min(columnWidth(column), MaxInitialColumnWidth));
}

void ResultTableView::onCompleted()
{
    if (!m_sized)
        sizeColumns();
    // No column sorted at first: the rows stay in the order the server sent them.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
}

QString ResultTableView::selectionText(bool withHeaders) const
{
    const QItemSelectionModel *selection = selectionModel();
    if (!m_model || !selection)
        return {};
    const QItemSelection ranges = selection->selection();
    if (ranges.isEmpty())
        return {};

    // Rows as merged intervals, columns in their visual order.
    std::vector<std::pair<int, int>> rows;
    std::vector<int> columns;
    for (const QItemSelectionRange &range : ranges) {
        rows.emplace_back(range.top(), range.bottom());
        for (int column = range.left(); column <= range.right(); ++column) {
            if (!isColumnHidden(column))
                columns.push_back(column);
        }
    }
    std::sort(rows.begin(), rows.end());
    std::vector<std::pair<int, int>> merged;
    for (const auto &interval : rows) {
        if (!merged.empty() && interval.first <= merged.back().second + 1)
            merged.back().second = std::max(merged.back().second, interval.second);
        else
            merged.push_back(interval);
    }
    const QHeaderView *header = horizontalHeader();
    std::sort(columns.begin(), columns.end(),
              [header](int a, int b) { return header->visualIndex(a) < header->visualIndex(b); });
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());

    const bool rectangle = ranges.size() == 1;
    QString text;
    if (withHeaders) {
        QStringList names;
        for (int column : columns)
            names.append(field(m_model->headerData(column, Qt::Horizontal).toString()));
        text += names.join(u'\t') + u'\n';
    }
    for (const auto &[top, bottom] : merged) {
        for (int row = top; row <= bottom; ++row) {
            if (isRowHidden(row))
                continue;
            QStringList cells;
            cells.reserve(qsizetype(columns.size()));
            for (int column : columns) {
                const QModelIndex index = m_model->index(row, column);
                if (rectangle || selection->isSelected(index))
                    cells.append(field(index.data().toString()));
                else
                    cells.append(QString());
            }
            text += cells.join(u'\t') + u'\n';
        }
    }
    return text;
}

void ResultTableView::copySelection()
{
    QGuiApplication::clipboard()->setText(selectionText(false));
}

void ResultTableView::copySelectionWithHeaders()
{
    QGuiApplication::clipboard()->setText(selectionText(true));
}

void ResultTableView::keyPressEvent(QKeyEvent *event)
{
    // QAbstractItemView would copy the current cell only.
    if (event == QKeySequence::Copy) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ResultTableView::contextMenuEvent(QContextMenuEvent *event)
{
    const bool hasSelection = selectionModel() && selectionModel()->hasSelection();
    m_copy->setEnabled(hasSelection);
    m_copyWithHeaders->setEnabled(hasSelection);
    m_selectAll->setEnabled(m_model && m_model->rowCount() > 0);
    QMenu menu(this);
    menu.addAction(m_copy);
    menu.addAction(m_copyWithHeaders);
    menu.addSeparator();
    menu.addAction(m_selectAll);
    menu.exec(event->globalPos());
}

} // namespace Explorer
