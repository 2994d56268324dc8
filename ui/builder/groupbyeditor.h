// SPDX-License-Identifier: MIT
#ifndef EXPLORER_GROUPBYEDITOR_H
#define EXPLORER_GROUPBYEDITOR_H

#include "builder/querybuilderstate.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
QT_END_NAMESPACE

namespace Explorer {

// The query builder's grouping: GROUP BY time (none, automatic or an interval), the tags to
// group by (a checkable list of the measurement's tag keys) and fill().
//
// Child object names, stable for tests: "groupByTime", "interval", "autoInterval",
// "groupByTags", "fill", "fillValue".
class GroupByEditor : public QWidget
{
    Q_OBJECT
public:
    explicit GroupByEditor(QWidget *parent = nullptr);

    // Sets groupByTime, interval, groupByTags, fill and fillValue (NaN when the number field
    // does not hold a number).
    void read(QueryBuilderState &state) const;
    void write(const QueryBuilderState &state);
    // The tag keys offered; checked tags stay, known or not.
    void setTagKeys(const QStringList &tagKeys);
    // The automatic interval to show next to "Automatic" ("5m").
    void setAutoInterval(const QString &interval);

Q_SIGNALS:
    void changed();

private:
    void setTags(const QStringList &tagKeys, const QStringList &checked);
    QStringList checkedTags() const;
    void updateEnabled();

    QStringList m_tagKeys;
    QComboBox *m_groupByTime;
    QLineEdit *m_interval;
    QLabel *m_autoInterval;
    QListWidget *m_tags;
    QComboBox *m_fill;
    QLineEdit *m_fillValue;
};

} // namespace Explorer

#endif // EXPLORER_GROUPBYEDITOR_H
