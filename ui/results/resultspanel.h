// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTSPANEL_H
#define EXPLORER_RESULTSPANEL_H

#include "charts/chartdatabuilder.h"
#include "results/resultexporter.h"
#include "settings/preferences.h"

#include "reply.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFutureWatcher>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QListWidget;
class QTabWidget;
QT_END_NAMESPACE

namespace Explorer {

class ChartPanel;
class QueryStatusStrip;
class ResultTableModel;
class ResultTableView;
class RowLimitBar;

// The results of one query run: a status strip (state, rows, elapsed time, Cancel, Export), a
// tab per series as the series start to stream ("1: cpu host=a,region=eu"), and a Messages
// tab with the server's warnings and errors per statement and the request's own failure.
//
// Ownership: setReply() takes the reply. A later setReply(), clear() or the panel's
// destruction aborts it if it still runs and deletes it (deleteLater); Client's
// setAutoDeleteReplies() may delete it as well once finished. A reply deleted by someone else
// while it runs (its Client went away) ends the run as Failed, its rows gone.
//
// Row limit: when Preferences::rowLimit > 0 and the running query reaches it, the reply is
// paused (QueryReply::pause()) and an inline bar asks "Fetch all" (resume) or "Stop here"
// (abort, state StoppedAtLimit, rows kept).
//
// Chart: the numeric fields are turned into chart lines while the rows stream in
// (ChartDataBuilder, fed from rowsReceived() through the reply's result, never keeping a copy of
// a series). A "Chart" tab (a ChartPanel) appears first as soon as there is something to chart,
// and is drawn anew at most every ChartUpdateMs while it is in front; in the background it gets
// the rows when it is brought to the front, or when the query ends. Once the query ends (also
// cancelled or stopped at the limit) the chart shows every row received, exactly what
// ChartData::fromResult() gives; where streaming cannot give that (ORDER BY time DESC or other
// times that go backwards, a time column that turns into numbers) the streamed chart stops
// where it was and the lines are built from the whole result on a worker thread, as before.
// The Chart tab is made the current tab when setChartFirst() is on (the builder) and no error
// is shown, when it appears. A RunKind::Refresh run keeps the chart tab, its data and the
// current tab until the new result is complete (no streaming), so auto-refresh does not blink;
// a zoom made meanwhile (or while rows streamed) is kept. chartUpdated() follows once per run,
// with the final data. The chart's refreshRequested() is passed on (refreshRequested()) only
// while no query runs. A chart tab in the background is laid out at the size of the tab in
// front before it gets its data, so its lines are reduced for the width they are shown at:
// bringing it to the front only paints.
//
// Child object names, stable for tests: "resultTabs", "messagesList", "chartPanel", and those
// of QueryStatusStrip, RowLimitBar and ChartPanel.
class ResultsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class State {
        Idle, // no query
        Running,
        Paused, // at the row limit, waiting for the user's answer
        Done,
        Failed, // a statement or the request failed (see the Messages tab)
        Cancelled,
        StoppedAtLimit,
    };
    Q_ENUM(State)
    enum class ExportScope { CurrentTable, AllTables };
    // A Refresh re-runs the query on screen (see the class comment).
    enum class RunKind { NewQuery, Refresh };

    // Series beyond this many get no tab of their own (exports still contain them).
    static constexpr int MaxResultTabs = 200;
    // The chart is updated at most this often while rows stream in.
    static constexpr int ChartUpdateMs = 400;

    explicit ResultsPanel(QWidget *parent = nullptr);
    ~ResultsPanel() override;

    void setReply(Influx::QueryReply *reply, RunKind kind = RunKind::NewQuery);
    Influx::QueryReply *reply() const { return m_reply; }
    void setPreferences(const Preferences &preferences);
    Preferences preferences() const { return m_preferences; }

    State state() const { return m_state; }
    QString stateText() const;
    // Rows received so far over all statements (live while running).
    qint64 rowCount() const;
    qint64 elapsedMs() const;

    // Result tables (neither the Chart nor the Messages tab), in tab order.
    int resultTabCount() const;
    ResultTableView *tableView(int tab) const;
    ResultTableModel *tableModel(int tab) const;
    QWidget *messagesPage() const;
    ChartPanel *chartPanel() const { return m_chart; }
    // Whether the Chart tab is shown (the last result had numeric fields over time).
    bool hasChart() const;
    // Select the Chart tab when a result brings one (the builder's choice).
    void setChartFirst(bool chartFirst) { m_chartFirst = chartFirst; }
    bool isChartFirst() const { return m_chartFirst; }
    // The Messages list, one line per entry.
    QStringList messages() const;
    int errorCount() const { return m_errorCount; }

    // Writes the current tab's series or every series of the finished query (with the
    // statements' messages and errors in JSON). False when there is nothing to export yet
    // (query running or no result) or an export runs; otherwise exportFinished() follows.
    bool exportResults(const QString &fileName, ResultExporter::Format format, ExportScope scope);
    bool isExporting() const { return m_exporter->isRunning(); }

public Q_SLOTS:
    // Aborts the running query; the rows received so far stay (state Cancelled).
    void cancel();
    // The answers of the row-limit bar.
    void fetchAll();
    void stopAtLimit();
    void clear();

Q_SIGNALS:
    void stateChanged(Explorer::ResultsPanel::State state);
    // Once per query; errorText is empty on success (Error::toString() otherwise, also for a
    // cancelled query). For the history.
    void queryFinished(qint64 rows, qint64 elapsedMs, const QString &errorText);
    void exportFinished(bool ok, const QString &error);
    // The chart's auto-refresh asks for the query to run again.
    void refreshRequested();
    // The Chart tab got the final data of a run (shown, replaced or removed); once per run.
    void chartUpdated();

private:
    void releaseReply();
    void clearResults(bool keepChart);
    void setState(State state);
    void updateStatus();
    void onRowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow);
    void onProgress(qint64 rows);
    void onStatementFinished(int statementIndex);
    void onFinished();
    void onReplyDestroyed();
    void reportStatement(const Influx::StatementResult &statement, bool complete);
    void addResultTab(int statementIndex, int seriesIndex, int statementId);
    enum class MessageKind { Info, Warning, Error }; // an Error selects the Messages tab
    void addMessage(const QString &text, MessageKind kind);
    void updateMessagesTitle();
    void askExport(ResultExporter::Format format, ExportScope scope);
    void onExportFinished(bool ok, const QString &error);
    void updateExportEnabled();
    void appendChartRows(int statementIndex, int seriesIndex, qsizetype firstRow, qsizetype count);
    void onChartTimer();
    void startChart();
    void onChartReady();
    void applyChart(const ChartData &data);
    bool showChartTab(); // true when the tab was inserted
    void layOutHiddenChart();
    void removeChartTab();
    QList<QWidget *> resultPages() const;

    QPointer<Influx::QueryReply> m_reply;
    Preferences m_preferences;
    State m_state = State::Idle;
    Influx::QueryResult m_result; // the final result, once the reply finished
    qint64 m_rows = 0;
    qint64 m_elapsedMs = 0;
    QElapsedTimer m_clock;
    QTimer m_ticker;
    bool m_limitAnswered = false;
    bool m_stopAtLimit = false;
    QSet<int> m_reported; // statement indexes whose messages are listed
    QSet<qint64> m_seriesSeen; // statementIndex << 32 | seriesIndex
    int m_errorCount = 0;
    qsizetype m_tabsSkipped = 0;
    bool m_chartFirst = false;
    RunKind m_runKind = RunKind::NewQuery; // of the run on screen

    QueryStatusStrip *m_strip;
    RowLimitBar *m_limitBar;
    QTabWidget *m_tabs;
    QListWidget *m_messages;
    ResultExporter *m_exporter;
    ChartPanel *m_chart;
    QFutureWatcher<ChartData> *m_chartWatcher;
    ChartDataBuilder m_chartBuilder; // the rows of the run, as they arrive
    QTimer m_chartTimer; // the next streamed update, or the final data (m_chartFinal)
    QElapsedTimer m_chartClock; // since the last streamed update
    bool m_chartStreamed = false; // the chart shows rows of this run
    bool m_chartBehind = false; // rows came while the chart was in the background
    bool m_chartFinal = false;
};

} // namespace Explorer

#endif // EXPLORER_RESULTSPANEL_H
