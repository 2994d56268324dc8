// SPDX-License-Identifier: MIT
#include "mainwindow/mainwindow.h"

#include "editor/queryeditor.h"
#include "history/historypanel.h"
#include "mainwindow/builderpage.h"
#include "mainwindow/connectionmenu.h"
#include "mainwindow/connectionstatus.h"
#include "mainwindow/querypage.h"
#include "mainwindow/writedock.h"
#include "results/resultspanel.h"
#include "schema/schemabrowser.h"
#include "schema/schemacatalog.h"
#include "schema/schemamodel.h"
#include "settings/connectionmanager.h"
#include "write/writepanel.h"

#include "client.h"

#include <QtCore/QSettings>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace Explorer {

MainWindow::MainWindow(Influx::Client *client, ConnectionManager *connections,
                       QueryHistory *history, QSettings *settings, QWidget *parent)
    : QMainWindow(parent),
      m_client(client),
      m_connections(connections),
      m_history(history),
      m_settings(settings),
      m_preferences(Preferences::load(*settings)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(u"mainWindow"_s);
    m_tabs->setObjectName(u"queryTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeTab(m_tabs->widget(index)); });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentPageChanged);
    setCentralWidget(m_tabs);

    m_catalog = new SchemaCatalog(client, this);
    connect(m_catalog, &SchemaCatalog::loaded, this,
            [this](const QString &database, const QStringList &measurements,
                   const QStringList &fields, const QStringList &tags) {
                for (QueryPage *page : pages()) {
                    if (page->database() == database)
                        page->editor()->setSchemaWords(measurements, fields, tags);
                }
            });

    createDocks();
    createTabCorner();
    // The query tabs' database boxes list the schema browser's databases.
    SchemaModel *schema = m_schema->model();
    connect(schema, &QAbstractItemModel::modelReset, this, &MainWindow::updateDatabaseList);
    connect(schema, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDatabaseList);
    connect(schema, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateDatabaseList);
    connect(schema, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDatabaseList);
    m_status = new ConnectionStatus(client, this);
    statusBar()->addPermanentWidget(m_status);
    createMenus();

    connect(m_connections, &ConnectionManager::activeProfileChanged, this,
            &MainWindow::onActiveProfileChanged);
    connect(m_connections, &ConnectionManager::activationFailed, this,
            [this](const QString &name, const Influx::Error &error) {
                statusBar()->showMessage(
                        tr("Cannot use connection \"%1\": %2").arg(name, error.toString()));
            });

    addPage();
    onActiveProfileChanged();
    resize(1280, 800);
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    resizeDocks(docks, QList<int>(docks.size(), 340), Qt::Horizontal);
    restoreGeometry(m_settings->value(u"window/geometry"_s).toByteArray());
    restoreState(m_settings->value(u"window/state"_s).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_schema = new SchemaBrowser(m_client, this);
    auto *schemaDock = new QDockWidget(tr("Schema"), this);
    schemaDock->setObjectName(u"schemaDock"_s);
    schemaDock->setWidget(m_schema);
    addDockWidget(Qt::LeftDockWidgetArea, schemaDock);
    connect(m_schema, &SchemaBrowser::openQueryRequested, this,
            [this](const QString &query, const QString &database) {
                QueryPage *page = addPage(query, database);
                page->runAll();
            });
    connect(m_schema, &SchemaBrowser::runQueryRequested, this,
            [this](const QString &query, const QString &database) {
                QueryPage *page = currentPage();
                if (!page || page->isRunning())
                    page = addPage();
                if (!database.isEmpty())
                    page->setDatabase(database);
                page->run(query);
            });

    m_historyPanel = new HistoryPanel(m_history, this);
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(u"historyDock"_s);
    historyDock->setWidget(m_historyPanel);
    addDockWidget(Qt::LeftDockWidgetArea, historyDock);
    tabifyDockWidget(schemaDock, historyDock);
    schemaDock->raise();
    connect(m_historyPanel, &HistoryPanel::querySelected, this, [this](const QString &query) {
        QueryPage *page = currentPage();
        if (!page)
            page = addPage();
        page->editor()->setPlainText(query);
        page->editor()->setFocus();
    });
    connect(m_historyPanel, &HistoryPanel::queryRunRequested, this,
            [this](const QString &query) { addPage(query)->runAll(); });

    m_writeDock = new WriteDock(m_client, this);
    addDockWidget(Qt::RightDockWidgetArea, m_writeDock);
    m_writeDock->hide(); // Query ▸ Write data… or the tab bar's button shows it
    connect(m_writeDock->panel(), &WritePanel::pointsWritten, this, &MainWindow::onPointsWritten);
}

void MainWindow::createTabCorner()
{
    auto *corner = new QWidget(m_tabs);
    auto *layout = new QHBoxLayout(corner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto addButton = [&](const QString &name, const QString &text, const QString &tip) {
        auto *button = new QToolButton(corner);
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        layout->addWidget(button);
        return button;
    };
    connect(addButton(u"newQueryTabButton"_s, u"+"_s, tr("New query tab (Ctrl+T)")),
            &QToolButton::clicked, this, [this] { addPage(); });
    connect(addButton(u"newBuilderTabButton"_s, tr("Builder"),
                      tr("New builder tab: build a query with a form and chart it (Ctrl+B)")),
            &QToolButton::clicked, this, [this] { addBuilderPage(); });
    connect(addButton(u"writeDataButton"_s, tr("Write"),
                      tr("Write points by hand or paste line protocol (Ctrl+Shift+W)")),
            &QToolButton::clicked, m_writeDock, &WriteDock::present);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
}

QueryPage *MainWindow::currentPage() const
{
    return qobject_cast<QueryPage *>(m_tabs->currentWidget());
}

template<class Page>
QList<Page *> MainWindow::tabsOf() const
{
    QList<Page *> result;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<Page *>(m_tabs->widget(i)))
            result.append(page);
    }
    return result;
}

QList<QueryPage *> MainWindow::pages() const
{
    return tabsOf<QueryPage>();
}

BuilderPage *MainWindow::currentBuilder() const
{
    return qobject_cast<BuilderPage *>(m_tabs->currentWidget());
}

QList<BuilderPage *> MainWindow::builderPages() const
{
    return tabsOf<BuilderPage>();
}

BuilderPage *MainWindow::addBuilderPage(const QString &database)
{
    auto *page = new BuilderPage(m_client, m_tabs);
    page->setTitle(tr("Builder %1").arg(++m_builderCounter));
    page->setDatabases(m_databases);
    page->setPreferences(m_preferences);
    const QString db = !database.isEmpty() ? database : currentDatabase();
    page->setDatabase(db);
    connect(page, &BuilderPage::runningChanged, this, [this, page](bool running) {
        if (page == currentBuilder())
            m_cancelAction->setEnabled(running);
    });
    connect(page, &BuilderPage::queryFinished, this,
            [this, page](const QueryHistory::Entry &entry) { onQueryFinished(page, entry); });
    connect(page, &BuilderPage::openInEditorRequested, this,
            [this](const QString &influxql, const QString &db) { addPage(influxql, db); });
    const int index = m_tabs->addTab(page, page->title());
    m_tabs->setCurrentIndex(index);
    return page;
}

QString MainWindow::currentDatabase() const
{
    if (QueryPage *page = currentPage(); page && !page->database().isEmpty())
        return page->database();
    if (BuilderPage *builder = currentBuilder(); builder && !builder->database().isEmpty())
        return builder->database();
    return m_client->options().database;
}

QueryPage *MainWindow::createPage()
{
    auto *page = new QueryPage(m_client, m_tabs);
    page->setUntitledName(tr("Query %1").arg(++m_untitledCounter));
    page->setDatabases(m_databases);
    page->setPreferences(m_preferences);
    connect(page, &QueryPage::titleChanged, this, [this, page](const QString &title) {
        m_tabs->setTabText(m_tabs->indexOf(page), title);
        updateWindowTitle();
    });
    connect(page, &QueryPage::databaseChanged, this, [this, page](const QString &database) {
        if (page == currentPage())
            loadCatalog(database);
    });
    connect(page, &QueryPage::runningChanged, this, [this, page](bool running) {
        if (page == currentPage())
            m_cancelAction->setEnabled(running);
    });
    connect(page, &QueryPage::queryFinished, this,
            [this, page](const QueryHistory::Entry &entry) { onQueryFinished(page, entry); });
    return page;
}

QueryPage *MainWindow::addPage(const QString &text, const QString &database)
{
    QueryPage *page = createPage();
    page->setDatabase(!database.isEmpty() ? database : currentDatabase());
    if (!text.isEmpty()) {
        page->editor()->setPlainText(text);
        page->editor()->document()->setModified(false);
    }
    const int index = m_tabs->addTab(page, page->title());
    m_tabs->setCurrentIndex(index);
    page->editor()->setFocus();
    return page;
}

bool MainWindow::closeTab(QWidget *tab)
{
    if (auto *page = qobject_cast<QueryPage *>(tab))
        return closePage(page);
    auto *builder = qobject_cast<BuilderPage *>(tab);
    if (!builder)
        return false;
    builder->cancel();
    m_tabs->removeTab(m_tabs->indexOf(builder));
    builder->deleteLater();
    if (m_tabs->count() == 0 && !m_closing)
        addPage();
    return true;
}

bool MainWindow::closePage(QueryPage *page)
{
    if (!page)
        return false;
    if (page->isModified()) {
        SaveChoice choice = SaveChoice::Cancel;
        if (m_saveChanges) {
            choice = m_saveChanges(page);
        } else {
            const auto button = QMessageBox::question(
                    this, tr("Unsaved query"),
                    tr("Save the changes to \"%1\" before closing it?")
                            .arg(page->title().chopped(1)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                    QMessageBox::Save);
            choice = button == QMessageBox::Save     ? SaveChoice::Save
                    : button == QMessageBox::Discard ? SaveChoice::Discard
                                                     : SaveChoice::Cancel;
        }
        if (choice == SaveChoice::Cancel)
            return false;
        if (choice == SaveChoice::Save) {
            m_tabs->setCurrentWidget(page);
            if (!saveCurrent(false))
                return false;
        }
    }
    page->cancel();
    m_tabs->removeTab(m_tabs->indexOf(page));
    page->deleteLater();
    if (m_tabs->count() == 0 && !m_closing)
        addPage();
    return true;
}

void MainWindow::setSaveChangesHandler(SaveChangesHandler handler)
{
    m_saveChanges = std::move(handler);
}

void MainWindow::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_preferences.save(*m_settings);
    for (QueryPage *page : pages())
        page->setPreferences(preferences);
    for (BuilderPage *builder : builderPages())
        builder->setPreferences(preferences);
    m_writeDock->panel()->setPreferences(preferences);
}

void MainWindow::setDemoRunning(bool running)
{
    m_connectionMenu->setDemoRunning(running);
}

void MainWindow::onCurrentPageChanged()
{
    QueryPage *page = currentPage();
    BuilderPage *builder = currentBuilder();
    m_cancelAction->setEnabled((page && page->isRunning()) || (builder && builder->isRunning()));
    if (page)
        loadCatalog(page->database());
    if (m_writeDock->panel()->database().isEmpty())
        m_writeDock->panel()->setDatabase(currentDatabase());
    updateWindowTitle();
}

void MainWindow::updateDatabaseList()
{
    SchemaModel *schema = m_schema->model();
    QStringList databases;
    for (int row = 0; row < schema->rowCount(); ++row) {
        const QModelIndex index = schema->index(row, 0);
        if (index.data(SchemaModel::NodeKindRole).toInt() == SchemaModel::Database)
            databases.append(index.data(SchemaModel::NameRole).toString());
    }
    if (databases == m_databases)
        return;
    m_databases = databases;
    for (QueryPage *page : pages())
        page->setDatabases(databases);
    for (BuilderPage *builder : builderPages())
        builder->setDatabases(databases);
    m_writeDock->panel()->setDatabases(databases);
}

void MainWindow::loadCatalog(const QString &database)
{
    if (database.isEmpty() || database == m_catalogDatabase)
        return;
    m_catalogDatabase = database;
    m_catalog->load(database);
}

void MainWindow::onQueryFinished(QWidget *page, QueryHistory::Entry entry)
{
    entry.connection = m_connections->activeProfileName();
    m_historyPanel->addEntry(entry);
    const QString summary = entry.error.isEmpty()
            ? tr("%n row(s) in %1 s", nullptr, int(std::min<qint64>(entry.rows, INT_MAX)))
                      .arg(double(entry.elapsedMs) / 1000.0, 0, 'f', 2)
            : tr("Query failed: %1").arg(entry.error);
    if (page == m_tabs->currentWidget())
        statusBar()->showMessage(summary, 10000);
}

void MainWindow::onPointsWritten(const QString &database, qint64 count)
{
    statusBar()->showMessage(
            tr("Wrote %n point(s) to %1", nullptr, int(std::min<qint64>(count, INT_MAX)))
                    .arg(database),
            10000);
    // New measurements, fields and tag values show up in the tree and in completion.
    SchemaModel *schema = m_schema->model();
    const QModelIndex node = schema->childIndex({}, database);
    if (node.isValid() && schema->isLoaded(node))
        schema->refresh(node);
    else if (!node.isValid())
        schema->refresh();
    if (database == m_catalogDatabase) {
        m_catalogDatabase.clear();
        loadCatalog(database);
    }
}

void MainWindow::onActiveProfileChanged()
{
    const QString name = m_connections->activeProfileName();
    m_status->setProfileName(name);
    m_catalogDatabase.clear();
    const QString database = m_client->options().database;
    for (QueryPage *page : pages()) {
        if (page->database().isEmpty() && !database.isEmpty())
            page->setDatabase(database);
    }
    for (BuilderPage *builder : builderPages()) {
        if (builder->database().isEmpty() && !database.isEmpty())
            builder->setDatabase(database);
    }
    if (m_writeDock->panel()->database().isEmpty() && !database.isEmpty())
        m_writeDock->panel()->setDatabase(database);
    if (QueryPage *page = currentPage())
        loadCatalog(page->database());
    updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    const QString profile = m_connections->activeProfileName();
    QString title = tr("Influx Explorer");
    if (!profile.isEmpty())
        title = profile + u" — "_s + title;
    if (QueryPage *page = currentPage())
        title = page->title() + u" — "_s + title;
    else if (BuilderPage *builder = currentBuilder())
        title = builder->title() + u" — "_s + title;
    setWindowTitle(title);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_closing = true;
    for (QueryPage *page : pages()) {
        if (page->isModified() && !closePage(page)) {
            m_closing = false;
            event->ignore();
            return;
        }
    }
    m_settings->setValue(u"window/geometry"_s, saveGeometry());
    m_settings->setValue(u"window/state"_s, saveState());
    for (QueryPage *page : pages())
        page->cancel();
    for (BuilderPage *builder : builderPages())
        builder->cancel();
    event->accept();
}

} // namespace Explorer
