// SPDX-License-Identifier: MIT
#include "builder/pickercombo.h"

#include <QtCore/QSignalBlocker>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>

namespace Explorer::PickerCombo {

void configure(QComboBox *box)
{
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    // The default completer is case insensitive and completes inline: typing "cpu" could turn
    // into "CPU", another measurement.
    if (QCompleter *completer = box->completer()) {
        completer->setCaseSensitivity(Qt::CaseSensitive);
        completer->setCompletionMode(QCompleter::PopupCompletion);
        completer->setFilterMode(Qt::MatchContains);
    }
}

void setItems(QComboBox *box, const QStringList &items)
{
    const QString text = box->currentText();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItems(items);
    box->setCurrentIndex(-1);
    box->setEditText(text);
}

} // namespace Explorer::PickerCombo
