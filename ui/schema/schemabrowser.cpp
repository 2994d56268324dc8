// SPDX-License-Identifier: MIT
#include "schema/schemabrowser.h"

#include "schema/retentionpolicydialog.h"
#include "schema/schemamodel.h"

#include "client.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace S = SchemaStatements;

SchemaBrowser::SchemaBrowser(Influx::Client *client, QWidget *parent)
    : QWidget(parent),
      m_client(client),
      m_model(new SchemaModel(client, this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)),
      m_refreshButton(new QToolButton(this)),
      m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(SchemaModel::NameRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Ancestors of a match stay visible to lead to it, and the children of a match stay
    // visible so that a matching measurement can still be opened.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(tr("Filter…"));
    m_filter->setClearButtonEnabled(true);
    m_refreshButton->setObjectName(u"refresh"_s);
    m_refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshButton->setToolTip(tr("Reload the schema from the server"));
    m_view->setObjectName(u"tree"_s);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SchemaModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(SchemaModel::DetailColumn,
                                           QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter);
    top->addWidget(m_refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, &SchemaBrowser::onFilterChanged);
    connect(m_refreshButton, &QToolButton::clicked, m_model, [this] { m_model->refresh(); });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &SchemaBrowser::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    // A reset clears the current index without currentChanged().
    connect(m_proxy, &QAbstractItemModel::modelReset, this,
            [this] { onCurrentChanged(m_view->currentIndex()); });

    setConfirmHandler({});
    setDatabaseNameHandler({});
    setRetentionPolicyHandler({});
}

SchemaBrowser::~SchemaBrowser() = default;

void SchemaBrowser::setConfirmHandler(ConfirmHandler handler)
{
    if (handler) {
        m_confirm = std::move(handler);
        return;
    }
    m_confirm = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
        QPushButton *drop = box.addButton(tr("Drop"), QMessageBox::DestructiveRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel);
        box.setEscapeButton(cancel);
        box.exec();
        return box.clickedButton() == drop;
    };
}

void SchemaBrowser::setDatabaseNameHandler(DatabaseNameHandler handler)
{
    if (handler) {
        m_databaseName = std::move(handler);
        return;
    }
    m_databaseName = [this]() -> std::optional<QString> {
        bool ok = false;
        const QString name =
                QInputDialog::getText(this, tr("Create Database"), tr("Name of the new database:"),
                                      QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return name;
    };
}

void SchemaBrowser::setRetentionPolicyHandler(RetentionPolicyHandler handler)
{
    if (handler) {
        m_retentionPolicy = std::move(handler);
        return;
    }
    m_retentionPolicy = [this](const QString &database) {
        return RetentionPolicyDialog::ask(this, database);
    };
}

void SchemaBrowser::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

QList<QAction *> SchemaBrowser::actionsFor(const QModelIndex &sourceIndex)
{
    QList<QAction *> actions;
    if (!sourceIndex.isValid()) {
        addAction(actions, u"createDatabase"_s, tr("Create database…"),
                  [this] { createDatabase(); });
        addAction(actions, u"refresh"_s, tr("Refresh"), [this] { m_model->refresh(); });
        return actions;
    }
    const auto role = [&sourceIndex](int role) { return sourceIndex.data(role).toString(); };
    const QString database = role(SchemaModel::DatabaseRole);
    const QString policy = role(SchemaModel::RetentionPolicyRole);
    const QString measurement = role(SchemaModel::MeasurementRole);
    const QString tagKey = role(SchemaModel::TagKeyRole);
    const QString name = role(SchemaModel::NameRole);
    switch (sourceIndex.data(SchemaModel::NodeKindRole).toInt()) {
    case SchemaModel::Database:
        addDatabaseActions(actions, sourceIndex);
        break;
    case SchemaModel::RetentionPolicy: {
        const QString statement = S::dropRetentionPolicy(database, policy);
        addAction(actions, u"dropRetentionPolicy"_s, tr("Drop retention policy…"),
                  [this, database, policy, statement] {
                      confirmAndExecute(tr("Drop Retention Policy"),
                                        tr("Delete retention policy %1 of database %2 and all "
                                           "its data?\n\n%3")
                                                .arg(policy, database, statement),
                                        statement, database, Refresh::Database);
                  });
        break;
    }
    case SchemaModel::Measurement:
        addMeasurementActions(actions, sourceIndex);
        break;
    case SchemaModel::Field:
        addAction(actions, u"selectThis"_s, tr("SELECT this field"), [=, this] {
            Q_EMIT openQueryRequested(S::selectField(database, policy, measurement, name),
                                      database);
        });
        break;
    case SchemaModel::TagKey:
        addAction(actions, u"selectThis"_s, tr("SELECT … GROUP BY this tag"), [=, this] {
            Q_EMIT openQueryRequested(S::selectGroupedByTag(database, policy, measurement, tagKey),
                                      database);
        });
        break;
    case SchemaModel::TagValue:
        addAction(actions, u"filterByValue"_s, tr("Filter by this value"), [=, this] {
            Q_EMIT openQueryRequested(
                    S::selectWhereTag(database, policy, measurement, tagKey, name), database);
        });
        break;
    default:
        break;
    }
    addCommonActions(actions, sourceIndex);
    return actions;
}

QAction *SchemaBrowser::addAction(QList<QAction *> &actions, const QString &name,
                                  const QString &text, std::function<void()> slot)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, std::move(slot));
    actions.append(action);
    return action;
}

void SchemaBrowser::addCommonActions(QList<QAction *> &actions, const QModelIndex &index)
{
    const QString name = index.data(SchemaModel::NameRole).toString();
    if (!actions.isEmpty()) {
        auto *separator = new QAction(this);
        separator->setSeparator(true);
        actions.append(separator);
    }
    if (!name.isEmpty()) {
        addAction(actions, u"copyName"_s, tr("Copy name"),
                  [name] { QGuiApplication::clipboard()->setText(name); });
    }
    const QPersistentModelIndex persistent(index);
    addAction(actions, u"refresh"_s, tr("Refresh"), [this, persistent] {
        if (persistent.isValid())
            m_model->refresh(persistent);
    });
}

void SchemaBrowser::addMeasurementActions(QList<QAction *> &actions, const QModelIndex &index)
{
    const QString database = index.data(SchemaModel::DatabaseRole).toString();
    const QString policy = index.data(SchemaModel::RetentionPolicyRole).toString();
    const QString measurement = index.data(SchemaModel::MeasurementRole).toString();
    addAction(actions, u"selectAll"_s, tr("SELECT * … LIMIT 100"), [=, this] {
        Q_EMIT openQueryRequested(S::selectAll(database, policy, measurement), database);
    });
    addAction(actions, u"seriesCardinality"_s, tr("Series cardinality"), [=, this] {
        Q_EMIT runQueryRequested(S::seriesCardinality(database, measurement), database);
    });
    const QString statement = S::dropMeasurement(measurement);
    addAction(actions, u"dropMeasurement"_s, tr("Drop measurement…"), [=, this] {
        confirmAndExecute(tr("Drop Measurement"),
                          tr("Delete measurement %1 of database %2 with all its data, in "
                             "every retention policy?\n\n%3")
                                  .arg(measurement, database, statement),
                          statement, database, Refresh::MeasurementLists);
    });
}

void SchemaBrowser::addDatabaseActions(QList<QAction *> &actions, const QModelIndex &index)
{
    const QString database = index.data(SchemaModel::DatabaseRole).toString();
    addAction(actions, u"showMeasurements"_s, tr("Show measurements"), [this, database] {
        Q_EMIT runQueryRequested(S::showMeasurements(database), database);
    });
    addAction(actions, u"seriesCardinality"_s, tr("Series cardinality"), [this, database] {
        Q_EMIT runQueryRequested(S::seriesCardinality(database), database);
    });
    addAction(actions, u"createRetentionPolicy"_s, tr("Create retention policy…"),
              [this, database] { createRetentionPolicy(database); });
    const QString statement = S::dropDatabase(database);
    addAction(actions, u"dropDatabase"_s, tr("Drop database…"), [this, database, statement] {
        confirmAndExecute(
                tr("Drop Database"),
                tr("Delete database %1 with all its data?\n\n%2").arg(database, statement),
                statement, database, Refresh::Root);
    });
}

void SchemaBrowser::createDatabase()
{
    const std::optional<QString> name = m_databaseName();
    if (!name || name->isEmpty())
        return;
    execute(S::createDatabase(*name), *name, Refresh::Root);
}

void SchemaBrowser::createRetentionPolicy(const QString &database)
{
    const std::optional<S::RetentionPolicySpec> spec = m_retentionPolicy(database);
    if (!spec)
        return;
    execute(S::createRetentionPolicy(database, *spec), database, Refresh::Database);
}

void SchemaBrowser::confirmAndExecute(const QString &title, const QString &text,
                                      const QString &statement, const QString &database,
                                      Refresh refresh)
{
    if (m_confirm(title, text))
        execute(statement, database, refresh);
}

void SchemaBrowser::execute(const QString &statement, const QString &database, Refresh refresh)
{
    Influx::QueryOptions options;
    // DROP MEASUREMENT names no database; the others must not depend on one existing.
    if (refresh == Refresh::MeasurementLists)
        options.database = database;
    Influx::QueryReply *reply = m_client->rawQuery(statement, options);
    connect(reply, &Influx::Reply::finished, reply, &QObject::deleteLater);
    connect(reply, &Influx::Reply::finished, this,
            [this, statement, database, refresh](Influx::Reply *finished) {
                const Influx::Error error = finished->error();
                if (!error.isError()) {
                    refreshAfter(refresh, database);
                    Q_EMIT statementSucceeded(statement);
                    return;
                }
                Q_EMIT statementFailed(statement, error);
                if (!m_errorBoxes)
                    return;
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Statement Failed"),
                                            tr("%1\n\n%2").arg(statement, error.toString()),
                                            QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
}

void SchemaBrowser::refreshAfter(Refresh refresh, const QString &database)
{
    if (refresh == Refresh::Root) {
        m_model->refresh(QModelIndex());
        return;
    }
    const QModelIndex databaseIndex = m_model->childIndex({}, database);
    if (!databaseIndex.isValid())
        return;
    if (refresh == Refresh::Database) {
        m_model->refresh(databaseIndex);
        return;
    }
    // Measurements are per database: every policy lists them.
    QList<QPersistentModelIndex> policies;
    for (int row = 0; row < m_model->rowCount(databaseIndex); ++row)
        policies.append(m_model->index(row, 0, databaseIndex));
    for (const QPersistentModelIndex &policy : policies) {
        if (policy.isValid()
            && policy.data(SchemaModel::NodeKindRole).toInt() == SchemaModel::RetentionPolicy)
            m_model->refresh(policy);
    }
}

void SchemaBrowser::onFilterChanged(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        expandMatches({});
}

void SchemaBrowser::expandMatches(const QModelIndex &proxyParent)
{
    // Opens the way to every match; a match itself stays closed (its children are all shown
    // and would bury the other matches).
    const QString filter = m_filter->text();
    for (int row = 0; row < m_proxy->rowCount(proxyParent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, proxyParent);
        if (m_proxy->rowCount(index) == 0
            || index.data(SchemaModel::NameRole).toString().contains(filter, Qt::CaseInsensitive))
            continue;
        m_view->expand(index);
        expandMatches(index);
    }
}

void SchemaBrowser::showContextMenu(const QPoint &position)
{
    const QModelIndex source = m_proxy->mapToSource(m_view->indexAt(position));
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction *action : actionsFor(source)) {
        action->setParent(menu);
        menu->addAction(action);
    }
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void SchemaBrowser::onCurrentChanged(const QModelIndex &proxyIndex)
{
    const QString database = proxyIndex.data(SchemaModel::DatabaseRole).toString();
    if (database == m_currentDatabase)
        return;
    m_currentDatabase = database;
    Q_EMIT currentDatabaseChanged(database);
}

} // namespace Explorer
