// SPDX-License-Identifier: MIT
#include "builder/groupbyeditor.h"

#include "schema/schemastatements.h"

#include <QtCore/QSignalBlocker>
#include <QtGui/QDoubleValidator>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>

#include <limits>

using namespace Qt::StringLiterals;

namespace Explorer {

using State = QueryBuilderState;

GroupByEditor::GroupByEditor(QWidget *parent)
    : QWidget(parent),
      m_groupByTime(new QComboBox(this)),
      m_interval(new QLineEdit(this)),
      m_autoInterval(new QLabel(this)),
      m_tags(new QListWidget(this)),
      m_fill(new QComboBox(this)),
      m_fillValue(new QLineEdit(u"0"_s, this))
{
    m_groupByTime->setObjectName(u"groupByTime"_s);
    m_groupByTime->addItem(tr("None"), int(State::GroupByTime::None));
    m_groupByTime->addItem(tr("Automatic"), int(State::GroupByTime::Auto));
    m_groupByTime->addItem(tr("Interval"), int(State::GroupByTime::Explicit));
    m_groupByTime->setItemData(1, tr("The time range divided by the chart's width"),
                               Qt::ToolTipRole);
    m_interval->setObjectName(u"interval"_s);
    m_interval->setPlaceholderText(tr("e.g. 10m, 1h30m"));
    m_autoInterval->setObjectName(u"autoInterval"_s);

    m_tags->setObjectName(u"groupByTags"_s);
    m_tags->setMaximumHeight(m_tags->fontMetrics().lineSpacing() * 6);
    m_tags->setToolTip(tr("One series per combination of the checked tags' values"));

    m_fill->setObjectName(u"fill"_s);
    m_fill->addItem(tr("Default (null)"), int(State::Fill::Default));
    m_fill->addItem(tr("none: leave empty intervals out"), int(State::Fill::None));
    m_fill->addItem(u"null"_s, int(State::Fill::Null));
    m_fill->addItem(tr("previous value"), int(State::Fill::Previous));
    m_fill->addItem(tr("linear"), int(State::Fill::Linear));
    m_fill->addItem(tr("a number"), int(State::Fill::Number));
    m_fillValue->setObjectName(u"fillValue"_s);
    // InfluxQL numbers, whatever the user's locale writes.
    auto *validator = new QDoubleValidator(m_fillValue);
    validator->setLocale(QLocale::c());
    m_fillValue->setValidator(validator);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    auto *time = new QHBoxLayout;
    time->addWidget(m_groupByTime);
    time->addWidget(m_interval, 1);
    time->addWidget(m_autoInterval, 1);
    form->addRow(tr("Group by time:"), time);
    form->addRow(tr("Group by tags:"), m_tags);
    auto *fill = new QHBoxLayout;
    fill->addWidget(m_fill);
    fill->addWidget(m_fillValue, 1);
    form->addRow(tr("Fill:"), fill);

    for (QComboBox *box : {m_groupByTime, m_fill}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updateEnabled();
            Q_EMIT changed();
        });
    }
    for (QLineEdit *edit : {m_interval, m_fillValue}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateEnabled();
            Q_EMIT changed();
        });
    }
    connect(m_tags, &QListWidget::itemChanged, this, &GroupByEditor::changed);
    updateEnabled();
}

void GroupByEditor::read(QueryBuilderState &state) const
{
    state.groupByTime = State::GroupByTime(m_groupByTime->currentData().toInt());
    state.interval = m_interval->text().trimmed();
    state.groupByTags = checkedTags();
    state.fill = State::Fill(m_fill->currentData().toInt());
    bool ok = false;
    const double value = QLocale::c().toDouble(m_fillValue->text().trimmed(), &ok);
    state.fillValue = ok ? value : std::numeric_limits<double>::quiet_NaN();
}

void GroupByEditor::write(const QueryBuilderState &state)
{
    {
        const QSignalBlocker timeBlocker(m_groupByTime);
        const QSignalBlocker intervalBlocker(m_interval);
        const QSignalBlocker fillBlocker(m_fill);
        const QSignalBlocker valueBlocker(m_fillValue);
        m_groupByTime->setCurrentIndex(qMax(0, m_groupByTime->findData(int(state.groupByTime))));
        m_interval->setText(state.interval);
        m_fill->setCurrentIndex(qMax(0, m_fill->findData(int(state.fill))));
        m_fillValue->setText(
                QLocale::c().toString(state.fillValue, 'g', QLocale::FloatingPointShortest));
        setTags(m_tagKeys, state.groupByTags);
    }
    updateEnabled();
    Q_EMIT changed();
}

void GroupByEditor::setTagKeys(const QStringList &tagKeys)
{
    m_tagKeys = tagKeys;
    setTags(tagKeys, checkedTags());
}

void GroupByEditor::setAutoInterval(const QString &interval)
{
    m_autoInterval->setText(interval.isEmpty() ? QString() : u"time(%1)"_s.arg(interval));
}

void GroupByEditor::setTags(const QStringList &tagKeys, const QStringList &checked)
{
    const QSignalBlocker blocker(m_tags);
    m_tags->clear();
    // The checked tags first, in their order (which is the GROUP BY order), known or not.
    QStringList names = checked;
    for (const QString &tag : tagKeys) {
        if (!names.contains(tag))
            names.append(tag);
    }
    for (const QString &name : std::as_const(names)) {
        auto *item = new QListWidgetItem(name, m_tags);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList GroupByEditor::checkedTags() const
{
    QStringList checked;
    for (int row = 0; row < m_tags->count(); ++row) {
        const QListWidgetItem *item = m_tags->item(row);
        if (item->checkState() == Qt::Checked)
            checked.append(item->text());
    }
    return checked;
}

void GroupByEditor::updateEnabled()
{
    const auto groupByTime = State::GroupByTime(m_groupByTime->currentData().toInt());
    m_interval->setEnabled(groupByTime == State::GroupByTime::Explicit);
    m_autoInterval->setVisible(groupByTime == State::GroupByTime::Auto);
    m_fillValue->setEnabled(State::Fill(m_fill->currentData().toInt()) == State::Fill::Number);
    // An interval that is not a duration is shown, not silently sent.
    const bool valid = !m_interval->isEnabled() || m_interval->text().trimmed().isEmpty()
            || SchemaStatements::isValidDuration(m_interval->text().trimmed());
    m_interval->setStyleSheet(valid ? QString() : u"color: #b00020"_s);
}

} // namespace Explorer
