// SPDX-License-Identifier: MIT
#include "resultexporter.h"

#include "results/exportformat.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QSaveFile>

using namespace Qt::StringLiterals;

namespace Explorer {

ResultExporter::ResultExporter(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ResultExporter::onWorkerFinished);
}

ResultExporter::~ResultExporter()
{
    if (m_running) {
        // The worker posts progress to this object: it must be done before this is gone. It
        // checks the flag every few thousand rows, so the wait is short.
        m_cancel->store(true);
        m_watcher.waitForFinished();
    }
}

bool ResultExporter::start(const QList<Influx::Series> &series, const QString &fileName,
                           Format format)
{
    Influx::StatementResult statement;
    statement.series = series;
    return start(QList<Influx::StatementResult> {statement}, fileName, format);
}

bool ResultExporter::start(const QList<Influx::StatementResult> &statements,
                           const QString &fileName, Format format)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    m_fileName = fileName;
    m_total = 0;
    for (const Influx::StatementResult &statement : statements) {
        for (const Influx::Series &s : statement.series)
            m_total += s.rowCount();
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const Preferences preferences = m_preferences;
    const qint64 total = m_total;
    m_watcher.setFuture(QtConcurrent::run([this, statements, fileName, format, preferences, cancel,
                                           total]() -> Outcome {
        const ExportFormat::Progress progress = [this, cancel, total](qint64 written) {
            if (cancel->load())
                return false;
            QMetaObject::invokeMethod(
                    this, [this, written, total] { Q_EMIT this->progress(written, total); },
                    Qt::QueuedConnection);
            return true;
        };
        Outcome outcome;
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly)) {
            outcome.error = tr("Cannot open %1: %2").arg(fileName, file.errorString());
            return outcome;
        }
        const bool ok = format == Format::Csv
                ? ExportFormat::writeCsv(&file, statements, preferences, progress, &outcome.error)
                : ExportFormat::writeJson(&file, statements, progress, &outcome.error);
        if (!ok || cancel->load()) {
            file.cancelWriting();
            outcome.cancelled = outcome.error.isEmpty();
            return outcome;
        }
        if (!file.commit()) {
            outcome.error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
            return outcome;
        }
        outcome.ok = true;
        return outcome;
    }));
    return true;
}

void ResultExporter::cancel()
{
    if (m_running)
        m_cancel->store(true);
}

void ResultExporter::onWorkerFinished()
{
    const Outcome outcome = m_watcher.result();
    m_running = false;
    m_cancelled = outcome.cancelled;
    Q_EMIT finished(outcome.ok, outcome.cancelled ? tr("Export cancelled") : outcome.error);
}

} // namespace Explorer
