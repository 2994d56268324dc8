// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTTABLEMODEL_H
#define EXPLORER_RESULTTABLEMODEL_H

#include "settings/preferences.h"

#include "reply.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>

#include <vector>

namespace Explorer {

// One series of a query result as a table, filled while the response streams in.
//
// Rows become visible in steps (canFetchMore()/fetchMore()), so a view shows the first rows of
// a million-row result at once and asks for more as it scrolls. While the reply runs, the
// model reads through it and never keeps a copy of the growing series (a copy would make every
// appended chunk copy the whole series); once the reply finished, the model keeps the series
// and no longer needs the reply.
//
// The series' tags are not columns (InfluxDB returns them beside the rows); title() names them.
// Sorting works once the reply finished: sort() builds a row permutation, and the exposed rows
// (still growing with fetchMore()) are the first ones in that order.
//
// The reply is not owned; the model may outlive it once it finished.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        // The value as stored: qint64, double, bool, QString, Influx::Timestamp, or invalid.
        RawValueRole = Qt::UserRole + 1,
    };

    // Rows exposed per fetchMore().
    static constexpr int FetchStep = 10000;

    ResultTableModel(Influx::QueryReply *reply, int statementIndex, int seriesIndex,
                     QObject *parent = nullptr);

    int statementIndex() const { return m_statement; }
    int seriesIndex() const { return m_seriesIndex; }
    // Rows received so far (rowCount() is how many of them are exposed).
    qsizetype availableRows() const;
    // The series in its received order (sorting does not change it).
    Influx::Series series() const;
    // "name" or "name dc=eu,host=a" (tags sorted by key) — what a tab showing this table is
    // called.
    QString title() const;
    // True once the reply finished (successfully or not): the rows are final.
    bool isComplete() const { return m_finished; }

    // Times are shown with Preferences::formatTime(), every digit kept.
    void setPreferences(const Preferences &preferences);
    Preferences preferences() const { return m_preferences; }

    // The series row shown in row `row` (differs from row once sorted); -1 when out of range.
    qsizetype sourceRow(int row) const;
    // The column sorted by, -1 when rows are in received order.
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    // Only once isComplete(); ignored before. Nulls come last in both orders, equal values keep
    // their received order; column -1 restores the received order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // The reply finished: the rows are final and sort() works.
    void completed();

private:
    void onRowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow, qsizetype count);
    void onFinished();
    void expose(qsizetype rows);
    void updateColumns(const Influx::Series &s);
    QString displayText(const Influx::Series &s, qsizetype row, qsizetype column) const;

    QPointer<Influx::QueryReply> m_reply;
    int m_statement;
    int m_seriesIndex;
    Influx::Series m_final; // valid once the reply finished
    bool m_finished = false;
    qsizetype m_exposed = 0;
    bool m_inserting = false;
    int m_columns = 0;
    Preferences m_preferences;
    std::vector<int> m_order; // view row → series row; empty = received order
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace Explorer

#endif // EXPLORER_RESULTTABLEMODEL_H
