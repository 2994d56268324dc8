// SPDX-License-Identifier: MIT
// HistoryPanel and QueryHistoryModel: entries newest first with their columns, the search
// field filtering as typed, double-click/Enter/context actions handing over the whole query,
// redaction, and the history surviving a restart (a new history and panel on the same file).
#include "history/historypanel.h"
#include "history/queryhistorymodel.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;
using Explorer::HistoryPanel;
using Explorer::QueryHistory;
using Explorer::QueryHistoryModel;

namespace {

QueryHistory::Entry entry(const QString &query, int minute, qint64 rows = 3, qint64 ms = 42,
                          const QString &error = {})
{
    return {query,     QDateTime(QDate(2026, 11, 25), QTime(12, minute, 0), Qt::UTC),
            u"demo"_s, ms,
            rows,      error};
}

QString cell(const QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role).toString();
}

QStringList fullQueries(const QAbstractItemModel *model)
{
    QStringList list;
    for (int row = 0; row < model->rowCount(); ++row)
        list.append(cell(model, row, 0, QueryHistoryModel::QueryRole));
    return list;
}

} // namespace

class tst_HistoryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void entriesNewestFirstWithColumns();
    void searchFiltersAsYouType();
    void doubleClickAndEnterSelect();
    void contextActions();
    void passwordsAreNotShown();
    void survivesRestart();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString historyPath() const { return m_dir->filePath(u"history.jsonl"_s); }
    static bool show(QWidget &widget);
};

void tst_HistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

bool tst_HistoryPanel::show(QWidget &widget)
{
    widget.resize(800, 400);
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

void tst_HistoryPanel::entriesNewestFirstWithColumns()
{
    QueryHistory history(historyPath());
    QVERIFY(history.load());
    HistoryPanel panel(&history);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(panel.addEntry(entry(u"SHOW DATABASES"_s, 1, 2, 7)));
    QVERIFY(panel.addEntry(entry(u"SELECT mean(v)\nFROM cpu\nGROUP BY host"_s, 2, 12345, 2500)));
    QVERIFY(panel.addEntry(
            entry(u"SELEKT"_s, 3, 0, 1, u"error parsing query: found SELEKT\nmore detail"_s)));

    const QAbstractItemModel *model = panel.view()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->columnCount(), 6);
    QCOMPARE(model->headerData(QueryHistoryModel::Elapsed, Qt::Horizontal).toString(),
             u"Elapsed"_s);
    QCOMPARE(cell(model, 0, QueryHistoryModel::Query), u"SELEKT"_s);
    QCOMPARE(cell(model, 0, QueryHistoryModel::Status), u"error parsing query: found SELEKT"_s);
    QCOMPARE(cell(model, 0, QueryHistoryModel::Status, Qt::ToolTipRole),
             u"error parsing query: found SELEKT\nmore detail"_s);
    QCOMPARE(cell(model, 0, QueryHistoryModel::Rows), QString()); // failed: no row count

    QCOMPARE(cell(model, 1, QueryHistoryModel::Query), u"SELECT mean(v) …"_s);
    QCOMPARE(cell(model, 1, QueryHistoryModel::Query, Qt::ToolTipRole),
             u"SELECT mean(v)\nFROM cpu\nGROUP BY host"_s);
    QCOMPARE(cell(model, 1, QueryHistoryModel::Rows), QLocale().toString(12345));
    QCOMPARE(cell(model, 1, QueryHistoryModel::Elapsed),
             u"%1 s"_s.arg(QLocale().toString(2.5, 'f', 2)));
    QCOMPARE(cell(model, 1, QueryHistoryModel::Status), u"ok"_s);
    QCOMPARE(cell(model, 1, QueryHistoryModel::Connection), u"demo"_s);

    QCOMPARE(cell(model, 2, QueryHistoryModel::Elapsed), u"7 ms"_s);
    const QDateTime when = QDateTime(QDate(2026, 11, 25), QTime(12, 1, 0), Qt::UTC);
    QCOMPARE(cell(model, 2, QueryHistoryModel::When),
             when.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    QCOMPARE(history.entries().size(), 3); // the panel writes through to the history
}

void tst_HistoryPanel::searchFiltersAsYouType()
{
    QueryHistory history(historyPath());
    HistoryPanel panel(&history);
    QVERIFY(show(panel));
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.addEntry(entry(u"SELECT * FROM cpu"_s, 1));
    panel.addEntry(entry(u"SHOW MEASUREMENTS"_s, 2));
    panel.addEntry(entry(u"SELECT max(v) FROM CPU_load"_s, 3));
    const QAbstractItemModel *model = panel.view()->model();

    QTest::keyClicks(panel.searchField(), u"cp"_s);
    QCOMPARE(fullQueries(model),
             (QStringList {u"SELECT max(v) FROM CPU_load"_s, u"SELECT * FROM cpu"_s}));
    QTest::keyClicks(panel.searchField(), u"u_"_s);
    QCOMPARE(fullQueries(model), QStringList {u"SELECT max(v) FROM CPU_load"_s});
    // New entries that match the search appear at the top; others stay hidden until cleared.
    panel.addEntry(entry(u"SELECT * FROM cpu_load"_s, 4));
    panel.addEntry(entry(u"SHOW USERS"_s, 5));
    QCOMPARE(fullQueries(model),
             (QStringList {u"SELECT * FROM cpu_load"_s, u"SELECT max(v) FROM CPU_load"_s}));
    panel.searchField()->clear();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(cell(model, 0, 0, QueryHistoryModel::QueryRole), u"SHOW USERS"_s);

    // Down in the search field goes on to the list.
    panel.searchField()->setFocus();
    QTest::keyClick(panel.searchField(), Qt::Key_Down);
    QVERIFY(panel.view()->hasFocus());
    QCOMPARE(panel.currentQuery(), u"SHOW USERS"_s);
}

void tst_HistoryPanel::doubleClickAndEnterSelect()
{
    QueryHistory history(historyPath());
    HistoryPanel panel(&history);
    QVERIFY(show(panel));
    const QString multiLine = u"SELECT mean(v)\nFROM cpu\nWHERE time > now() - 1h"_s;
    panel.addEntry(entry(multiLine, 1));
    panel.addEntry(entry(u"SHOW DATABASES"_s, 2));
    QSignalSpy selected(&panel, &HistoryPanel::querySelected);
    QSignalSpy run(&panel, &HistoryPanel::queryRunRequested);

    QTableView *view = panel.view();
    const QRect rect = view->visualRect(view->model()->index(1, QueryHistoryModel::Query));
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), multiLine); // the whole query, not the first line

    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, QueryHistoryModel::When));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.at(1).at(0).toString(), u"SHOW DATABASES"_s);
    QCOMPARE(run.size(), 0);
}

void tst_HistoryPanel::contextActions()
{
    QueryHistory history(historyPath());
    HistoryPanel panel(&history);
    QVERIFY(!panel.runAgainAction()->isEnabled()); // nothing to act on yet
    panel.addEntry(entry(u"SHOW TAG KEYS\nFROM cpu"_s, 1));
    panel.addEntry(entry(u"SHOW SERIES"_s, 2));
    QVERIFY(panel.view()->actions().contains(panel.runAgainAction()));
    QVERIFY(panel.view()->actions().contains(panel.copyAction()));
    QCOMPARE(panel.view()->contextMenuPolicy(), Qt::ActionsContextMenu);

    panel.view()->setCurrentIndex(panel.model()->index(1, QueryHistoryModel::Status));
    QVERIFY(panel.runAgainAction()->isEnabled());
    QSignalSpy run(&panel, &HistoryPanel::queryRunRequested);
    QSignalSpy selected(&panel, &HistoryPanel::querySelected);
    panel.runAgainAction()->trigger();
    QCOMPARE(run.size(), 1);
    QCOMPARE(run.at(0).at(0).toString(), u"SHOW TAG KEYS\nFROM cpu"_s);
    panel.useAction()->trigger();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), u"SHOW TAG KEYS\nFROM cpu"_s);

    QGuiApplication::clipboard()->setText(u"before"_s);
    panel.copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"SHOW TAG KEYS\nFROM cpu"_s);
}

void tst_HistoryPanel::passwordsAreNotShown()
{
    QueryHistory history(historyPath());
    HistoryPanel panel(&history);
    panel.addEntry(entry(u"CREATE USER bob WITH PASSWORD 's3cret'"_s, 1));
    const QAbstractItemModel *model = panel.view()->model();
    QCOMPARE(cell(model, 0, QueryHistoryModel::Query), u"CREATE USER bob WITH PASSWORD '******'"_s);
    QCOMPARE(cell(model, 0, 0, QueryHistoryModel::QueryRole),
             u"CREATE USER bob WITH PASSWORD '******'"_s);
}

void tst_HistoryPanel::survivesRestart()
{
    QStringList shown;
    {
        QueryHistory history(historyPath());
        QVERIFY(history.load());
        HistoryPanel panel(&history);
        QVERIFY(panel.addEntry(entry(u"SHOW DATABASES"_s, 1)));
        QVERIFY(panel.addEntry(entry(u"SELECT \"température\" FROM m\nLIMIT 1"_s, 2, 1, 5)));
        QVERIFY(panel.addEntry(entry(u"DROP SERIES"_s, 3, 0, 9, u"not allowed"_s)));
        shown = fullQueries(panel.view()->model());
    }
    QCOMPARE(shown.size(), 3);

    QueryHistory reopened(historyPath());
    QVERIFY(reopened.load());
    HistoryPanel panel(&reopened);
    const QAbstractItemModel *model = panel.view()->model();
    QCOMPARE(fullQueries(model), shown);
    QCOMPARE(cell(model, 0, QueryHistoryModel::Status), u"not allowed"_s);
    QCOMPARE(cell(model, 1, QueryHistoryModel::Rows), u"1"_s);
    QCOMPARE(cell(model, 1, QueryHistoryModel::Elapsed), u"5 ms"_s);

    // A panel built before load() shows the entries after reload().
    QueryHistory late(historyPath());
    HistoryPanel latePanel(&late);
    QCOMPARE(latePanel.view()->model()->rowCount(), 0);
    QVERIFY(late.load());
    latePanel.reload();
    QCOMPARE(fullQueries(latePanel.view()->model()), shown);
}

QTEST_MAIN(tst_HistoryPanel)
#include "tst_historypanel.moc"
