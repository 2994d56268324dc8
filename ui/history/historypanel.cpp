// SPDX-License-Identifier: MIT
#include "historypanel.h"

#include "queryhistorymodel.h"

#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

HistoryPanel::HistoryPanel(QueryHistory *history, QWidget *parent)
    : QWidget(parent),
      m_model(new QueryHistoryModel(history, this)),
      m_search(new QLineEdit(this)),
      m_view(new QTableView(this)),
      m_useAction(new QAction(tr("Use in Editor"), this)),
      m_runAgainAction(new QAction(tr("Run Again"), this)),
      m_copyAction(new QAction(tr("Copy Query"), this))
{
    m_search->setPlaceholderText(tr("Search history"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, m_model, &QueryHistoryModel::setFilter);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and widths keep a history of thousands of rows cheap to show.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(QueryHistoryModel::Query, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(u'9');
    header->resizeSection(QueryHistoryModel::When, digit * 21);
    header->resizeSection(QueryHistoryModel::Rows, digit * 9);
    header->resizeSection(QueryHistoryModel::Elapsed, digit * 9);
    header->resizeSection(QueryHistoryModel::Status, digit * 14);
    header->resizeSection(QueryHistoryModel::Connection, digit * 12);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT querySelected(index.data(QueryHistoryModel::QueryRole).toString());
    });

    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_useAction, &QAction::triggered, this, [this] {
        if (const QString query = currentQuery(); !query.isEmpty())
            Q_EMIT querySelected(query);
    });
    connect(m_runAgainAction, &QAction::triggered, this, [this] {
        if (const QString query = currentQuery(); !query.isEmpty())
            Q_EMIT queryRunRequested(query);
    });
    connect(m_copyAction, &QAction::triggered, this, [this] {
        if (const QString query = currentQuery(); !query.isEmpty())
            QGuiApplication::clipboard()->setText(query);
    });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_useAction, m_runAgainAction, m_copyAction});
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateActions);
    updateActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
}

bool HistoryPanel::addEntry(const QueryHistory::Entry &entry, QString *error)
{
    return m_model->addEntry(entry, error);
}

void HistoryPanel::reload()
{
    m_model->reload();
}

QString HistoryPanel::currentQuery() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(QueryHistoryModel::QueryRole).toString() : QString();
}

void HistoryPanel::updateActions()
{
    const bool any = m_view->currentIndex().isValid();
    for (QAction *action : {m_useAction, m_runAgainAction, m_copyAction})
        action->setEnabled(any);
}

// Down in the search field moves on to the results, so the keyboard alone picks a query.
bool HistoryPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_view->setFocus();
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, QueryHistoryModel::Query));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Explorer
