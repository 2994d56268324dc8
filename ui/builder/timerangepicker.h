// SPDX-License-Identifier: MIT
#ifndef EXPLORER_TIMERANGEPICKER_H
#define EXPLORER_TIMERANGEPICKER_H

#include "builder/querybuilderstate.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateTimeEdit;
QT_END_NAMESPACE

namespace Explorer {

// The query builder's time range: a quick range ("Last 1h" … "Last 30d"), an absolute UTC
// from/to, or no time range. The edits have millisecond resolution; a range set through
// write() keeps its nanoseconds for as long as the edits still show it.
//
// Child object names, stable for tests: "timeRange", "from", "to".
class TimeRangePicker : public QWidget
{
    Q_OBJECT
public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    // Sets timeRange, quickRangeSeconds (kept when another kind is chosen), from and to.
    void read(QueryBuilderState &state) const;
    void write(const QueryBuilderState &state);

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    qint64 m_quickRange = 3600; // the last quick range chosen
    Influx::Timestamp m_from;
    Influx::Timestamp m_to;
    QComboBox *m_range;
    QDateTimeEdit *m_fromEdit;
    QDateTimeEdit *m_toEdit;
    QWidget *m_absolute; // from, "to" and to
};

} // namespace Explorer

#endif // EXPLORER_TIMERANGEPICKER_H
