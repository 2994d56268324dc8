// SPDX-License-Identifier: MIT
#include "mainwindow/mainwindow.h"

#include "editor/queryeditor.h"
#include "history/historypanel.h"
#include "mainwindow/connectionmenu.h"
#include "mainwindow/connectionstatus.h"
#include "mainwindow/querypage.h"
#include "results/resultspanel.h"
#include "schema/schemabrowser.h"
#include "schema/schemacatalog.h"
#include "schema/schemamodel.h"
#include "settings/connectionmanager.h"
#include "settings/preferencesdialog.h"

#include "client.h"

#include <QtCore/QSettings>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {
const auto fileFilter = "InfluxQL (*.influxql *.iql *.sql *.txt);;All files (*)";
} // namespace

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
    auto *newTab = new QToolButton(m_tabs);
    newTab->setText(u"+"_s);
    newTab->setToolTip(tr("New query tab (Ctrl+T)"));
    newTab->setAutoRaise(true);
    m_tabs->setCornerWidget(newTab, Qt::TopRightCorner);
    connect(newTab, &QToolButton::clicked, this, [this] { addPage(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closePage(qobject_cast<QueryPage *>(m_tabs->widget(index))); });
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
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New query tab"), QKeySequence(Qt::CTRL | Qt::Key_T), this,
                    [this] { addPage(); });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { saveCurrent(false); });
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, [this] { saveCurrent(true); });
    file->addAction(tr("&Close tab"), QKeySequence(Qt::CTRL | Qt::Key_W), this,
                    [this] { closePage(currentPage()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *query = menuBar()->addMenu(tr("&Query"));
    m_runAction = query->addAction(tr("&Run statement"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                                   this, [this] {
                                       if (QueryPage *page = currentPage())
                                           page->runStatement();
                                   });
    m_runAllAction = query->addAction(
            tr("Run &all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this, [this] {
                if (QueryPage *page = currentPage())
                    page->runAll();
            });
    m_cancelAction = query->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, [this] {
        if (QueryPage *page = currentPage())
            page->cancel();
    });
    // The editor handles Ctrl+Enter itself; the menu's shortcuts serve the other widgets.
    for (QAction *action : {m_runAction, m_runAllAction})
        action->setShortcutContext(Qt::WindowShortcut);
    m_cancelAction->setEnabled(false);

    m_connectionMenu = new ConnectionMenu(m_connections, this);
    menuBar()->addMenu(m_connectionMenu);
    connect(m_connectionMenu, &ConnectionMenu::testRequested, m_status, &ConnectionStatus::pingNow);
    connect(m_connectionMenu, &ConnectionMenu::demoRequested, this, &MainWindow::demoRequested);
    connect(m_connectionMenu, &ConnectionMenu::refreshSchemaRequested, this, [this] {
        m_schema->model()->refresh();
        m_catalogDatabase.clear();
        if (QueryPage *page = currentPage())
            loadCatalog(page->database());
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Preferences…"), QKeySequence::Preferences, this,
                    &MainWindow::showPreferencesDialog);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Influx Explorer"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QueryPage *MainWindow::currentPage() const
{
    return qobject_cast<QueryPage *>(m_tabs->currentWidget());
}

QList<QueryPage *> MainWindow::pages() const
{
    QList<QueryPage *> result;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *page = qobject_cast<QueryPage *>(m_tabs->widget(i)))
            result.append(page);
    }
    return result;
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
    const QString db = !database.isEmpty() ? database
            : currentPage()                ? currentPage()->database()
                                           : m_client->options().database;
    page->setDatabase(db);
    if (!text.isEmpty()) {
        page->editor()->setPlainText(text);
        page->editor()->document()->setModified(false);
    }
    const int index = m_tabs->addTab(page, page->title());
    m_tabs->setCurrentIndex(index);
    page->editor()->setFocus();
    return page;
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
}

void MainWindow::setDemoRunning(bool running)
{
    m_connectionMenu->setDemoRunning(running);
}

void MainWindow::onCurrentPageChanged()
{
    QueryPage *page = currentPage();
    m_cancelAction->setEnabled(page && page->isRunning());
    if (page)
        loadCatalog(page->database());
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
}

void MainWindow::loadCatalog(const QString &database)
{
    if (database.isEmpty() || database == m_catalogDatabase)
        return;
    m_catalogDatabase = database;
    m_catalog->load(database);
}

void MainWindow::onQueryFinished(QueryPage *page, QueryHistory::Entry entry)
{
    entry.connection = m_connections->activeProfileName();
    m_historyPanel->addEntry(entry);
    const QString summary = entry.error.isEmpty()
            ? tr("%n row(s) in %1 s", nullptr, int(std::min<qint64>(entry.rows, INT_MAX)))
                      .arg(double(entry.elapsedMs) / 1000.0, 0, 'f', 2)
            : tr("Query failed: %1").arg(entry.error);
    if (page == currentPage())
        statusBar()->showMessage(summary, 10000);
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
    if (QueryPage *page = currentPage())
        loadCatalog(page->database());
    updateWindowTitle();
}

void MainWindow::showPreferencesDialog()
{
    PreferencesDialog dialog(this);
    dialog.setPreferences(m_preferences);
    if (dialog.exec() == QDialog::Accepted)
        setPreferences(dialog.preferences());
}

bool MainWindow::openFile(const QString &path, QString *error)
{
    QueryPage *page = currentPage();
    // An empty, unchanged tab is reused rather than left behind.
    if (!page || page->isModified() || !page->editor()->toPlainText().isEmpty()
        || !page->filePath().isEmpty())
        page = addPage();
    QString problem;
    if (!page->openFile(path, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    return true;
}

void MainWindow::openFileDialog()
{
    const QString path =
            QFileDialog::getOpenFileName(this, tr("Open query"), QString(), tr(fileFilter));
    if (path.isEmpty())
        return;
    QString error;
    if (!openFile(path, &error))
        QMessageBox::warning(this, tr("Open query"), error);
}

bool MainWindow::saveCurrent(bool saveAs)
{
    QueryPage *page = currentPage();
    if (!page)
        return false;
    QString path = page->filePath();
    if (saveAs || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save query"), path, tr(fileFilter));
        if (path.isEmpty())
            return false;
    }
    QString error;
    if (!page->saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Save query"), error);
        return false;
    }
    return true;
}

void MainWindow::updateWindowTitle()
{
    const QString profile = m_connections->activeProfileName();
    QString title = tr("Influx Explorer");
    if (!profile.isEmpty())
        title = profile + u" — "_s + title;
    if (QueryPage *page = currentPage())
        title = page->title() + u" — "_s + title;
    setWindowTitle(title);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About Influx Explorer"),
            tr("<h3>Influx Explorer %1</h3><p>A fast, native explorer for InfluxDB "
               "1.x: schema browser, InfluxQL editor, streaming results.</p>"
               "<p>Built with Qt %2.</p>")
                    .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
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
    event->accept();
}

} // namespace Explorer
