// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYSTATUSSTRIP_H
#define EXPLORER_QUERYSTATUSSTRIP_H

#include "results/resultexporter.h"

#include <QtWidgets/QStyle>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;
QT_END_NAMESPACE

namespace Explorer {

// The strip above a query's results: state icon and text, rows received, elapsed time, the
// Cancel button, the Export menu and an export's progress with its own Cancel. It shows what
// it is told and reports clicks; ResultsPanel decides.
//
// Child object names: "stateLabel", "rowsLabel", "elapsedLabel", "cancelButton",
// "exportButton", "exportProgress", "exportCancelButton".
class QueryStatusStrip : public QWidget
{
    Q_OBJECT
public:
    explicit QueryStatusStrip(QWidget *parent = nullptr);

    // An empty text clears the strip (no query).
    void setState(const QString &text, QStyle::StandardPixmap icon, bool running);
    // Elapsed time as "850 ms" below a second, "1.23 s" above.
    void setCounters(qint64 rows, qint64 elapsedMs);
    void clearCounters();
    void setExportEnabled(bool enabled);
    // Shows the export's progress bar and Cancel button until hideExportProgress().
    void showExportProgress(qint64 rowsWritten, qint64 totalRows);
    void hideExportProgress();

    // "1 row", "123,456 rows" (the locale's digit grouping).
    static QString rowsText(qint64 rows);

Q_SIGNALS:
    void cancelClicked();
    void exportRequested(Explorer::ResultExporter::Format format, bool allResults);
    void exportCancelClicked();

private:
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QLabel *m_rowsLabel;
    QLabel *m_elapsedLabel;
    QProgressBar *m_exportProgress;
    QPushButton *m_exportCancel;
    QToolButton *m_exportButton;
    QPushButton *m_cancelButton;
};

} // namespace Explorer

#endif // EXPLORER_QUERYSTATUSSTRIP_H
