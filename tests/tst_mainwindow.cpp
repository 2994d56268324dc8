// SPDX-License-Identifier: MIT
// The whole window against the fixture's influxd: one shared client, the status bar, the schema
// dock, running from the editor, history across a restart, tabs and files.
#include "client.h"
#include "editor/queryeditor.h"
#include "history/historypanel.h"
#include "history/queryhistorymodel.h"
#include "history/queryhistory.h"
#include "mainwindow/connectionmenu.h"
#include "mainwindow/connectionstatus.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "models/resulttablemodel.h"
#include "results/resultspanel.h"
#include "schema/schemabrowser.h"
#include "schema/schemamodel.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "settings/secretstore.h"
#include "testserver.h"
#include "windowfixture.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMenu>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

using namespace Explorer;
using namespace Qt::StringLiterals;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void statusBarShowsServerVersion();
    void schemaDockListsTheDatabase();
    void ctrlEnterRunsTheStatementUnderTheCursor();
    void ctrlShiftEnterRunsEverything();
    void errorsShowWithTheirStatementNumber();
    void schemaActionOpensAQueryTab();
    void switchingConnectionReconfiguresEveryPanel();
    void switchToMenuListsAndActivatesProfiles();
    void historySurvivesARestart();
    void unsavedTabAsksBeforeClosing();
    void filesOpenAndSave();

private:
    QueryPage *runInNewPage(const QString &text, bool all);

    QString m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSupport::WindowFixture> m_fixture;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY2(!TestSupport::fixtureUrl().isEmpty(), "no influxd: run through ctest");
    m_db = TestSupport::uniqueName(u"window"_s);
    const QByteArray lines = "cpu,host=a,region=eu usage=1.5,count=3i 1000000000\n"
                             "cpu,host=a,region=eu usage=2.25,count=4i 2000000000\n"
                             "cpu,host=b,region=us usage=7,count=5i 1000000000\n"
                             "mem,host=a used=42i 1000000000\n";
    const Influx::Error error = TestSupport::createDatabase(m_db, lines);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_MainWindow::cleanupTestCase()
{
    TestSupport::dropDatabase(m_db);
}

void tst_MainWindow::init()
{
    m_fixture = std::make_unique<TestSupport::WindowFixture>(m_dir.path());
    QVERIFY(m_fixture->createWindow());
    QVERIFY(m_fixture->connectToFixture(m_db));
}

void tst_MainWindow::cleanup()
{
    m_fixture.reset();
}

QueryPage *tst_MainWindow::runInNewPage(const QString &text, bool all)
{
    QueryPage *page = m_fixture->window()->addPage(text, m_db);
    page->editor()->setFocus();
    if (all)
        QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    else
        QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier);
    return page;
}

void tst_MainWindow::statusBarShowsServerVersion()
{
    ConnectionStatus *status = m_fixture->window()->connectionStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), ConnectionStatus::State::Connected, 10000);
    QVERIFY2(status->text().contains(u"1.6.7"_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"fixture"_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u" ms"_s), qPrintable(status->text()));
    QVERIFY(status->roundTripMs() > 0);
}

void tst_MainWindow::schemaDockListsTheDatabase()
{
    SchemaModel *model = m_fixture->window()->schemaBrowser()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->childIndex({}, m_db).isValid(), 10000);
    // The query tab's database box offers the same databases.
    QueryPage *page = m_fixture->window()->currentPage();
    QCOMPARE(page->database(), m_db);
}

void tst_MainWindow::ctrlEnterRunsTheStatementUnderTheCursor()
{
    QueryPage *page = m_fixture->window()->addPage(
            u"SELECT usage FROM cpu GROUP BY host;\nSELECT used FROM mem"_s, m_db);
    QTextCursor cursor = page->editor()->textCursor();
    cursor.setPosition(5); // inside the first statement
    page->editor()->setTextCursor(cursor);
    page->editor()->setFocus();
    QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier);

    ResultsPanel *results = page->results();
    QTRY_COMPARE_WITH_TIMEOUT(results->state(), ResultsPanel::State::Done, 10000);
    QCOMPARE(results->resultTabCount(), 2); // host=a and host=b, not mem
    QCOMPARE(results->rowCount(), 3);
    ResultTableModel *a = results->tableModel(0);
    QCOMPARE(a->series().tags().value(u"host"_s), u"a"_s);
    QCOMPARE(a->rowCount(), 2);
    QCOMPARE(a->index(0, 0).data().toString(), u"1970-01-01T00:00:01Z"_s);
    QCOMPARE(a->index(1, 1).data(ResultTableModel::RawValueRole).toDouble(), 2.25);
    ResultTableModel *b = results->tableModel(1);
    QCOMPARE(b->series().tags().value(u"host"_s), u"b"_s);
    QCOMPARE(b->index(0, 1).data(ResultTableModel::RawValueRole).toDouble(), 7.0);
}

void tst_MainWindow::ctrlShiftEnterRunsEverything()
{
    QueryPage *page =
            runInNewPage(u"SELECT usage FROM cpu GROUP BY host;\nSELECT used FROM mem"_s, true);
    ResultsPanel *results = page->results();
    QTRY_COMPARE_WITH_TIMEOUT(results->state(), ResultsPanel::State::Done, 10000);
    QCOMPARE(results->resultTabCount(), 3);
    QCOMPARE(results->tableModel(2)->series().name(), u"mem"_s);
    QCOMPARE(results->tableModel(2)->index(0, 1).data(ResultTableModel::RawValueRole).toLongLong(),
             42);
}

void tst_MainWindow::errorsShowWithTheirStatementNumber()
{
    QueryPage *page = runInNewPage(
            u"SELECT used FROM mem; SELECT * FROM \"nosuchdb\"..cpu; SELECT count(usage) FROM cpu"_s,
            true);
    ResultsPanel *results = page->results();
    QTRY_COMPARE_WITH_TIMEOUT(results->state(), ResultsPanel::State::Failed, 10000);
    QCOMPARE(results->errorCount(), 1);
    const QString messages = results->messages().join(u'\n');
    QVERIFY2(messages.contains(u"Statement 2"_s) && messages.contains(u"database not found"_s),
             qPrintable(messages));
    // The first statement's rows are still there; influxd does not run the third after a
    // failed one, and the panel says so.
    QCOMPARE(results->resultTabCount(), 1);
    QVERIFY2(messages.contains(u"Statement 3"_s), qPrintable(messages));
}

void tst_MainWindow::schemaActionOpensAQueryTab()
{
    SchemaModel *model = m_fixture->window()->schemaBrowser()->model();
    QModelIndex db;
    QTRY_VERIFY_WITH_TIMEOUT((db = model->childIndex({}, m_db)).isValid(), 10000);
    // database → retention policy → measurement
    model->fetchMore(db);
    QModelIndex rp;
    QTRY_VERIFY_WITH_TIMEOUT((rp = model->childIndex(db, u"autogen"_s)).isValid(), 10000);
    model->fetchMore(rp);
    QModelIndex cpu;
    QTRY_VERIFY_WITH_TIMEOUT((cpu = model->childIndex(rp, u"cpu"_s)).isValid(), 10000);

    const int tabs = m_fixture->window()->tabs()->count();
    const QList<QAction *> actions = m_fixture->window()->schemaBrowser()->actionsFor(cpu);
    QAction *select = nullptr;
    for (QAction *action : actions) {
        if (action->text().startsWith(u"SELECT"_s))
            select = action;
    }
    QVERIFY(select);
    select->trigger();
    qDeleteAll(actions);
    QCOMPARE(m_fixture->window()->tabs()->count(), tabs + 1);
    QueryPage *page = m_fixture->window()->currentPage();
    QVERIFY2(page->editor()->toPlainText().contains(u"LIMIT 100"_s),
             qPrintable(page->editor()->toPlainText()));
    QCOMPARE(page->database(), m_db);
    QTRY_COMPARE_WITH_TIMEOUT(page->results()->state(), ResultsPanel::State::Done, 10000);
    QCOMPARE(page->results()->rowCount(), 3);
}

void tst_MainWindow::switchingConnectionReconfiguresEveryPanel()
{
    ConnectionStatus *status = m_fixture->window()->connectionStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), ConnectionStatus::State::Connected, 10000);
    // A dead server: every panel now goes through the reconfigured client.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    ConnectionProfile dead;
    dead.name = u"dead"_s;
    dead.baseUrls = {QUrl(u"http://127.0.0.1:%1"_s.arg(port))};
    dead.database = m_db;
    m_fixture->connections()->activateTemporary(dead, QString());
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), ConnectionStatus::State::Failed, 10000);
    QVERIFY2(status->text().contains(u"dead"_s), qPrintable(status->text()));
    QueryPage *page = runInNewPage(u"SELECT * FROM cpu"_s, true);
    QTRY_COMPARE_WITH_TIMEOUT(page->results()->state(), ResultsPanel::State::Failed, 10000);
    QVERIFY(m_fixture->window()->windowTitle().contains(u"dead"_s));
}

void tst_MainWindow::switchToMenuListsAndActivatesProfiles()
{
    ConnectionProfile saved;
    saved.name = u"saved fixture"_s;
    saved.baseUrls = {TestSupport::fixtureUrl()};
    saved.database = u"_internal"_s;
    ConnectionProfile other = saved;
    other.name = u"other"_s;
    m_fixture->connections()->setProfiles({saved, other});
    QMenu *menu = m_fixture->window()->connectionMenu()->profileMenu();
    QStringList names;
    for (QAction *action : menu->actions())
        names.append(action->text());
    QCOMPARE(names, QStringList({u"saved fixture"_s, u"other"_s}));
    menu->actions().first()->trigger();
    QTRY_COMPARE(m_fixture->connections()->activeProfileName(), u"saved fixture"_s);
    QCOMPARE(m_fixture->client()->options().database, u"_internal"_s);
    QTRY_VERIFY(menu->actions().first()->isChecked());
    QVERIFY(!menu->actions().last()->isChecked());
    QTRY_VERIFY(m_fixture->window()->connectionStatus()->text().contains(u"saved fixture"_s));
    // Both profiles were saved, and the switch is remembered for the next start.
    m_fixture->settings()->sync();
    QFile file(m_dir.filePath(u"settings.ini"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY2(contents.contains("saved fixture") && contents.contains("other"),
             contents.constData());
    QCOMPARE(m_fixture->connections()->lastActiveProfileName(), u"saved fixture"_s);
}

void tst_MainWindow::historySurvivesARestart()
{
    const QString query = u"SELECT count(usage) FROM cpu WHERE host = 'a'"_s;
    QueryPage *page = runInNewPage(query, true);
    QTRY_COMPARE_WITH_TIMEOUT(page->results()->state(), ResultsPanel::State::Done, 10000);
    QTRY_VERIFY(!m_fixture->history()->search(query).isEmpty());
    const QueryHistory::Entry entry = m_fixture->history()->search(query).first();
    QCOMPARE(entry.rows, 1);
    QCOMPARE(entry.connection, u"fixture"_s);
    QVERIFY(entry.error.isEmpty());

    m_fixture->destroyWindow();
    QVERIFY(m_fixture->createWindow());
    const QList<QueryHistory::Entry> found = m_fixture->history()->search(query);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first().query, query);
    // The panel shows it, and selecting it puts it in the editor.
    QSignalSpy selected(m_fixture->window()->historyPanel(), &HistoryPanel::querySelected);
    QVERIFY(m_fixture->window()->historyPanel()->model()->rowCount() > 0);
    HistoryPanel *panel = m_fixture->window()->historyPanel();
    panel->view()->setCurrentIndex(panel->view()->model()->index(0, 0));
    panel->useAction()->trigger();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_fixture->window()->currentPage()->editor()->toPlainText(), query);
}

void tst_MainWindow::unsavedTabAsksBeforeClosing()
{
    QueryPage *page = m_fixture->window()->addPage();
    QTest::keyClicks(page->editor(), u"SHOW DATABASES"_s);
    QVERIFY(page->isModified());
    QVERIFY(m_fixture->window()
                    ->tabs()
                    ->tabText(m_fixture->window()->tabs()->indexOf(page))
                    .endsWith(u'*'));
    const int count = m_fixture->window()->tabs()->count();
    int asked = 0;
    m_fixture->window()->setSaveChangesHandler([&asked](QueryPage *) {
        ++asked;
        return MainWindow::SaveChoice::Cancel;
    });
    QVERIFY(!m_fixture->window()->closePage(page));
    QCOMPARE(asked, 1);
    QCOMPARE(m_fixture->window()->tabs()->count(), count);
    m_fixture->window()->setSaveChangesHandler([&asked](QueryPage *) {
        ++asked;
        return MainWindow::SaveChoice::Discard;
    });
    QVERIFY(m_fixture->window()->closePage(page));
    QCOMPARE(asked, 2);
    QCOMPARE(m_fixture->window()->tabs()->count(), count - 1);
}

void tst_MainWindow::filesOpenAndSave()
{
    const QString path = m_dir.filePath(u"größe.influxql"_s);
    QueryPage *page = m_fixture->window()->addPage();
    page->editor()->setPlainText(u"SELECT \"größe\" FROM cpu -- ✓"_s);
    QString error;
    QVERIFY2(page->saveFile(path, &error), qPrintable(error));
    QCOMPARE(page->title(), u"größe.influxql"_s);
    QVERIFY(m_fixture->window()->closePage(page));
    QVERIFY2(m_fixture->window()->openFile(path, &error), qPrintable(error));
    QCOMPARE(m_fixture->window()->currentPage()->editor()->toPlainText(),
             u"SELECT \"größe\" FROM cpu -- ✓"_s);
    QCOMPARE(m_fixture->window()->currentPage()->filePath(), path);
    QVERIFY(!m_fixture->window()->openFile(m_dir.filePath(u"missing.influxql"_s), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
