// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYHISTORYMODEL_H
#define EXPLORER_QUERYHISTORYMODEL_H

#include "history/queryhistory.h"

#include <QtCore/QAbstractTableModel>

namespace Explorer {

// The query history as a table, newest first, optionally narrowed to the queries containing a
// search text: When (local time), Query (first line; the whole query in the tooltip and in
// QueryRole), Rows, Elapsed, Status ("ok" or the error), Connection.
//
// The history is not owned and must outlive the model. New entries go through addEntry(), which
// appends them to the history (and its file) and shows them; after history->load() call reload().
class QueryHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Query, Rows, Elapsed, Status, Connection, ColumnCount };
    static constexpr int QueryRole = Qt::UserRole; // the whole query text, any column

    explicit QueryHistoryModel(QueryHistory *history, QObject *parent = nullptr);

    QString filter() const { return m_filter; }
    void setFilter(const QString &text); // case-insensitive "contains"; empty shows all
    void reload();
    // Shown even when the file cannot be written (then false, with the reason).
    bool addEntry(const QueryHistory::Entry &entry, QString *error = nullptr);
    QueryHistory::Entry entry(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QueryHistory *m_history;
    QString m_filter;
    QList<QueryHistory::Entry> m_rows; // newest first
};

} // namespace Explorer

#endif // EXPLORER_QUERYHISTORYMODEL_H
