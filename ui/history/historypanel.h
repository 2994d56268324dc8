// SPDX-License-Identifier: MIT
#ifndef EXPLORER_HISTORYPANEL_H
#define EXPLORER_HISTORYPANEL_H

#include "history/queryhistory.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLineEdit;
class QTableView;
QT_END_NAMESPACE

namespace Explorer {

class QueryHistoryModel;

// The query history panel: a search field that filters as you type and the history table,
// newest first. Double-click or Enter on a row emits querySelected (for the editor); the
// context menu has "Use in editor", "Run again" (queryRunRequested) and "Copy query".
//
// It works on a QueryHistory it does not own, which must outlive it; the caller load()s the
// history (before constructing the panel, or then calls reload()). Queries that ran are added
// with addEntry(), which also appends them to the history file.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QueryHistory *history, QWidget *parent = nullptr);

    // Returns false (with the reason) when the file could not be written; the entry still shows.
    bool addEntry(const QueryHistory::Entry &entry, QString *error = nullptr);
    void reload(); // after the history was load()ed again
    QString currentQuery() const; // the whole query of the current row, or empty

    QueryHistoryModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *view() const { return m_view; }
    QAction *useAction() const { return m_useAction; }
    QAction *runAgainAction() const { return m_runAgainAction; }
    QAction *copyAction() const { return m_copyAction; }

Q_SIGNALS:
    void querySelected(const QString &query);
    void queryRunRequested(const QString &query);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();

    QueryHistoryModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QAction *m_useAction;
    QAction *m_runAgainAction;
    QAction *m_copyAction;
};

} // namespace Explorer

#endif // EXPLORER_HISTORYPANEL_H
