// SPDX-License-Identifier: MIT
// Takes the README's screenshots of the real window: starts influx-explorer's window on its
// demo server, drives it like a user would (expands the schema, runs queries, opens the
// dialogs) and saves PNGs. Run it under Xvfb (resources/screenshots/take.sh) so the pictures
// are the X server's pixels; on other platforms it renders the widgets (QWidget::grab()).
//
//   screenshots OUTPUT_DIR
#include "windowapp.h"
#include "demosession.h"

#include "editor/queryeditor.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "results/resultspanel.h"
#include "schema/schemabrowser.h"
#include "schema/schemamodel.h"
#include "settings/connectiondialog.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QScreen>
#include <QtGui/QWindow>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
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

    return failures == 0 ? 0 : 1;
}
