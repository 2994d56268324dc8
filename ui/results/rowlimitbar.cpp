// SPDX-License-Identifier: MIT
#include "rowlimitbar.h"

#include <QtCore/QLocale>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace Explorer {

RowLimitBar::RowLimitBar(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(u"rowLimitBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    m_label->setObjectName(u"rowLimitLabel"_s);
    m_label->setForegroundRole(QPalette::ToolTipText);
    auto *fetchAll = new QPushButton(tr("Fetch All"), this);
    fetchAll->setObjectName(u"fetchAllButton"_s);
    auto *stopHere = new QPushButton(tr("Stop Here"), this);
    stopHere->setObjectName(u"stopHereButton"_s);
    connect(fetchAll, &QPushButton::clicked, this, &RowLimitBar::fetchAllClicked);
    connect(stopHere, &QPushButton::clicked, this, &RowLimitBar::stopHereClicked);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_label, 1);
    layout->addWidget(fetchAll);
    layout->addWidget(stopHere);
    hide();
}

void RowLimitBar::ask(qint64 limit)
{
    m_label->setText(
            tr("The query returned more than %1 rows so far.").arg(QLocale().toString(limit)));
    show();
}

} // namespace Explorer
