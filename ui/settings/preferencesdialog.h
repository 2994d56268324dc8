// SPDX-License-Identifier: MIT
#ifndef EXPLORER_PREFERENCESDIALOG_H
#define EXPLORER_PREFERENCESDIALOG_H

#include "settings/preferences.h"

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QRadioButton;
class QSpinBox;
class QTimer;
QT_END_NAMESPACE

namespace Explorer {

// Edits Preferences: time zone, time format (with the current time shown in it, live) and the
// row limit. The caller saves and distributes the result after exec() returns Accepted.
// Object names for tests: utcRadio, localRadio, timeFormatCombo, timeExample, rowLimitSpin.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

private:
    void updateExample();

    QRadioButton *m_utc;
    QRadioButton *m_local;
    QComboBox *m_format;
    QLabel *m_example;
    QSpinBox *m_rowLimit;
    QTimer *m_clock;
};

} // namespace Explorer

#endif // EXPLORER_PREFERENCESDIALOG_H
