// SPDX-License-Identifier: MIT
#ifndef EXPLORER_BATCHPAGE_H
#define EXPLORER_BATCHPAGE_H

#include "write/batchwritereport.h"
#include "write/lineprotocolchecker.h"

#include <QtCore/QFutureWatcher>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;
QT_END_NAMESPACE

namespace Influx {
class Client;
}

namespace Explorer {

class BatchWriter;
class LineProtocolEditor;
class WriteOptionsBar;

// The write panel's "Batch" tab: line protocol pasted or opened from a file, checked locally
// (LineProtocolChecker, off the GUI thread, shortly after each edit and before writing), then
// written by a BatchWriter with progress and cancel.
//
// Nothing typed is lost: while bad lines exist Write is disabled unless "Skip bad lines" is
// ticked; after a write the editor keeps exactly the lines that were not written (failed,
// skipped, cancelled, not sent; blank lines and comments go with the written ones), each
// listed with its reason, ready to fix and retry. The replacement is one undoable edit.
//
// Not owned: the Client. Child object names: "batchEditor" (LineProtocolEditor),
// "openFileButton", "checkButton", "skipBadLinesCheck", "batchWriteOptions"
// (WriteOptionsBar), "checkProblemsList", "notWrittenList", "batchStatusLabel",
// "batchProgress", "writeBatchButton", "cancelBatchButton", "checkSummaryLabel" (above the
// bad lines), "notWrittenTitle" (above the lines not written).
class BatchPage : public QWidget
{
    Q_OBJECT
public:
    explicit BatchPage(Influx::Client *client, QWidget *parent = nullptr);
    ~BatchPage() override;

    void setDatabase(const QString &database);
    void setRetentionPolicies(const QStringList &names);
    void setBatchSize(int lines);

    LineProtocolEditor *editor() const { return m_editor; }
    WriteOptionsBar *writeOptions() const { return m_options; }
    // Replaces the text with the file's (undoable). False, with the reason shown, on failure.
    bool openFile(const QString &path);
    // The last complete check of the current text (empty also while it is out of date).
    QList<LineProtocolChecker::Problem> problems() const { return m_problems; }
    bool isCheckCurrent() const;
    bool isWriting() const;
    // The last write's report (empty before the first).
    BatchWriteReport lastReport() const { return m_lastReport; }

public Q_SLOTS:
    void check();
    // Checks first when the check is out of date, then writes if allowed.
    void write();
    void cancel();

Q_SIGNALS:
    void checkFinished(qsizetype badLines);
    void pointsWritten(qint64 count);
    void writeFinished(const Explorer::BatchWriteReport &report);

private:
    struct CheckResult
    {
        quint64 revision;
        Influx::Precision precision;
        QList<LineProtocolChecker::Problem> problems;
    };
    void onTextChanged();
    void onCheckFinished();
    void startWrite();
    void onProgress(qint64 done, qint64 total);
    void onWriteFinished(const BatchWriteReport &report);
    void listNotWritten(const BatchWriteReport &report);
    QString summary(const BatchWriteReport &report, qsizetype left) const;
    void chooseFile();
    void updateButtons();
    void updateCheckSummary();

    Influx::Client *m_client;
    BatchWriter *m_writer;
    QString m_database;
    LineProtocolEditor *m_editor;
    WriteOptionsBar *m_options;
    QPushButton *m_openButton;
    QPushButton *m_checkButton;
    QCheckBox *m_skipBadLines;
    QListWidget *m_problemsList;
    QListWidget *m_notWrittenList;
    QLabel *m_checkSummary; // above the bad lines
    QLabel *m_notWrittenTitle;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_writeButton;
    QPushButton *m_cancelButton;
    QTimer *m_checkTimer;
    QFutureWatcher<CheckResult> m_checkWatcher;
    quint64 m_revision = 0;
    quint64 m_checkedRevision = ~quint64(0);
    Influx::Precision m_checkedPrecision = Influx::Precision::Nanoseconds;
    QList<LineProtocolChecker::Problem> m_problems;
    bool m_checkAgain = false;
    bool m_writeAfterCheck = false;
    QString m_sentText;
    int m_sentRetries = 0; // the retries the running write may make
    quint64 m_sentRevision = 0; // m_revision when m_sentText was taken
    BatchWriteReport m_lastReport;
};

} // namespace Explorer

#endif // EXPLORER_BATCHPAGE_H
