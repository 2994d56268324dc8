// SPDX-License-Identifier: MIT
#include "charts/chartpanel.h"

#include "charts/serieschartview.h"

#include <QtCore/QLocale>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Explorer {

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent),
      m_view(new SeriesChartView(this)),
      m_refresh(new QComboBox(this)),
      m_status(new QLabel(this))
{
    m_view->setObjectName(u"chartView"_s);
    m_refresh->setObjectName(u"autoRefreshCombo"_s);
    m_status->setObjectName(u"chartStatus"_s);

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_reset = toolBar->addAction(tr("Reset zoom"), m_view, &SeriesChartView::resetZoom);
    m_reset->setObjectName(u"resetZoomAction"_s);
    m_reset->setToolTip(tr("Show the whole time range (double-click, Home)"));
    m_export = toolBar->addAction(tr("Export PNG…"), this, &ChartPanel::exportPngInteractively);
    m_export->setObjectName(u"exportPngAction"_s);
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(tr("Auto-refresh:"), this));
    const std::pair<QString, std::chrono::milliseconds> intervals[] = {
            {tr("Off"), 0ms},  {tr("5 s"), 5s},     {tr("10 s"), 10s},
            {tr("30 s"), 30s}, {tr("1 min"), 1min}, {tr("5 min"), 5min}};
    for (const auto &[text, interval] : intervals)
        m_refresh->addItem(text, qint64(interval.count()));
    m_refresh->setToolTip(tr("Re-run the query at this interval; paused while zoomed"));
    toolBar->addWidget(m_refresh);
    toolBar->addSeparator();
    toolBar->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_view, 1);

    connect(m_refresh, &QComboBox::currentIndexChanged, this, [this] {
        m_view->setAutoRefresh(std::chrono::milliseconds(m_refresh->currentData().toLongLong()));
        updateStatus();
    });
    connect(m_view, &SeriesChartView::refreshRequested, this, &ChartPanel::refreshRequested);
    connect(m_view, &SeriesChartView::redecimated, this, &ChartPanel::updateStatus);
    connect(m_view, &SeriesChartView::zoomedChanged, this, &ChartPanel::updateStatus);
    updateStatus();
}

void ChartPanel::setData(const ChartData &data)
{
    m_view->setData(data);
}

void ChartPanel::updateData(const ChartData &data)
{
    m_view->updateData(data);
}

void ChartPanel::setPreferences(const Preferences &preferences)
{
    m_view->setPreferences(preferences);
}

QString ChartPanel::statusText() const
{
    return m_status->text();
}

void ChartPanel::updateStatus()
{
    const QLocale locale;
    QStringList parts;
    if (m_view->lineCount() == 0) {
        parts.append(tr("No numeric fields to chart"));
    } else {
        qsizetype points = 0;
        for (int line = 0; line < m_view->lineCount(); ++line)
            points += m_view->fullPointCount(line);
        parts.append(m_view->lineCount() == 1 ? tr("1 line")
                                              : tr("%1 lines").arg(m_view->lineCount()));
        parts.append(tr("%1 points").arg(locale.toString(points)));
        parts.append(tr("%1 drawn").arg(locale.toString(m_view->drawnPointCount())));
        if (m_view->omittedLineCount() > 0)
            parts.append(tr("first %1 of %2 lines")
                                 .arg(m_view->lineCount())
                                 .arg(m_view->data().lineCount()));
    }
    if (m_view->isAutoRefreshPaused())
        parts.append(tr("auto-refresh paused (zoomed)"));
    m_status->setText(parts.join(u" \u00B7 "_s));
    m_reset->setEnabled(m_view->isZoomed());
    m_export->setEnabled(m_view->lineCount() > 0);
}

void ChartPanel::exportPngInteractively()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), u"chart.png"_s,
                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(u".png"_s, Qt::CaseInsensitive))
        path += u".png"_s;
    QString error;
    if (!m_view->exportPng(path, &error))
        QMessageBox::warning(this, tr("Export Chart"),
                             tr("The chart could not be written to %1: %2").arg(path, error));
}

} // namespace Explorer
