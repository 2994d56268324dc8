// SPDX-License-Identifier: MIT
#include "builder/tagfilterrow.h"

#include "builder/pickercombo.h"

#include <QtCore/QSignalBlocker>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace Explorer {

using Operator = QueryBuilderState::Operator;

TagFilterRow::TagFilterRow(QWidget *parent)
    : QWidget(parent),
      m_key(new QComboBox(this)),
      m_operator(new QComboBox(this)),
      m_value(new QComboBox(this)),
      m_remove(new QToolButton(this))
{
    m_key->setObjectName(u"tagKey"_s);
    PickerCombo::configure(m_key);
    m_key->lineEdit()->setPlaceholderText(tr("tag key"));

    m_operator->setObjectName(u"operator"_s);
    m_operator->addItem(u"="_s, int(Operator::Equal));
    m_operator->addItem(u"!="_s, int(Operator::NotEqual));
    m_operator->addItem(u"=~"_s, int(Operator::Matches));
    m_operator->addItem(u"!~"_s, int(Operator::NotMatches));
    m_operator->setItemData(0, tr("equals"), Qt::ToolTipRole);
    m_operator->setItemData(1, tr("differs from"), Qt::ToolTipRole);
    m_operator->setItemData(2, tr("matches the regular expression"), Qt::ToolTipRole);
    m_operator->setItemData(3, tr("does not match the regular expression"), Qt::ToolTipRole);

    m_value->setObjectName(u"tagValue"_s);
    PickerCombo::configure(m_value);
    m_value->lineEdit()->setPlaceholderText(tr("value"));

    m_remove->setObjectName(u"remove"_s);
    m_remove->setText(tr("Remove"));
    m_remove->setIcon(QIcon::fromTheme(u"list-remove"_s));
    m_remove->setToolTip(tr("Remove this condition"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_key, 2);
    layout->addWidget(m_operator);
    layout->addWidget(m_value, 2);
    layout->addWidget(m_remove);

    connect(m_key, &QComboBox::currentTextChanged, this, [this] {
        const QString key = tagKey();
        if (key != m_lastKey) {
            m_lastKey = key;
            // The values of the old key mean nothing for the new one.
            PickerCombo::setItems(m_value, {});
            Q_EMIT tagKeyChanged(key);
        }
        Q_EMIT changed();
    });
    connect(m_operator, &QComboBox::currentIndexChanged, this, &TagFilterRow::changed);
    connect(m_value, &QComboBox::currentTextChanged, this, &TagFilterRow::changed);
    connect(m_remove, &QToolButton::clicked, this, &TagFilterRow::removeRequested);
}

QueryBuilderState::TagFilter TagFilterRow::filter() const
{
    // The value is taken as typed: leading or trailing spaces can be part of a tag value.
    return {.key = tagKey(),
            .op = Operator(m_operator->currentData().toInt()),
            .value = m_value->currentText()};
}

void TagFilterRow::setFilter(const QueryBuilderState::TagFilter &filter)
{
    {
        const QSignalBlocker operatorBlocker(m_operator);
        const QSignalBlocker valueBlocker(m_value);
        m_operator->setCurrentIndex(m_operator->findData(int(filter.op)));
        m_value->setEditText(filter.value);
    }
    // Through the key's signal: a new key clears the values, so the value goes in again.
    m_key->setEditText(filter.key);
    if (m_value->currentText() != filter.value) {
        const QSignalBlocker valueBlocker(m_value);
        m_value->setEditText(filter.value);
    }
    Q_EMIT changed();
}

QString TagFilterRow::tagKey() const
{
    return m_key->currentText().trimmed();
}

void TagFilterRow::setTagKeys(const QStringList &keys)
{
    PickerCombo::setItems(m_key, keys);
}

void TagFilterRow::setTagValues(const QStringList &values)
{
    PickerCombo::setItems(m_value, values);
}

} // namespace Explorer
