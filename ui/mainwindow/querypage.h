// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYPAGE_H
#define EXPLORER_QUERYPAGE_H

#include "history/queryhistory.h"
#include "settings/preferences.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QSplitter;
class QToolButton;
QT_END_NAMESPACE

namespace Influx {
class Client;
class QueryReply;
} // namespace Influx

namespace Explorer {

class QueryEditor;
class QueryRunner;
class ResultsPanel;

// One query tab of the main window: an editor above the results of its last run (whose status
// strip has the Cancel button), and the database the queries run against. Queries go through the
// shared client (a QueryRunner); the page owns the running reply through its ResultsPanel,
// whose Chart tab can re-run the query at an interval.
class QueryPage : public QWidget
{
    Q_OBJECT
public:
    // client is not owned and must outlive the page.
    explicit QueryPage(Influx::Client *client, QWidget *parent = nullptr);
    ~QueryPage() override;

    QueryEditor *editor() const { return m_editor; }
    ResultsPanel *results() const { return m_results; }
    QueryRunner *runner() const { return m_runner; }

    // The databases offered in the page's database box. The chosen name stays, listed or not.
    void setDatabases(const QStringList &databases);
    QString database() const;
    void setDatabase(const QString &database);

    void setPreferences(const Preferences &preferences);

    // The file the editor was opened from / saved to (empty for a new query).
    QString filePath() const { return m_filePath; }
    bool isModified() const;
    bool openFile(const QString &path, QString *error);
    bool saveFile(const QString &path, QString *error);
    // "Query 3", or the file name; with "*" when modified.
    QString title() const;
    void setUntitledName(const QString &name);

    bool isRunning() const;

public Q_SLOTS:
    void runStatement(); // the selection or the statement under the cursor
    void runAll();
    void run(const QString &text);
    void cancel();

Q_SIGNALS:
    void titleChanged(const QString &title);
    void databaseChanged(const QString &database);
    void runningChanged(bool running);
    // A run ended; the main window adds it to the history.
    void queryFinished(const Explorer::QueryHistory::Entry &entry);

private:
    QComboBox *m_database;
    QToolButton *m_runButton;
    QToolButton *m_runAllButton;
    QSplitter *m_splitter;
    QueryEditor *m_editor;
    ResultsPanel *m_results;
    QueryRunner *m_runner;
    QString m_filePath;
    QString m_untitled;
};

} // namespace Explorer

#endif // EXPLORER_QUERYPAGE_H
