// SPDX-License-Identifier: MIT
// MainWindow's menus and the actions behind them that open dialogs: preferences, files, about.
#include "mainwindow/mainwindow.h"

#include "editor/queryeditor.h"
#include "mainwindow/builderpage.h"
#include "mainwindow/connectionmenu.h"
#include "mainwindow/connectionstatus.h"
#include "mainwindow/querypage.h"
#include "mainwindow/writedock.h"
#include "schema/schemabrowser.h"
#include "schema/schemamodel.h"
#include "settings/preferencesdialog.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QTabWidget>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {
const auto fileFilter = QT_TRANSLATE_NOOP("Explorer::MainWindow",
                                          "InfluxQL (*.influxql *.iql *.sql *.txt);;All files (*)");
} // namespace

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New query tab"), QKeySequence(Qt::CTRL | Qt::Key_T), this,
                    [this] { addPage(); });
    file->addAction(tr("New &builder tab"), QKeySequence(Qt::CTRL | Qt::Key_B), this,
                    [this] { addBuilderPage(); });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { saveCurrent(false); });
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, [this] { saveCurrent(true); });
    file->addAction(tr("&Close tab"), QKeySequence(Qt::CTRL | Qt::Key_W), this,
                    [this] { closeTab(m_tabs->currentWidget()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *query = menuBar()->addMenu(tr("&Query"));
    m_runAction = query->addAction(tr("&Run statement"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                                   this, [this] {
                                       if (QueryPage *page = currentPage())
                                           page->runStatement();
                                       else if (BuilderPage *builder = currentBuilder())
                                           builder->run();
                                   });
    m_runAllAction = query->addAction(
            tr("Run &all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this, [this] {
                if (QueryPage *page = currentPage())
                    page->runAll();
                else if (BuilderPage *builder = currentBuilder())
                    builder->run();
            });
    m_cancelAction = query->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, [this] {
        if (QueryPage *page = currentPage())
            page->cancel();
        else if (BuilderPage *builder = currentBuilder())
            builder->cancel();
    });
    // The editor handles Ctrl+Enter itself; the menu's shortcuts serve the other widgets.
    for (QAction *action : {m_runAction, m_runAllAction})
        action->setShortcutContext(Qt::WindowShortcut);
    m_cancelAction->setEnabled(false);
    query->addSeparator();
    QAction *write = query->addAction(tr("&Write data…"), m_writeDock, &WriteDock::present);
    write->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    write->setObjectName(u"writeDataAction"_s);

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

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About Influx Explorer"),
            tr("<h3>Influx Explorer %1</h3><p>A fast, native explorer for InfluxDB "
               "1.x: schema browser, InfluxQL editor and query builder, streaming "
               "results, charts and writes.</p>"
               "<p>Built with Qt %2.</p>")
                    .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace Explorer
