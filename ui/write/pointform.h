// SPDX-License-Identifier: MIT
#ifndef EXPLORER_POINTFORM_H
#define EXPLORER_POINTFORM_H

#include "settings/preferences.h"

#include <clientoptions.h>
#include <datapoint.h>

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;
QT_END_NAMESPACE

namespace Explorer {

class WriteOptionsBar;

// A form for one point: measurement, tag rows, field rows (each with a type: float, integer,
// boolean, string), the time ("now" = no timestamp, the server's clock; or a chosen date and
// time in the Preferences' zone plus nanoseconds) and the write overrides (precision,
// retention policy, consistency). It shows the exact line that will be sent (encoded by the
// client library from point(), in the chosen precision) or why nothing can be sent: values
// that do not parse as their type are marked in the table, and the library's own validation
// decides the rest. Rows whose key and value are both empty are ignored.
//
// Child object names: "measurementEdit", "tagsTable", "addTagButton", "removeTagButton",
// "fieldsTable" (column 1 holds a QComboBox "fieldTypeCombo" per row), "addFieldButton",
// "removeFieldButton", "nowRadio", "chosenTimeRadio", "timeEdit", "nanosecondsSpin",
// "timeZoneLabel", "writeOptions" (a WriteOptionsBar), "previewEdit", "validationLabel".
class PointForm : public QWidget
{
    Q_OBJECT
public:
    enum class FieldType { Float, Integer, Boolean, String };
    Q_ENUM(FieldType)

    explicit PointForm(QWidget *parent = nullptr);

    void setDatabase(const QString &database);
    QString database() const { return m_database; }
    // The zone the chosen time is entered in; the instant shown is kept.
    void setPreferences(const Preferences &preferences);
    void setRetentionPolicies(const QStringList &names);
    WriteOptionsBar *writeOptions() const { return m_options; }

    // The same as typing into the widgets.
    void setMeasurement(const QString &name);
    void addTag(const QString &key, const QString &value);
    void addField(const QString &key, FieldType type, const QString &value);
    void clearTags();
    void clearFields();
    // nullopt: "now" (no timestamp). Times outside the editor's range are clamped to it.
    void setTime(std::optional<Influx::Timestamp> time);
    std::optional<Influx::Timestamp> time() const;

    // The point as entered; only meaningful when isValid().
    Influx::DataPoint point() const { return m_point; }
    bool isValid() const { return m_valid; }
    // Why the point cannot be written (empty when valid).
    QString validationMessage() const { return m_message; }
    // The line sent for point() with the chosen precision (empty when invalid).
    QString preview() const;
    // database() plus the overrides; the precision is always set.
    Influx::WriteOptions options() const;

Q_SIGNALS:
    // After every edit, once the preview and the validity are up to date.
    void changed();

private:
    QWidget *createTimeRow();
    void addFieldRow(const QString &key, FieldType type, const QString &value);
    void removeSelectedRows(QTableWidget *table);
    void revalidate();
    // Parses the fields table into m_point's fields; marks bad cells. Returns the first error.
    QString readFields(Influx::Fields &fields);
    QString readTags(Influx::Tags &tags);
    void markCell(QTableWidget *table, int row, int column, const QString &error);

    QString m_database;
    Qt::TimeSpec m_timeSpec = Qt::UTC;
    QLineEdit *m_measurement;
    QTableWidget *m_tags;
    QTableWidget *m_fields;
    QRadioButton *m_now;
    QRadioButton *m_chosen;
    QDateTimeEdit *m_timeEdit;
    QSpinBox *m_nanoseconds;
    QLabel *m_zone;
    WriteOptionsBar *m_options;
    QPlainTextEdit *m_preview;
    QLabel *m_validation;
    Influx::DataPoint m_point;
    QByteArray m_line;
    QString m_message;
    bool m_valid = false;
    bool m_updating = false;
};

} // namespace Explorer

#endif // EXPLORER_POINTFORM_H
