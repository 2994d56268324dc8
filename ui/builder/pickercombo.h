// SPDX-License-Identifier: MIT
#ifndef EXPLORER_PICKERCOMBO_H
#define EXPLORER_PICKERCOMBO_H

#include <QtCore/QStringList>

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

// The editable name pickers of the query builder (databases, measurements, keys, values):
// the list comes from the server, but any name can be typed, and names are case sensitive.
namespace Explorer::PickerCombo {

// Editable, no insertion on Return, case-sensitive completion of names containing the text.
void configure(QComboBox *box);
// Replaces the items without emitting signals and keeps the text the box shows.
void setItems(QComboBox *box, const QStringList &items);

} // namespace Explorer::PickerCombo

#endif // EXPLORER_PICKERCOMBO_H
