// SPDX-License-Identifier: MIT
// Takes the README's screenshots of the real window: starts influx-explorer's window on its
// demo server, drives it like a user would (expands the schema, runs queries, opens the
// dialogs) and saves PNGs. Run it under Xvfb (resources/screenshots/take.sh) so the pictures
// are the X server's pixels; on other platforms it renders the widgets (QWidget::grab()).
//
//   screenshots OUTPUT_DIR
#include "windowapp.h"
#include "demosession.h"

#include "builder/querybuilderform.h"
#include "charts/chartpanel.h"
#include "editor/queryeditor.h"
#include "mainwindow/builderpage.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "mainwindow/writedock.h"
#include "results/resultspanel.h"
#include "schema/schemabrowser.h"
#include "schema/schemamodel.h"
#include "settings/connectiondialog.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "write/batchpage.h"
#include "write/lineprotocoleditor.h"
#include "write/pointform.h"
#include "write/writepanel.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QScreen>
#include <QtGui/QWindow>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeView>

#include <functional>

using namespace Explorer;
using namespace Qt::StringLiterals;

namespace {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

void settle(int ms = 400)
{
    waitFor([timer = QDeadlineTimer(ms)] { return timer.hasExpired(); }, ms + 1000);
}

bool save(QWidget *widget, const QString &path)
{
    settle();
    QPixmap pixmap;
    if (QGuiApplication::platformName() == "xcb"_L1) {
        // The X server's pixels of the whole top-level window, frame excluded.
        pixmap = widget->screen()->grabWindow(widget->winId());
    } else {
        pixmap = widget->grab();
    }
    const bool ok = !pixmap.isNull() && pixmap.save(path);
    qInfo("%s %s (%dx%d)", ok ? "wrote" : "FAILED", qPrintable(path), pixmap.width(),
          pixmap.height());
    return ok;
}

QModelIndex expand(SchemaBrowser *browser, const QModelIndex &parent, const QString &name)
{
    SchemaModel *model = browser->model();
    if (model->canFetchMore(parent))
        model->fetchMore(parent);
    QModelIndex child;
    waitFor([&] { return (child = model->childIndex(parent, name)).isValid(); }, 20000);
    if (child.isValid())
        browser->treeView()->expand(browser->proxyModel()->mapFromSource(child));
    return child;
}

bool finished(ResultsPanel *results)
{
    return waitFor([results] {
        const auto state = results->state();
        return state != ResultsPanel::State::Running && state != ResultsPanel::State::Idle;
    });
}

void showChartTab(ResultsPanel *results)
{
    waitFor([results] { return results->hasChart(); }, 20000);
    results->findChild<QTabWidget *>(u"resultTabs"_s)->setCurrentWidget(results->chartPanel());
    settle();
}

bool runAndWait(QueryPage *page, const QString &query)
{
    page->editor()->setPlainText(query);
    page->runAll();
    return waitFor([page] {
        const auto state = page->results()->state();
        return state != ResultsPanel::State::Running && state != ResultsPanel::State::Idle;
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QCoreApplication::setApplicationName(u"influx-explorer"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(INFLUX_EXPLORER_VERSION));
    if (argc != 2) {
        qCritical("usage: screenshots OUTPUT_DIR");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());

    CommandLineOptions options;
    options.demo = true;
    WindowApp app(options);
    MainWindow *window = app.window();
    window->resize(1360, 820);
    app.show();
    bool loaded = false;
    QObject::connect(app.demo(), &DemoSession::loaded, [&loaded] { loaded = true; });
    if (!waitFor([&] { return loaded; }, 120000)) {
        qCritical("the demo data did not load");
        return 1;
    }
    int failures = 0;

    // 1. Schema tree opened down to field types; a GROUP BY time query per host.
    SchemaBrowser *browser = window->schemaBrowser();
    browser->model()->refresh();
    const QModelIndex demo = expand(browser, {}, u"demo"_s);
    const QModelIndex autogen = expand(browser, demo, u"autogen"_s);
    const QModelIndex cpu = expand(browser, autogen, u"cpu"_s);
    expand(browser, cpu, u"Fields"_s);
    expand(browser, cpu, u"Tags"_s);
    QueryPage *page = window->currentPage();
    page->setDatabase(u"demo"_s);
    if (!runAndWait(page,
                    u"SELECT mean(usage_user) AS mean_user, max(usage_user) AS peak_user FROM cpu\n"
                    "WHERE time > now() - 6h AND cpu = 'cpu-total'\n"
                    "GROUP BY time(10m), host"_s))
        ++failures;
    failures += !save(window, out.filePath(u"explorer-main.png"_s));

    // 2. Several statements, one failing: tabs per series and the Messages tab.
    QueryPage *second = window->addPage({}, u"demo"_s);
    if (!runAndWait(
                second,
                u"SELECT state, healthy, restarts FROM service WHERE state != 'ok' GROUP BY host;\n"
                "SELECT count(latency_ms) FROM http_requests WHERE status = '500';\n"
                "SELECT * FROM \"nosuchdb\"..cpu"_s))
        ++failures;
    failures += !save(window, out.filePath(u"explorer-messages.png"_s));

    // 3. The history dock.
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (dock->objectName() == u"historyDock"_s)
            dock->raise();
    }
    failures += !save(window, out.filePath(u"explorer-history.png"_s));

    // 4. The connection dialog with a profile of two servers (failover) and a user.
    ConnectionProfile production;
    production.name = u"production"_s;
    production.baseUrls = {QUrl(u"https://influx-a.example.net:8086"_s),
                           QUrl(u"https://influx-b.example.net:8086"_s)};
    production.database = u"telegraf"_s;
    production.auth = ConnectionProfile::Auth::UsernamePassword;
    production.username = u"grafana"_s;
    ConnectionProfile local;
    local.name = u"local"_s;
    local.baseUrls = {QUrl(u"http://127.0.0.1:8086"_s)};
    local.database = u"demo"_s;
    app.connections()->setProfiles({production, local});
    ConnectionDialog dialog(app.connections(), window);
    dialog.selectProfile(u"production"_s);
    dialog.show();
    failures += !save(&dialog, out.filePath(u"connection-dialog.png"_s));
    dialog.reject();

    // 5. A builder tab: mean CPU per host over the last day, the interval chosen for the chart.
    //    The form's pickers list the schema, so the left docks are closed for it.
    QDockWidget *schemaDock = nullptr;
    QDockWidget *historyDock = nullptr;
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        if (dock->objectName() == u"schemaDock"_s)
            schemaDock = dock;
        else if (dock->objectName() == u"historyDock"_s)
            historyDock = dock;
    }
    schemaDock->hide();
    historyDock->hide();
    BuilderPage *builder = window->addBuilderPage(u"demo"_s);
    QueryBuilderState state;
    state.database = u"demo"_s;
    state.measurement = u"cpu"_s;
    state.fields = {{.field = u"usage_user"_s, .function = QueryBuilderState::Function::Mean}};
    state.filters = {{.key = u"cpu"_s, .value = u"cpu-total"_s}};
    state.quickRangeSeconds = 86400;
    state.groupByTime = QueryBuilderState::GroupByTime::Auto;
    state.groupByTags = {u"host"_s};
    state.fill = QueryBuilderState::Fill::None;
    builder->form()->setState(state);
    settle(1500); // the pickers load the measurement's fields and tags
    builder->run();
    if (!finished(builder->results()))
        ++failures;
    showChartTab(builder->results());
    failures += !save(window, out.filePath(u"explorer-builder.png"_s));
    historyDock->show();
    schemaDock->show();
    schemaDock->raise();

    // 6. A raw query of 4 × 21,600 points, drawn from a few thousand.
    QueryPage *raw = window->addPage({}, u"iot"_s);
    if (!runAndWait(raw,
                    u"SELECT temperature FROM environment WHERE time > now() - 6h GROUP BY room"_s))
        ++failures;
    showChartTab(raw->results());
    failures += !save(window, out.filePath(u"explorer-chart.png"_s));

    // 7. The write dock: one point with tags and typed fields, written.
    WriteDock *write = window->writeDock();
    write->present();
    window->resizeDocks({write}, {470}, Qt::Horizontal);
    WritePanel *panel = write->panel();
    panel->setDatabase(u"iot"_s);
    PointForm *form = panel->pointForm();
    form->clearTags();
    form->clearFields();
    form->setMeasurement(u"environment"_s);
    form->addTag(u"building"_s, u"hq"_s);
    form->addTag(u"room"_s, u"lab 2"_s);
    form->addField(u"temperature"_s, PointForm::FieldType::Float, u"21.5"_s);
    form->addField(u"co2_ppm"_s, PointForm::FieldType::Integer, u"612"_s);
    settle(800);
    bool written = false;
    QObject::connect(panel, &WritePanel::pointsWritten, [&written] { written = true; });
    panel->writePoint();
    failures += !waitFor([&] { return written; }, 20000);
    settle();
    failures += !save(window, out.filePath(u"explorer-write.png"_s));

    // 8. A pasted batch with two bad lines, flagged before anything is sent.
    panel->findChild<QTabWidget *>(u"writeTabs"_s)->setCurrentIndex(1);
    BatchPage *batch = panel->batchPage();
    batch->findChild<LineProtocolEditor *>(u"batchEditor"_s)
            ->setPlainText(u"environment,room=lab\\ 2 temperature=21.4 1764000000000000000\n"
                           "environment,room=lab\\ 2 temperature=21.6 1764000060000000000\n"
                           "environment,room=lab\\ 2 temperature=twenty 1764000120000000000\n"
                           "environment,room=lab\\ 2 co2_ppm=640i 1764000180000000000\n"
                           "environment room=lab temperature=21.9\n"_s);
    bool checked = false;
    QObject::connect(batch, &BatchPage::checkFinished, [&checked] { checked = true; });
    batch->check();
    failures += !waitFor([&] { return checked; }, 20000);
    settle();
    failures += !save(window, out.filePath(u"explorer-write-batch.png"_s));

    return failures == 0 ? 0 : 1;
}
