// SPDX-License-Identifier: MIT
#include "resultspanel.h"

#include "charts/chartpanel.h"
#include "charts/serieschartview.h"
#include "models/resulttablemodel.h"
#include "results/querystatusstrip.h"
#include "results/resultpage.h"
#include "results/resulttableview.h"
#include "results/rowlimitbar.h"

#include "influxql.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLayout>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr int TickMs = 100;

qint64 seriesKey(int statementIndex, int seriesIndex)
{
    return (qint64(statementIndex) << 32) | quint32(seriesIndex);
}

} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent),
      m_strip(new QueryStatusStrip(this)),
      m_limitBar(new RowLimitBar(this)),
      m_tabs(new QTabWidget(this)),
      m_messages(new QListWidget(this)),
      m_exporter(new ResultExporter(this)),
      m_chart(new ChartPanel(this)),
      m_chartWatcher(new QFutureWatcher<ChartData>(this))
{
    connect(m_strip, &QueryStatusStrip::cancelClicked, this, &ResultsPanel::cancel);
    connect(m_strip, &QueryStatusStrip::exportRequested, this,
            [this](ResultExporter::Format format, bool all) {
                askExport(format, all ? ExportScope::AllTables : ExportScope::CurrentTable);
            });
    connect(m_strip, &QueryStatusStrip::exportCancelClicked, m_exporter, &ResultExporter::cancel);
    connect(m_limitBar, &RowLimitBar::fetchAllClicked, this, &ResultsPanel::fetchAll);
    connect(m_limitBar, &RowLimitBar::stopHereClicked, this, &ResultsPanel::stopAtLimit);

    m_tabs->setObjectName(u"resultTabs"_s);
    m_tabs->setDocumentMode(true);
    // Whole titles and scroll buttons: with elision every tab shrinks to "Ch…", "1: c…".
    m_tabs->setElideMode(Qt::ElideNone);
    m_tabs->setUsesScrollButtons(true);
    m_messages->setObjectName(u"messagesList"_s);
    m_messages->setWordWrap(true);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_messages->setIconSize(QSize(iconSize, iconSize));
    m_messages->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tabs->addTab(m_messages, tr("Messages"));
    m_chart->setObjectName(u"chartPanel"_s);
    m_chart->hide(); // a tab only while there is something to chart
    connect(m_chart, &ChartPanel::refreshRequested, this, [this] {
        if (m_state != State::Running && m_state != State::Paused)
            Q_EMIT refreshRequested();
    });
    connect(m_chartWatcher, &QFutureWatcherBase::finished, this, &ResultsPanel::onChartReady);
    m_chartTimer.setSingleShot(true);
    connect(&m_chartTimer, &QTimer::timeout, this, &ResultsPanel::onChartTimer);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_chartBehind && m_tabs->currentWidget() == m_chart && !m_chartTimer.isActive())
            m_chartTimer.start(0); // the rows that came while it was behind
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_strip);
    layout->addWidget(m_limitBar);
    layout->addWidget(m_tabs, 1);

    m_ticker.setInterval(TickMs);
    connect(&m_ticker, &QTimer::timeout, this, &ResultsPanel::updateStatus);
    connect(m_exporter, &ResultExporter::progress, m_strip, &QueryStatusStrip::showExportProgress);
    connect(m_exporter, &ResultExporter::finished, this, &ResultsPanel::onExportFinished);
    setState(State::Idle);
}

ResultsPanel::~ResultsPanel()
{
    releaseReply();
}

void ResultsPanel::setReply(Influx::QueryReply *reply, RunKind kind)
{
    if (reply && reply == m_reply)
        return;
    // On a refresh the previous lines stay up (and selected) until the new result is in.
    clearResults(kind == RunKind::Refresh && hasChart());
    m_runKind = kind;
    if (!reply)
        return;
    m_reply = reply;
    connect(reply, &Influx::QueryReply::rowsReceived, this,
            [this](int statement, int series, qsizetype firstRow, qsizetype count) {
                onRowsReceived(statement, series, firstRow);
                appendChartRows(statement, series, firstRow, count);
            });
    connect(reply, &Influx::QueryReply::progress, this, &ResultsPanel::onProgress);
    connect(reply, &Influx::QueryReply::statementFinished, this,
            &ResultsPanel::onStatementFinished);
    connect(reply, &Influx::Reply::finished, this, &ResultsPanel::onFinished);
    connect(reply, &QObject::destroyed, this, &ResultsPanel::onReplyDestroyed);
    m_clock.start();
    setState(State::Running);
    // A reply handed over after it produced rows or even finished shows what it has.
    const QList<Influx::StatementResult> statements = reply->result().statements();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        for (qsizetype k = 0; k < statements.at(i).series.size(); ++k) {
            onRowsReceived(int(i), int(k), 0);
            appendChartRows(int(i), int(k), 0, statements.at(i).series.at(k).rowCount());
        }
    }
    if (reply->isFinished()) {
        onFinished();
        return;
    }
    m_ticker.start();
    onProgress(reply->rowCount());
}

void ResultsPanel::releaseReply()
{
    m_ticker.stop();
    if (!m_reply)
        return;
    Influx::QueryReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort(); // no-op when finished
    reply->deleteLater();
}

void ResultsPanel::clear()
{
    clearResults(false);
}

void ResultsPanel::clearResults(bool keepChart)
{
    releaseReply();
    m_limitBar->hide();
    m_chartWatcher->cancel(); // its result, if it still comes, is ignored
    m_chartTimer.stop();
    m_chartBuilder = ChartDataBuilder();
    m_chartClock.invalidate();
    m_chartStreamed = false;
    m_chartBehind = false;
    m_chartFinal = false;
    if (!keepChart) {
        removeChartTab();
        m_chart->setData(ChartData());
    }
    for (QWidget *page : resultPages()) {
        m_tabs->removeTab(m_tabs->indexOf(page));
        delete page;
    }
    m_messages->clear();
    m_result = {};
    m_rows = 0;
    m_elapsedMs = 0;
    m_limitAnswered = false;
    m_stopAtLimit = false;
    m_reported.clear();
    m_seriesSeen.clear();
    m_errorCount = 0;
    m_tabsSkipped = 0;
    updateMessagesTitle();
    setState(State::Idle);
}

void ResultsPanel::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_exporter->setPreferences(preferences);
    m_chart->setPreferences(preferences);
    for (int i = 0; i < resultTabCount(); ++i)
        tableModel(i)->setPreferences(preferences);
}

QString ResultsPanel::stateText() const
{
    switch (m_state) {
    case State::Idle:
        return tr("No query");
    case State::Running:
        return tr("Running…");
    case State::Paused:
        return tr("Paused at the row limit");
    case State::Done:
        return tr("Done");
    case State::Failed:
        return tr("Failed");
    case State::Cancelled:
        return tr("Cancelled");
    case State::StoppedAtLimit:
        return tr("Stopped at limit");
    }
    return {};
}

qint64 ResultsPanel::rowCount() const
{
    return m_reply && m_reply->isRunning() ? m_reply->rowCount() : m_rows;
}

qint64 ResultsPanel::elapsedMs() const
{
    return (m_state == State::Running || m_state == State::Paused) ? m_clock.elapsed()
                                                                   : m_elapsedMs;
}

QList<QWidget *> ResultsPanel::resultPages() const
{
    QList<QWidget *> pages;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (qobject_cast<ResultPage *>(m_tabs->widget(i)))
            pages.append(m_tabs->widget(i));
    }
    return pages;
}

int ResultsPanel::resultTabCount() const
{
    return int(resultPages().size());
}

ResultTableView *ResultsPanel::tableView(int tab) const
{
    const auto *page = qobject_cast<ResultPage *>(resultPages().value(tab));
    return page ? page->view() : nullptr;
}

ResultTableModel *ResultsPanel::tableModel(int tab) const
{
    const auto *page = qobject_cast<ResultPage *>(resultPages().value(tab));
    return page ? page->model() : nullptr;
}

bool ResultsPanel::hasChart() const
{
    return m_tabs->indexOf(m_chart) >= 0;
}

QWidget *ResultsPanel::messagesPage() const
{
    return m_messages;
}

QStringList ResultsPanel::messages() const
{
    QStringList lines;
    for (int i = 0; i < m_messages->count(); ++i)
        lines.append(m_messages->item(i)->text());
    return lines;
}

void ResultsPanel::setState(State state)
{
    const bool changed = state != m_state;
    m_state = state;
    QStyle::StandardPixmap icon = QStyle::SP_MediaPlay;
    switch (state) {
    case State::Idle:
    case State::Running:
        break;
    case State::Paused:
        icon = QStyle::SP_MediaPause;
        break;
    case State::Done:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case State::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case State::Cancelled:
    case State::StoppedAtLimit:
        icon = QStyle::SP_MediaStop;
        break;
    }
    m_strip->setState(state == State::Idle ? QString() : stateText(), icon,
                      state == State::Running || state == State::Paused);
    updateStatus();
    updateExportEnabled();
    if (changed)
        Q_EMIT stateChanged(state);
}

void ResultsPanel::updateStatus()
{
    if (m_reply && m_reply->isRunning())
        m_rows = m_reply->rowCount();
    if (m_state == State::Idle)
        m_strip->clearCounters();
    else
        m_strip->setCounters(m_rows, elapsedMs());
}

void ResultsPanel::onRowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow)
{
    if (firstRow != 0 || !m_reply)
        return;
    const qint64 key = seriesKey(statementIndex, seriesIndex);
    if (m_seriesSeen.contains(key))
        return;
    m_seriesSeen.insert(key);
    if (resultTabCount() >= MaxResultTabs) {
        ++m_tabsSkipped;
        return;
    }
    const QList<Influx::StatementResult> statements = m_reply->result().statements();
    addResultTab(statementIndex, seriesIndex, statements.value(statementIndex).statementId);
}

void ResultsPanel::addResultTab(int statementIndex, int seriesIndex, int statementId)
{
    auto *page = new ResultPage(m_reply, statementIndex, seriesIndex, statementId, m_preferences);
    const bool first = resultTabCount() == 0;
    const int index = m_tabs->insertTab(m_tabs->indexOf(m_messages), page, page->tabTitle());
    m_tabs->setTabToolTip(index, page->tabToolTip());
    if (first && m_errorCount == 0 && m_tabs->currentWidget() != m_chart)
        m_tabs->setCurrentIndex(index);
}

void ResultsPanel::onProgress(qint64 rows)
{
    if (!m_reply || m_state != State::Running)
        return;
    const qint64 limit = m_preferences.rowLimit;
    if (limit <= 0 || m_limitAnswered || rows <= limit)
        return;
    // Hold the server back while the user decides; rows already on their way still arrive.
    m_reply->pause();
    m_limitBar->ask(limit);
    setState(State::Paused);
}

void ResultsPanel::fetchAll()
{
    if (m_state != State::Paused || !m_reply)
        return;
    m_limitAnswered = true;
    m_limitBar->hide();
    setState(State::Running);
    m_reply->resume();
}

void ResultsPanel::stopAtLimit()
{
    if (m_state != State::Paused || !m_reply)
        return;
    m_limitAnswered = true;
    m_stopAtLimit = true;
    m_limitBar->hide();
    m_reply->abort(); // finished() follows at once
}

void ResultsPanel::cancel()
{
    if (m_reply && m_reply->isRunning())
        m_reply->abort();
}

void ResultsPanel::onStatementFinished(int statementIndex)
{
    if (!m_reply || m_reported.contains(statementIndex))
        return;
    m_reported.insert(statementIndex);
    reportStatement(m_reply->result().statements().value(statementIndex), true);
}

void ResultsPanel::reportStatement(const Influx::StatementResult &statement, bool complete)
{
    const QString prefix = tr("Statement %1").arg(statement.statementId + 1);
    for (const Influx::Message &message : statement.messages)
        addMessage(tr("%1: %2: %3").arg(prefix, message.level, message.text),
                   message.level == "warning"_L1 ? MessageKind::Warning : MessageKind::Info);
    if (statement.error.isError())
        addMessage(tr("%1: error: %2").arg(prefix, statement.error.message()), MessageKind::Error);
    else if (complete && statement.series.isEmpty())
        addMessage(tr("%1: OK (no rows)").arg(prefix), MessageKind::Info);
}

void ResultsPanel::onFinished()
{
    if (!m_reply)
        return;
    m_ticker.stop();
    m_elapsedMs = m_clock.elapsed();
    m_rows = m_reply->rowCount();
    m_result = m_reply->result();
    m_limitBar->hide();
    const Influx::Error error = m_reply->error();
    // Statements cut short by an abort or a transport failure still show what they said.
    const QList<Influx::StatementResult> statements = m_result.statements();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (m_reported.contains(int(i)))
            continue;
        m_reported.insert(int(i));
        reportStatement(statements.at(i), !error.isError());
    }
    // influxd stops at the first failed statement and says nothing about the rest.
    const qsizetype sent = Influx::InfluxQL::splitStatements(m_reply->query()).size();
    if (!error.isError() || error.kind() == Influx::Error::Kind::StatementError) {
        for (qsizetype i = statements.size(); i < sent; ++i)
            addMessage(tr("Statement %1: not executed (an earlier statement failed)").arg(i + 1),
                       MessageKind::Warning);
    }
    if (m_tabsSkipped > 0)
        addMessage(tr("%1 more series are not shown as tabs; export all results to see them.")
                           .arg(QLocale().toString(m_tabsSkipped)),
                   MessageKind::Info);

    State state = State::Done;
    switch (error.kind()) {
    case Influx::Error::Kind::NoError:
        break;
    case Influx::Error::Kind::Aborted:
        state = m_stopAtLimit ? State::StoppedAtLimit : State::Cancelled;
        break;
    case Influx::Error::Kind::StatementError:
        state = State::Failed; // listed with its statement above
        break;
    default:
        state = State::Failed;
        addMessage(tr("Request failed: %1").arg(error.toString()), MessageKind::Error);
        break;
    }
    if (resultTabCount() == 0 && m_errorCount == 0)
        m_tabs->setCurrentWidget(m_messages);
    setState(state);
    startChart();
    Q_EMIT queryFinished(m_rows, m_elapsedMs, error.isError() ? error.toString() : QString());
}

// --- Chart -----------------------------------------------------------------------------------

void ResultsPanel::appendChartRows(int statementIndex, int seriesIndex, qsizetype firstRow,
                                   qsizetype count)
{
    if (!m_reply || !m_chartBuilder.isExact())
        return;
    {
        // Read through the reply and let go at once: a copy of the series kept while the query
        // runs would make the merger copy all of it on its next append.
        const QList<Influx::StatementResult> statements = m_reply->result().statements();
        const Influx::Series series = statements.value(statementIndex).series.value(seriesIndex);
        if (!m_chartBuilder.append(statementIndex, seriesIndex, series, firstRow, count))
            return; // built from the whole result once the query ended
    }
    // A refresh keeps the old chart up until its result is complete.
    if (m_runKind == RunKind::Refresh || m_chartTimer.isActive())
        return;
    const qint64 since = m_chartClock.isValid() ? m_chartClock.elapsed() : ChartUpdateMs;
    m_chartTimer.start(int(std::max<qint64>(0, ChartUpdateMs - since)));
}

void ResultsPanel::onChartTimer()
{
    if (m_chartFinal) {
        m_chartFinal = false;
        applyChart(m_chartBuilder.snapshot());
        return;
    }
    // While the query streams: what arrived so far, at most every ChartUpdateMs.
    if (!m_chartBuilder.isExact() || (m_state != State::Running && m_state != State::Paused))
        return;
    // A chart in a background tab gets no rows while they stream (each update costs the GUI
    // thread tens of ms in QtCharts, the first one more): it gets them when it is brought to
    // the front, or when the query ends.
    m_chartBehind = hasChart() && !m_chart->isVisible();
    if (m_chartBehind)
        return;
    const ChartData data = m_chartBuilder.snapshot();
    if (data.isEmpty())
        return;
    // The tab first, in front before the data (the lines are then reduced once, for the size
    // they are shown at), and the data from the next event: each is a stall of its own.
    if (showChartTab()) {
        if (m_chartFirst && m_errorCount == 0)
            m_tabs->setCurrentWidget(m_chart);
        m_chart->setPreferences(m_preferences);
        m_chartTimer.start(0);
        return;
    }
    m_chartClock.start();
    if (m_chartStreamed) {
        m_chart->updateData(data);
    } else {
        m_chart->setData(data);
        m_chartStreamed = true;
    }
    m_tabs->setTabToolTip(0, m_chart->statusText());
}

void ResultsPanel::startChart()
{
    m_chartTimer.stop();
    if (m_chartBuilder.isExact()) {
        // The streamed lines are complete: no need to build them again. Shown from the event
        // loop, after queryFinished(), as a chart built on a worker would be.
        m_chartFinal = true;
        m_chartTimer.start(0);
        return;
    }
    // Building the typed arrays of a million rows takes a while: not on the GUI thread.
    const Influx::QueryResult result = m_result;
    m_chartWatcher->setFuture(
            QtConcurrent::run([result] { return ChartData::fromResult(result); }));
}

void ResultsPanel::onChartReady()
{
    if (m_chartWatcher->isCanceled() || m_chartWatcher->future().resultCount() == 0)
        return;
    applyChart(m_chartWatcher->result());
}

void ResultsPanel::applyChart(const ChartData &data)
{
    m_chart->setPreferences(m_preferences);
    // A chart that streamed was brought to the front when it appeared; the user may have chosen
    // another tab since.
    if (!data.isEmpty()) {
        const bool inserted = showChartTab();
        if ((inserted || !m_chartStreamed) && m_chartFirst && m_errorCount == 0)
            m_tabs->setCurrentWidget(m_chart);
    }
    layOutHiddenChart();
    SeriesChartView *view = m_chart->view();
    if (m_chartStreamed) {
        m_chart->updateData(data); // keeps a zoom made while the rows streamed
    } else {
        // The user may have zoomed in while the refresh ran (which pauses auto-refresh): new
        // data must not throw that view away.
        const bool keepZoom = m_runKind == RunKind::Refresh && view->isZoomed();
        const QPair<qint64, qint64> range = view->visibleRangeNs();
        m_chart->setData(data);
        if (keepZoom && !data.isEmpty())
            view->zoomToRangeNs(range.first, range.second);
    }
    if (data.isEmpty())
        removeChartTab();
    else
        m_tabs->setTabToolTip(0, m_chart->statusText());
    Q_EMIT chartUpdated();
}

bool ResultsPanel::showChartTab()
{
    const bool inserted = !hasChart();
    if (inserted)
        m_tabs->insertTab(0, m_chart, tr("Chart"));
    return inserted;
}

void ResultsPanel::layOutHiddenChart()
{
    // A background tab gets its size only when it is brought to the front. Laid out now at the
    // size of the page in front (all pages share it), the chart reduces its lines for the
    // width they will be shown at, and bringing it to the front just paints them.
    const QWidget *front = m_tabs->currentWidget();
    if (!hasChart() || !front || front == m_chart || !front->isVisible())
        return;
    m_chart->setGeometry(front->geometry());
    if (QLayout *layout = m_chart->layout())
        layout->setGeometry(m_chart->rect());
}

void ResultsPanel::removeChartTab()
{
    const int index = m_tabs->indexOf(m_chart);
    if (index < 0)
        return;
    m_tabs->removeTab(index);
    m_chart->hide();
}

void ResultsPanel::onReplyDestroyed()
{
    // Someone else deleted the reply (or its Client) while it ran: its rows are gone.
    if (m_state != State::Running && m_state != State::Paused)
        return;
    m_ticker.stop();
    m_elapsedMs = m_clock.elapsed();
    m_limitBar->hide();
    m_chartTimer.stop();
    m_chartBuilder = ChartDataBuilder();
    if (m_chartStreamed) { // its rows are gone from the tables as well
        m_chartStreamed = false;
        removeChartTab();
        m_chart->setData(ChartData());
    }
    const QString text = tr("the query was deleted before it finished");
    addMessage(tr("Request failed: %1").arg(text), MessageKind::Error);
    setState(State::Failed);
    Q_EMIT queryFinished(m_rows, m_elapsedMs, text);
}

void ResultsPanel::addMessage(const QString &text, MessageKind kind)
{
    auto *item = new QListWidgetItem(text, m_messages);
    item->setToolTip(text);
    if (kind == MessageKind::Info)
        return;
    item->setIcon(style()->standardIcon(kind == MessageKind::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxCritical));
    if (kind == MessageKind::Warning)
        return;
    ++m_errorCount;
    updateMessagesTitle();
    m_tabs->setCurrentWidget(m_messages);
}

void ResultsPanel::updateMessagesTitle()
{
    const int index = m_tabs->indexOf(m_messages);
    QString title = tr("Messages");
    if (m_errorCount == 1)
        title = tr("Messages (1 error)");
    else if (m_errorCount > 1)
        title = tr("Messages (%1 errors)").arg(QLocale().toString(m_errorCount));
    m_tabs->setTabText(index, title);
}

// --- Export ----------------------------------------------------------------------------------

void ResultsPanel::updateExportEnabled()
{
    const bool finished =
            m_state != State::Idle && m_state != State::Running && m_state != State::Paused;
    m_strip->setExportEnabled(finished && m_result.rowCount() > 0 && !m_exporter->isRunning());
}

void ResultsPanel::askExport(ResultExporter::Format format, ExportScope scope)
{
    const bool csv = format == ResultExporter::Format::Csv;
    const QString fileName =
            QFileDialog::getSaveFileName(this, csv ? tr("Export as CSV") : tr("Export as JSON"),
                                         csv ? u"results.csv"_s : u"results.json"_s,
                                         csv ? tr("CSV files (*.csv);;All files (*)")
                                             : tr("JSON files (*.json);;All files (*)"));
    if (!fileName.isEmpty())
        exportResults(fileName, format, scope);
}

bool ResultsPanel::exportResults(const QString &fileName, ResultExporter::Format format,
                                 ExportScope scope)
{
    if (m_exporter->isRunning() || m_result.statementCount() == 0
        || (m_reply && m_reply->isRunning()))
        return false;
    QList<Influx::StatementResult> statements;
    if (scope == ExportScope::AllTables) {
        statements = m_result.statements();
    } else {
        const auto *page = qobject_cast<ResultPage *>(m_tabs->currentWidget());
        const ResultTableModel *model = page ? page->model() : nullptr;
        if (!model)
            return false;
        Influx::StatementResult statement;
        statement.statementId = m_result.statements().value(model->statementIndex()).statementId;
        statement.series = {model->series()};
        statements = {statement};
    }
    if (!m_exporter->start(statements, fileName, format))
        return false;
    m_strip->showExportProgress(0, m_exporter->totalRows());
    updateExportEnabled();
    return true;
}

void ResultsPanel::onExportFinished(bool ok, const QString &error)
{
    m_strip->hideExportProgress();
    updateExportEnabled();
    if (ok)
        addMessage(tr("Exported %1 to %2")
                           .arg(QueryStatusStrip::rowsText(m_exporter->totalRows()),
                                m_exporter->fileName()),
                   MessageKind::Info);
    else if (m_exporter->wasCancelled())
        addMessage(tr("Export to %1 cancelled").arg(m_exporter->fileName()), MessageKind::Info);
    else
        addMessage(tr("Export to %1 failed: %2").arg(m_exporter->fileName(), error),
                   MessageKind::Error);
    Q_EMIT exportFinished(ok, error);
}

} // namespace Explorer
