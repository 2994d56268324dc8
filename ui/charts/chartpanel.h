// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTPANEL_H
#define EXPLORER_CHARTPANEL_H

#include "charts/chartdata.h"
#include "settings/preferences.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
QT_END_NAMESPACE

namespace Explorer {

class SeriesChartView;

// A SeriesChartView with its toolbar: Reset zoom, Export PNG…, an auto-refresh interval
// (Off, 5 s … 5 min) and a status text ("3 lines · 1,000,000 points · 3,964 drawn", plus
// "auto-refresh paused" while zoomed and "first 100 of 250 lines" when lines were left out).
// The main window connects refreshRequested() to re-running the query and hands the new
// result to setData().
//
// Child object names, stable for tests: "chartView", "resetZoomAction", "exportPngAction",
// "autoRefreshCombo", "chartStatus".
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);

    SeriesChartView *view() const { return m_view; }
    void setData(const ChartData &data);
    // SeriesChartView::updateData(): more of the same lines (a streaming result).
    void updateData(const ChartData &data);
    void setPreferences(const Preferences &preferences);
    QString statusText() const;

    // Asks for a file name and writes the chart; errors are shown in a message box.
    void exportPngInteractively();

Q_SIGNALS:
    void refreshRequested();

private:
    void updateStatus();

    SeriesChartView *m_view;
    QAction *m_reset;
    QAction *m_export;
    QComboBox *m_refresh;
    QLabel *m_status;
};

} // namespace Explorer

#endif // EXPLORER_CHARTPANEL_H
