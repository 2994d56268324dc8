// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTEXPORTER_H
#define EXPLORER_RESULTEXPORTER_H

#include "settings/preferences.h"

#include "queryresult.h"

#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>

#include <atomic>
#include <memory>

namespace Explorer {

// Writes query results to a file in a worker thread, in the formats of ExportFormat (see
// exportformat.h for the exact CSV and JSON layouts). The series are snapshots (Series is
// implicitly shared), written in their received order.
//
// The file is written through QSaveFile: it appears complete or not at all. A cancelled or
// failed export leaves no file behind (an existing file of that name stays untouched).
// Deleting the exporter cancels a running export and waits for the worker to stop.
class ResultExporter : public QObject
{
    Q_OBJECT
public:
    enum class Format { Csv, Json };

    explicit ResultExporter(QObject *parent = nullptr);
    ~ResultExporter() override;

    // The time format of CSV files (JSON always uses RFC 3339 UTC).
    void setPreferences(const Preferences &preferences) { m_preferences = preferences; }
    Preferences preferences() const { return m_preferences; }

    // Starts writing; false (nothing started) while another export runs. finished() follows
    // from the event loop in every case once started.
    bool start(const QList<Influx::StatementResult> &statements, const QString &fileName,
               Format format);
    // The series as one statement with id 0.
    bool start(const QList<Influx::Series> &series, const QString &fileName, Format format);

    bool isRunning() const { return m_running; }
    // Whether the last export ended through cancel().
    bool wasCancelled() const { return m_cancelled; }
    QString fileName() const { return m_fileName; }
    qint64 totalRows() const { return m_total; }

public Q_SLOTS:
    // Stops a running export; finished(false, <"Export cancelled">) follows.
    void cancel();

Q_SIGNALS:
    // Emitted every few thousand rows.
    void progress(qint64 rowsWritten, qint64 totalRows);
    // error is empty when ok.
    void finished(bool ok, const QString &error);

private:
    struct Outcome
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
    };
    void onWorkerFinished();

    Preferences m_preferences;
    QString m_fileName;
    qint64 m_total = 0;
    bool m_running = false;
    bool m_cancelled = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace Explorer

#endif // EXPLORER_RESULTEXPORTER_H
