// SPDX-License-Identifier: MIT
#ifndef EXPLORER_ROWLIMITBAR_H
#define EXPLORER_ROWLIMITBAR_H

#include <QtWidgets/QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Explorer {

// The inline question shown when a query reaches the row limit (no modal dialog: the rows
// so far stay usable): "The query returned more than 1,000,000 rows so far. [Fetch All]
// [Stop Here]". Hidden until ask().
//
// Child object names: "rowLimitLabel", "fetchAllButton", "stopHereButton"; the bar itself is
// "rowLimitBar".
class RowLimitBar : public QFrame
{
    Q_OBJECT
public:
    explicit RowLimitBar(QWidget *parent = nullptr);

    void ask(qint64 limit);

Q_SIGNALS:
    void fetchAllClicked();
    void stopHereClicked();

private:
    QLabel *m_label;
};

} // namespace Explorer

#endif // EXPLORER_ROWLIMITBAR_H
