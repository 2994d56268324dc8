// SPDX-License-Identifier: MIT
#ifndef EXPLORER_MAINWINDOW_H
#define EXPLORER_MAINWINDOW_H

#include "history/queryhistory.h"
#include "settings/preferences.h"

#include <QtWidgets/QMainWindow>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QMenu;
class QSettings;
class QTabWidget;
QT_END_NAMESPACE

namespace Influx {
class Client;
} // namespace Influx

namespace Explorer {

class BuilderPage;
class ConnectionManager;
class ConnectionMenu;
class ConnectionStatus;
class HistoryPanel;
class QueryPage;
class SchemaBrowser;
class SchemaCatalog;
class WriteDock;

// The explorer window: tabs in the centre, either query tabs (editor + results) or builder tabs
// (the visual query form + results with the chart in front); the schema browser, the query
// history and the write panel in docks; the connection in the status bar.
//
// Every panel uses the ONE client it is given; ConnectionManager reconfigures that client when
// the user switches or edits connections, so all panels follow at once. The window owns its
// panels only: client, connections, history and settings belong to the application.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Influx::Client *client, ConnectionManager *connections, QueryHistory *history,
               QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The current tab when it is a query tab (nullptr for a builder tab).
    QueryPage *currentPage() const;
    QList<QueryPage *> pages() const;
    QueryPage *addPage(const QString &text = {}, const QString &database = {});
    BuilderPage *currentBuilder() const;
    QList<BuilderPage *> builderPages() const;
    BuilderPage *addBuilderPage(const QString &database = {});
    WriteDock *writeDock() const { return m_writeDock; }
    SchemaBrowser *schemaBrowser() const { return m_schema; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    ConnectionMenu *connectionMenu() const { return m_connectionMenu; }
    QTabWidget *tabs() const { return m_tabs; }

    Preferences preferences() const { return m_preferences; }
    void setPreferences(const Preferences &preferences);

    // Asked before closing a tab with unsaved changes: Save, Discard or Cancel. Tests replace
    // the default message box.
    enum class SaveChoice { Save, Discard, Cancel };
    using SaveChangesHandler = std::function<SaveChoice(QueryPage *page)>;
    void setSaveChangesHandler(SaveChangesHandler handler);

    bool closePage(QueryPage *page);
    // Closes a query or builder tab (a query tab may ask to save first).
    bool closeTab(QWidget *tab);
    bool openFile(const QString &path, QString *error = nullptr);

    // Whether the demo server is running (the application owns it); updates the Demo action.
    void setDemoRunning(bool running);

Q_SIGNALS:
    // File ▸ Start demo server: the application starts its private influxd.
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    template<class Page>
    QList<Page *> tabsOf() const;
    void createMenus();
    void createDocks();
    void createTabCorner();
    QueryPage *createPage();
    void onCurrentPageChanged();
    void onQueryFinished(QWidget *page, QueryHistory::Entry entry);
    void onPointsWritten(const QString &database, qint64 count);
    // The database of the current tab (query or builder), or the connection's.
    QString currentDatabase() const;
    void onActiveProfileChanged();
    void loadCatalog(const QString &database);
    void updateDatabaseList();
    void showPreferencesDialog();
    void openFileDialog();
    bool saveCurrent(bool saveAs);
    void updateWindowTitle();
    void showAbout();

    Influx::Client *m_client;
    ConnectionManager *m_connections;
    QueryHistory *m_history;
    QSettings *m_settings;
    Preferences m_preferences;
    QTabWidget *m_tabs;
    SchemaBrowser *m_schema = nullptr;
    SchemaCatalog *m_catalog = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    ConnectionStatus *m_status = nullptr;
    ConnectionMenu *m_connectionMenu = nullptr;
    WriteDock *m_writeDock = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runAllAction = nullptr;
    QAction *m_cancelAction = nullptr;
    SaveChangesHandler m_saveChanges;
    int m_untitledCounter = 0;
    int m_builderCounter = 0;
    bool m_closing = false;
    QString m_catalogDatabase;
    QStringList m_databases;
};

} // namespace Explorer

#endif // EXPLORER_MAINWINDOW_H
