// SPDX-License-Identifier: MIT
#ifndef EXPLORER_BUILDERPAGE_H
#define EXPLORER_BUILDERPAGE_H

#include "history/queryhistory.h"
#include "settings/preferences.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QSplitter;
QT_END_NAMESPACE

namespace Influx {
class Client;
} // namespace Influx

namespace Explorer {

class QueryBuilderForm;
class QueryRunner;
class ResultsPanel;

// A builder tab of the main window: the visual query form on the left, the results of its last
// run on the right with the Chart tab in front (Chronograf's Data Explorer layout). The form's
// automatic GROUP BY time interval follows the chart's width in pixels.
//
// Run goes through the shared client (not owned, must outlive the page); "Open in editor" is
// passed on to the window, which opens a query tab with the text.
class BuilderPage : public QWidget
{
    Q_OBJECT
public:
    explicit BuilderPage(Influx::Client *client, QWidget *parent = nullptr);
    ~BuilderPage() override;

    QueryBuilderForm *form() const { return m_form; }
    ResultsPanel *results() const { return m_results; }
    QueryRunner *runner() const { return m_runner; }

    void setDatabases(const QStringList &databases);
    QString database() const;
    void setDatabase(const QString &database);
    void setPreferences(const Preferences &preferences);

    QString title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }
    bool isRunning() const;

public Q_SLOTS:
    void run(); // the form's query, when it has no problem
    void cancel();

Q_SIGNALS:
    void runningChanged(bool running);
    void queryFinished(const Explorer::QueryHistory::Entry &entry);
    void openInEditorRequested(const QString &influxql, const QString &database);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateChartWidth();

    QSplitter *m_splitter;
    QueryBuilderForm *m_form;
    ResultsPanel *m_results;
    QueryRunner *m_runner;
    QString m_title;
    bool m_sized = false; // the splitter got its first sizes
};

} // namespace Explorer

#endif // EXPLORER_BUILDERPAGE_H
