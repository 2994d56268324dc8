// SPDX-License-Identifier: MIT
#include "querystatusstrip.h"

#include <QtCore/QLocale>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace Explorer {

QueryStatusStrip::QueryStatusStrip(QWidget *parent)
    : QWidget(parent),
      m_stateIcon(new QLabel(this)),
      m_stateLabel(new QLabel(this)),
      m_rowsLabel(new QLabel(this)),
      m_elapsedLabel(new QLabel(this)),
      m_exportProgress(new QProgressBar(this)),
      m_exportCancel(new QPushButton(tr("Cancel Export"), this)),
      m_exportButton(new QToolButton(this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_rowsLabel->setObjectName(u"rowsLabel"_s);
    m_elapsedLabel->setObjectName(u"elapsedLabel"_s);
    m_exportProgress->setObjectName(u"exportProgress"_s);
    m_exportProgress->setMaximumWidth(200);
    m_exportProgress->hide();
    m_exportCancel->setObjectName(u"exportCancelButton"_s);
    m_exportCancel->hide();
    connect(m_exportCancel, &QPushButton::clicked, this, &QueryStatusStrip::exportCancelClicked);

    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setText(tr("Export…"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    using Format = ResultExporter::Format;
    menu->addAction(tr("Current Table as CSV…"), this,
                    [this] { Q_EMIT exportRequested(Format::Csv, false); });
    menu->addAction(tr("Current Table as JSON…"), this,
                    [this] { Q_EMIT exportRequested(Format::Json, false); });
    menu->addSeparator();
    menu->addAction(tr("All Results as CSV…"), this,
                    [this] { Q_EMIT exportRequested(Format::Csv, true); });
    menu->addAction(tr("All Results as JSON…"), this,
                    [this] { Q_EMIT exportRequested(Format::Json, true); });
    m_exportButton->setMenu(menu);

    m_cancelButton->setObjectName(u"cancelButton"_s);
    connect(m_cancelButton, &QPushButton::clicked, this, &QueryStatusStrip::cancelClicked);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_stateLabel);
    layout->addSpacing(12);
    layout->addWidget(m_rowsLabel);
    layout->addSpacing(12);
    layout->addWidget(m_elapsedLabel);
    layout->addStretch(1);
    layout->addWidget(m_exportProgress);
    layout->addWidget(m_exportCancel);
    layout->addWidget(m_exportButton);
    layout->addWidget(m_cancelButton);
}

QString QueryStatusStrip::rowsText(qint64 rows)
{
    return rows == 1 ? tr("1 row") : tr("%1 rows").arg(QLocale().toString(rows));
}

void QueryStatusStrip::setState(const QString &text, QStyle::StandardPixmap icon, bool running)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_stateIcon->setPixmap(text.isEmpty() ? QPixmap() : style()->standardIcon(icon).pixmap(size));
    m_stateLabel->setText(text);
    m_cancelButton->setEnabled(running);
}

void QueryStatusStrip::setCounters(qint64 rows, qint64 elapsedMs)
{
    m_rowsLabel->setText(rowsText(rows));
    m_elapsedLabel->setText(
            elapsedMs < 1000 ? tr("%1 ms").arg(elapsedMs)
                             : tr("%1 s").arg(QLocale().toString(elapsedMs / 1000.0, 'f', 2)));
}

void QueryStatusStrip::clearCounters()
{
    m_rowsLabel->clear();
    m_elapsedLabel->clear();
}

void QueryStatusStrip::setExportEnabled(bool enabled)
{
    m_exportButton->setEnabled(enabled);
}

void QueryStatusStrip::showExportProgress(qint64 rowsWritten, qint64 totalRows)
{
    m_exportProgress->setRange(0, int(std::min<qint64>(totalRows, INT_MAX)));
    m_exportProgress->setValue(int(std::min<qint64>(rowsWritten, INT_MAX)));
    m_exportProgress->show();
    m_exportCancel->show();
}

void QueryStatusStrip::hideExportProgress()
{
    m_exportProgress->hide();
    m_exportCancel->hide();
}

} // namespace Explorer
