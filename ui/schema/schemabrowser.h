// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SCHEMABROWSER_H
#define EXPLORER_SCHEMABROWSER_H

#include "error.h"
#include "schema/schemastatements.h"

#include <QtWidgets/QWidget>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;
QT_END_NAMESPACE

namespace Influx {
class Client;
}

namespace Explorer {

class SchemaModel;

// The schema tree with a filter box, a refresh button and a context menu per node kind.
// Queries for the user go out as openQueryRequested() (into an editor) or runQueryRequested()
// (run at once); administrative statements (CREATE/DROP) are sent through the client here,
// after asking, and the affected part of the tree is reloaded when they succeed.
//
// The client is not owned and must outlive the browser. The dialogs (confirmation, database
// name, retention policy) go through replaceable handlers so that tests answer them without a
// modal loop.
class SchemaBrowser : public QWidget
{
    Q_OBJECT
public:
    // Returns true to go ahead. Default: a question box showing text, "Drop"/"Cancel" with
    // Cancel the default.
    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;
    // The name of the database to create, or nothing to cancel. Default: an input dialog.
    using DatabaseNameHandler = std::function<std::optional<QString>()>;
    // The policy to create on database, or nothing. Default: RetentionPolicyDialog::ask().
    using RetentionPolicyHandler =
            std::function<std::optional<SchemaStatements::RetentionPolicySpec>(
                    const QString &database)>;

    explicit SchemaBrowser(Influx::Client *client, QWidget *parent = nullptr);
    ~SchemaBrowser() override;

    SchemaModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

    // The database of the current node; empty when none is current.
    QString currentDatabase() const { return m_currentDatabase; }

    // The context menu's actions for a node of the model (an invalid index: the empty area).
    // The actions are children of the browser; the caller deletes them when done (the context
    // menu does when it closes).
    QList<QAction *> actionsFor(const QModelIndex &sourceIndex);

    void setConfirmHandler(ConfirmHandler handler);
    void setDatabaseNameHandler(DatabaseNameHandler handler);
    void setRetentionPolicyHandler(RetentionPolicyHandler handler);
    // When false, failed statements are only signalled (statementFailed()), not shown in a
    // message box. Default true.
    void setErrorBoxesEnabled(bool enabled) { m_errorBoxes = enabled; }
    bool errorBoxesEnabled() const { return m_errorBoxes; }

Q_SIGNALS:
    // A query for the user to look at (and run) in an editor.
    void openQueryRequested(const QString &query, const QString &database);
    // A read-only query to run at once and show.
    void runQueryRequested(const QString &query, const QString &database);
    // An administrative statement sent from here succeeded / failed.
    void statementSucceeded(const QString &statement);
    void statementFailed(const QString &statement, const Influx::Error &error);
    void currentDatabaseChanged(const QString &database);

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum class Refresh { Root, Database, MeasurementLists };

    void onFilterChanged(const QString &text);
    void showContextMenu(const QPoint &position);
    void onCurrentChanged(const QModelIndex &proxyIndex);
    QAction *addAction(QList<QAction *> &actions, const QString &name, const QString &text,
                       std::function<void()> slot);
    void addCommonActions(QList<QAction *> &actions, const QModelIndex &index);
    void addMeasurementActions(QList<QAction *> &actions, const QModelIndex &index);
    void addDatabaseActions(QList<QAction *> &actions, const QModelIndex &index);

    void createDatabase();
    void createRetentionPolicy(const QString &database);
    // Asks (through the confirm handler), then runs the statement.
    void confirmAndExecute(const QString &title, const QString &text, const QString &statement,
                           const QString &database, Refresh refresh);
    // Sends an administrative statement; on success reloads what it changed.
    void execute(const QString &statement, const QString &database, Refresh refresh);
    void refreshAfter(Refresh refresh, const QString &database);
    void expandMatches(const QModelIndex &proxyParent);

    Influx::Client *m_client;
    SchemaModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QToolButton *m_refreshButton;
    QTreeView *m_view;
    ConfirmHandler m_confirm;
    DatabaseNameHandler m_databaseName;
    RetentionPolicyHandler m_retentionPolicy;
    QString m_currentDatabase;
    bool m_errorBoxes = true;
};

} // namespace Explorer

#endif // EXPLORER_SCHEMABROWSER_H
