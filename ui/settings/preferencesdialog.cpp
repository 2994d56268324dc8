// SPDX-License-Identifier: MIT
#include "preferencesdialog.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>

#include <limits>

using namespace Qt::StringLiterals;

namespace Explorer {

using Format = Preferences::TimeFormat;
using Zone = Preferences::TimeZone;

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent),
      m_utc(new QRadioButton(tr("&UTC"), this)),
      m_local(new QRadioButton(tr("&Local time"), this)),
      m_format(new QComboBox(this)),
      m_example(new QLabel(this)),
      m_rowLimit(new QSpinBox(this)),
      m_clock(new QTimer(this))
{
    setWindowTitle(tr("Preferences"));
    m_utc->setObjectName(u"utcRadio"_s);
    m_local->setObjectName(u"localRadio"_s);
    m_format->setObjectName(u"timeFormatCombo"_s);
    m_example->setObjectName(u"timeExample"_s);
    m_rowLimit->setObjectName(u"rowLimitSpin"_s);

    auto *zones = new QButtonGroup(this);
    zones->addButton(m_utc);
    zones->addButton(m_local);
    auto *zoneRow = new QHBoxLayout;
    zoneRow->addWidget(m_utc);
    zoneRow->addWidget(m_local);
    zoneRow->addStretch();

    m_format->addItem(tr("RFC 3339"), int(Format::Rfc3339));
    m_format->addItem(tr("Date and time"), int(Format::DateTime));
    m_format->addItem(tr("Epoch nanoseconds"), int(Format::EpochNanoseconds));
    m_format->addItem(tr("Epoch milliseconds"), int(Format::EpochMilliseconds));
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_example->setToolTip(tr("The current time in the chosen format."));

    // Preferences allow more, but nobody asks to be warned after two billion rows.
    m_rowLimit->setRange(0, std::numeric_limits<int>::max());
    m_rowLimit->setGroupSeparatorShown(true);
    m_rowLimit->setSpecialValueText(tr("Never ask"));
    m_rowLimit->setToolTip(tr("A query that returns more rows pauses and asks before fetching "
                              "the rest. 0 = never ask."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Time zone:"), zoneRow);
    form->addRow(tr("Time &format:"), m_format);
    form->addRow(tr("Example:"), m_example);
    form->addRow(tr("&Row limit:"), m_rowLimit);
    form->addRow(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(zones, &QButtonGroup::buttonToggled, this, &PreferencesDialog::updateExample);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateExample);
    connect(m_clock, &QTimer::timeout, this, &PreferencesDialog::updateExample);
    m_clock->start(1000);
    setPreferences({});
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.timeZone = m_local->isChecked() ? Zone::Local : Zone::Utc;
    p.timeFormat = Format(m_format->currentData().toInt());
    p.rowLimit = m_rowLimit->value();
    return p;
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    (preferences.timeZone == Zone::Local ? m_local : m_utc)->setChecked(true);
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(preferences.timeFormat))));
    m_rowLimit->setValue(int(std::clamp<qint64>(preferences.rowLimit, 0, m_rowLimit->maximum())));
    updateExample();
}

void PreferencesDialog::updateExample()
{
    const auto now = Influx::Timestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    m_example->setText(now ? preferences().formatTime(*now) : QString());
}

} // namespace Explorer
