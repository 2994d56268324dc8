// SPDX-License-Identifier: MIT
#include "builder/fieldselectionrow.h"

#include "builder/pickercombo.h"

#include <QtCore/QSignalBlocker>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace Explorer {

using Function = QueryBuilderState::Function;

FieldSelectionRow::FieldSelectionRow(QWidget *parent)
    : QWidget(parent),
      m_field(new QComboBox(this)),
      m_function(new QComboBox(this)),
      m_percentile(new QDoubleSpinBox(this)),
      m_alias(new QLineEdit(this)),
      m_remove(new QToolButton(this))
{
    m_field->setObjectName(u"field"_s);
    PickerCombo::configure(m_field);
    m_field->lineEdit()->setPlaceholderText(tr("field"));
    m_field->setToolTip(tr("The field key; * selects every field"));

    m_function->setObjectName(u"function"_s);
    for (const Function function : QueryBuilderState::functions()) {
        const QString name = QueryBuilderState::functionName(function);
        m_function->addItem(name.isEmpty() ? tr("raw values") : name + u"()"_s,
                            QVariant::fromValue(int(function)));
    }

    m_percentile->setObjectName(u"percentile"_s);
    m_percentile->setRange(0, 100);
    m_percentile->setDecimals(1);
    m_percentile->setValue(95);
    m_percentile->setPrefix(tr("N = "));
    m_percentile->setToolTip(tr("The percentile, 0-100"));

    m_alias->setObjectName(u"alias"_s);
    m_alias->setPlaceholderText(tr("alias"));
    m_alias->setToolTip(tr("The column name (AS); empty: the function's name"));

    m_remove->setObjectName(u"remove"_s);
    m_remove->setText(tr("Remove"));
    m_remove->setIcon(QIcon::fromTheme(u"list-remove"_s));
    m_remove->setToolTip(tr("Remove this field"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field, 2);
    layout->addWidget(m_function, 1);
    layout->addWidget(m_percentile);
    layout->addWidget(m_alias, 1);
    layout->addWidget(m_remove);
    m_percentile->setVisible(false);

    connect(m_field, &QComboBox::currentTextChanged, this, [this] {
        updateFunctions();
        Q_EMIT changed();
    });
    connect(m_function, &QComboBox::currentIndexChanged, this, [this] {
        m_percentile->setVisible(selection().function == Function::Percentile);
        Q_EMIT changed();
    });
    connect(m_percentile, &QDoubleSpinBox::valueChanged, this, &FieldSelectionRow::changed);
    connect(m_alias, &QLineEdit::textChanged, this, &FieldSelectionRow::changed);
    connect(m_remove, &QToolButton::clicked, this, &FieldSelectionRow::removeRequested);
}

QueryBuilderState::FieldSelection FieldSelectionRow::selection() const
{
    return {.field = m_field->currentText().trimmed(),
            .function = Function(m_function->currentData().toInt()),
            .percentile = m_percentile->value(),
            .alias = m_alias->text().trimmed()};
}

void FieldSelectionRow::setSelection(const QueryBuilderState::FieldSelection &selection)
{
    {
        const QSignalBlocker fieldBlocker(m_field);
        const QSignalBlocker functionBlocker(m_function);
        const QSignalBlocker percentileBlocker(m_percentile);
        const QSignalBlocker aliasBlocker(m_alias);
        m_field->setEditText(selection.field);
        m_function->setCurrentIndex(m_function->findData(int(selection.function)));
        m_percentile->setValue(selection.percentile);
        m_alias->setText(selection.alias);
    }
    m_percentile->setVisible(selection.function == Function::Percentile);
    updateFunctions();
    Q_EMIT changed();
}

void FieldSelectionRow::setFieldTypes(const QMap<QString, QString> &fieldTypes)
{
    m_fieldTypes = fieldTypes;
    PickerCombo::setItems(m_field, QStringList {u"*"_s} + fieldTypes.keys());
    for (int i = 1; i < m_field->count(); ++i)
        m_field->setItemData(i, fieldTypes.value(m_field->itemText(i)), Qt::ToolTipRole);
    updateFunctions();
}

void FieldSelectionRow::updateFunctions()
{
    // Unknown fields (typed, or not loaded yet) may be numeric: nothing is disabled for them.
    const QString type = m_fieldTypes.value(m_field->currentText().trimmed());
    const bool numeric = type.isEmpty() || type == u"float" || type == u"integer";
    m_field->setToolTip(type.isEmpty() ? tr("The field key; * selects every field")
                                       : tr("%1 field").arg(type));
    auto *model = qobject_cast<QStandardItemModel *>(m_function->model());
    if (!model)
        return;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto function = Function(m_function->itemData(row).toInt());
        if (QStandardItem *item = model->item(row))
            item->setEnabled(numeric || !QueryBuilderState::needsNumbers(function));
    }
}

} // namespace Explorer
