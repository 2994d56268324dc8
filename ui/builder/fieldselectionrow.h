// SPDX-License-Identifier: MIT
#ifndef EXPLORER_FIELDSELECTIONROW_H
#define EXPLORER_FIELDSELECTIONROW_H

#include "builder/querybuilderstate.h"

#include <QtCore/QMap>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QToolButton;
QT_END_NAMESPACE

namespace Explorer {

// One line of the query builder's field list: field key, function (or the raw value), the N of
// percentile(), an optional alias and a remove button. Functions that need numbers are
// disabled for string and boolean fields.
//
// Child object names, stable for tests: "field", "function", "percentile", "alias", "remove".
class FieldSelectionRow : public QWidget
{
    Q_OBJECT
public:
    explicit FieldSelectionRow(QWidget *parent = nullptr);

    QueryBuilderState::FieldSelection selection() const;
    void setSelection(const QueryBuilderState::FieldSelection &selection);
    // The field keys offered (key → type); the typed field stays.
    void setFieldTypes(const QMap<QString, QString> &fieldTypes);

Q_SIGNALS:
    void changed();
    void removeRequested();

private:
    void updateFunctions();

    QMap<QString, QString> m_fieldTypes;
    QComboBox *m_field;
    QComboBox *m_function;
    QDoubleSpinBox *m_percentile;
    QLineEdit *m_alias;
    QToolButton *m_remove;
};

} // namespace Explorer

#endif // EXPLORER_FIELDSELECTIONROW_H
