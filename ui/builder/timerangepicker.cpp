// SPDX-License-Identifier: MIT
#include "builder/timerangepicker.h"

#include <QtCore/QSignalBlocker>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QVBoxLayout>
#include <QtWidgets/QLabel>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

using State = QueryBuilderState;

// m_range's item data besides the quick ranges' seconds.
constexpr qint64 AbsoluteRange = -1;
constexpr qint64 AllTime = -2;

QString quickRangeText(qint64 seconds)
{
    return TimeRangePicker::tr("Last %1").arg(QueryBuilderState::durationText(seconds));
}

Influx::Timestamp shownOrKept(const QDateTimeEdit *edit, Influx::Timestamp kept)
{
    const QDateTime shown = edit->dateTime();
    if (shown == kept.toDateTime())
        return kept;
    return Influx::Timestamp::fromDateTime(shown).value_or(kept);
}

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QWidget(parent),
      m_range(new QComboBox(this)),
      m_fromEdit(new QDateTimeEdit(this)),
      m_toEdit(new QDateTimeEdit(this))
{
    m_range->setObjectName(u"timeRange"_s);
    for (const qint64 seconds : State::quickRanges())
        m_range->addItem(quickRangeText(seconds), seconds);
    m_range->addItem(tr("Absolute (UTC)"), AbsoluteRange);
    m_range->addItem(tr("No time range"), AllTime);
    m_range->setCurrentIndex(m_range->findData(m_quickRange));

    // A whole-second default range ending now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime end = now.addMSecs(-now.time().msec());
    m_from = Influx::Timestamp::fromDateTime(end.addSecs(-3600)).value_or(Influx::Timestamp());
    m_to = Influx::Timestamp::fromDateTime(end).value_or(Influx::Timestamp());
    // What a Timestamp can hold.
    const QDateTime earliest(QDate(1677, 9, 22), QTime(0, 0), Qt::UTC);
    const QDateTime latest(QDate(2262, 4, 11), QTime(0, 0), Qt::UTC);
    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDateTimeRange(earliest, latest);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangePicker::changed);
    }
    m_fromEdit->setObjectName(u"from"_s);
    m_toEdit->setObjectName(u"to"_s);
    m_fromEdit->setToolTip(tr("From (inclusive, UTC)"));
    m_toEdit->setToolTip(tr("To (inclusive, UTC)"));
    m_fromEdit->setDateTime(m_from.toDateTime());
    m_toEdit->setDateTime(m_to.toDateTime());

    // From and to take a line of their own, shown only for an absolute range: the form stays
    // narrow enough to sit beside the chart.
    m_absolute = new QWidget(this);
    auto *absolute = new QHBoxLayout(m_absolute);
    absolute->setContentsMargins(0, 0, 0, 0);
    absolute->addWidget(m_fromEdit, 1);
    absolute->addWidget(new QLabel(tr("to"), m_absolute));
    absolute->addWidget(m_toEdit, 1);
    auto *first = new QHBoxLayout;
    first->addWidget(m_range);
    first->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(first);
    layout->addWidget(m_absolute);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        if (const qint64 range = m_range->currentData().toLongLong(); range > 0)
            m_quickRange = range;
        updateEnabled();
        Q_EMIT changed();
    });
    updateEnabled();
}

void TimeRangePicker::read(QueryBuilderState &state) const
{
    const qint64 range = m_range->currentData().toLongLong();
    if (range == AbsoluteRange)
        state.timeRange = State::TimeRange::Absolute;
    else if (range == AllTime)
        state.timeRange = State::TimeRange::All;
    else
        state.timeRange = State::TimeRange::Quick;
    state.quickRangeSeconds = m_quickRange;
    state.from = shownOrKept(m_fromEdit, m_from);
    state.to = shownOrKept(m_toEdit, m_to);
}

void TimeRangePicker::write(const QueryBuilderState &state)
{
    {
        const QSignalBlocker blocker(m_range);
        const QSignalBlocker fromBlocker(m_fromEdit);
        const QSignalBlocker toBlocker(m_toEdit);
        if (state.quickRangeSeconds > 0) {
            m_quickRange = state.quickRangeSeconds;
            // A range the list does not offer gets an item of its own, before "Absolute".
            if (m_range->findData(m_quickRange) < 0)
                m_range->insertItem(m_range->findData(AbsoluteRange), quickRangeText(m_quickRange),
                                    m_quickRange);
        }
        qint64 selected = m_quickRange;
        if (state.timeRange == State::TimeRange::Absolute)
            selected = AbsoluteRange;
        else if (state.timeRange == State::TimeRange::All)
            selected = AllTime;
        m_range->setCurrentIndex(m_range->findData(selected));
        m_from = state.from;
        m_to = state.to;
        m_fromEdit->setDateTime(m_from.toDateTime());
        m_toEdit->setDateTime(m_to.toDateTime());
    }
    updateEnabled();
    Q_EMIT changed();
}

void TimeRangePicker::updateEnabled()
{
    const bool absolute = m_range->currentData().toLongLong() == AbsoluteRange;
    m_fromEdit->setEnabled(absolute);
    m_toEdit->setEnabled(absolute);
    m_absolute->setVisible(absolute);
}

} // namespace Explorer
