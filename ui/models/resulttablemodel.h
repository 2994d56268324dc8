// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTTABLEMODEL_H
#define EXPLORER_RESULTTABLEMODEL_H

#include "reply.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>

namespace Explorer {

// One series of a query result as a table, filled while the response streams in.
//
// Rows become visible in steps (canFetchMore()/fetchMore()), so a view shows the first rows of
// a million-row result at once and asks for more as it scrolls. While the reply runs, the
// model reads through it and never keeps a copy of the growing series (a copy would make every
// appended chunk copy the whole series); once the reply finished, the model keeps the series
// and no longer needs the reply.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        // The value as stored: qint64, double, bool, QString, Influx::Timestamp, or invalid.
        RawValueRole = Qt::UserRole + 1,
    };
    enum class TimeZone { Utc, Local };

    // Rows exposed per fetchMore().
    static constexpr int FetchStep = 10000;

    ResultTableModel(Influx::QueryReply *reply, int statementIndex, int seriesIndex,
                     QObject *parent = nullptr);

    int statementIndex() const { return m_statement; }
    int seriesIndex() const { return m_seriesIndex; }
    // Rows received so far (rowCount() is how many of them are exposed).
    qsizetype availableRows() const;
    Influx::Series series() const;
    // "name" or "name host=a, region=eu" — what a tab showing this table is called.
    QString title() const;

    // Times are shown with all their digits: RFC 3339 in UTC ("2016-12-03T19:26:51.053212Z"),
    // or the local time with its offset.
    void setTimeZone(TimeZone zone);
    TimeZone timeZone() const { return m_timeZone; }
    static QString formatTime(Influx::Timestamp time, TimeZone zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

private:
    void onRowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow, qsizetype count);
    void onFinished();
    void expose(qsizetype rows);

    QPointer<Influx::QueryReply> m_reply;
    int m_statement;
    int m_seriesIndex;
    Influx::Series m_final; // valid once the reply finished
    bool m_finished = false;
    qsizetype m_exposed = 0;
    bool m_inserting = false;
    int m_columns = 0;
    TimeZone m_timeZone = TimeZone::Utc;
};

} // namespace Explorer

#endif // EXPLORER_RESULTTABLEMODEL_H
