// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYBUILDERFORM_H
#define EXPLORER_QUERYBUILDERFORM_H

#include "builder/querybuilderstate.h"

#include <QtCore/QMap>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QVBoxLayout;
QT_END_NAMESPACE

namespace Influx {
class Client;
}

namespace Explorer {

class BuilderSchemaLoader;
class FieldSelectionRow;
class GroupByEditor;
class TagFilterRow;
class TimeRangePicker;

// The visual query builder: a form for one SELECT (database, retention policy, measurement or
// regex, fields with functions, tag conditions, time range, GROUP BY time and tags, fill,
// order, LIMIT, SLIMIT, time zone) with a live, highlighted InfluxQL preview. The text always
// comes from QueryBuilderState::toQuery(), never from the widgets.
//
// The pickers are fed through the shared client (not owned, must outlive the form) with small
// SHOW queries that start a moment after a choice changes and never block: retention policies
// and measurements of the database, field keys (with types) and tag keys of the measurement,
// and the values of a condition's tag key. Failures show in the form.
//
// Run is enabled when QueryBuilderState::problem() is empty (the problem is shown otherwise);
// Run and "Open in editor" hand the text and the database to the owner through signals.
//
// Child object names, stable for tests: "database", "retentionPolicy", "measurement",
// "measurementRegex", "fieldRows" (FieldSelectionRow children), "addField", "filterRows"
// (TagFilterRow children), "addFilter", "order", "limit", "slimit", "timeZone", "problem",
// "schemaStatus", "preview", "run", "openInEditor", and those of TimeRangePicker and
// GroupByEditor.
class QueryBuilderForm : public QWidget
{
    Q_OBJECT
public:
    explicit QueryBuilderForm(Influx::Client *client, QWidget *parent = nullptr);
    ~QueryBuilderForm() override;

    QueryBuilderState state() const;
    // Replaces everything the form shows (and loads the names for the new choices).
    void setState(const QueryBuilderState &state);
    // The databases offered; the chosen one stays, listed or not.
    void setDatabases(const QStringList &databases);
    // The chart's width in pixels, for the automatic GROUP BY time interval.
    void setChartWidth(int px);
    int chartWidth() const { return m_chartWidth; }

    // Wide enough for the whole form without a horizontal scroll bar.
    QSize sizeHint() const override;

    // What the preview shows, and why Run is disabled (empty: it is not).
    QString influxQL() const;
    QString problem() const;
    // True while a SHOW query for the pickers runs (for tests and a busy indicator).
    bool isLoadingSchema() const;

public Q_SLOTS:
    void run();
    void openInEditor();

Q_SIGNALS:
    void runRequested(const QString &influxql, const QString &database);
    void openInEditorRequested(const QString &influxql, const QString &database);
    // Anything in the form changed (the preview is up to date).
    void stateChanged();

private:
    QWidget *buildSourceSection();
    QWidget *buildOutputSection();
    FieldSelectionRow *addFieldRow(const QueryBuilderState::FieldSelection &selection);
    TagFilterRow *addFilterRow(const QueryBuilderState::TagFilter &filter);

    void onChanged();
    void onDatabaseLoaded(const QString &database, const QStringList &retentionPolicies,
                          const QString &defaultPolicy, const QStringList &measurements);
    void onMeasurementLoaded(const QMap<QString, QString> &fieldTypes, const QStringList &tagKeys);
    void onTagValuesLoaded(const QString &tagKey, const QStringList &values);
    void loadTagValues(const QString &tagKey);

    BuilderSchemaLoader *m_loader;
    QTimer m_databaseTimer; // debounces the SHOW queries while a name is typed
    QTimer m_measurementTimer;
    int m_chartWidth = 800;
    bool m_updating = false; // setState() runs: one refresh at the end
    QMap<QString, QString> m_fieldTypes;
    QStringList m_tagKeys;
    QList<FieldSelectionRow *> m_fieldRows;
    QList<TagFilterRow *> m_filterRows;

    QComboBox *m_database;
    QComboBox *m_retentionPolicy;
    QComboBox *m_measurement;
    QCheckBox *m_measurementRegex;
    QVBoxLayout *m_fieldLayout;
    QVBoxLayout *m_filterLayout;
    TimeRangePicker *m_timeRange;
    GroupByEditor *m_groupBy;
    QComboBox *m_order;
    QSpinBox *m_limit;
    QSpinBox *m_slimit;
    QLineEdit *m_timeZone;
    QLabel *m_problem;
    QLabel *m_schemaStatus;
    QPlainTextEdit *m_preview;
    QScrollArea *m_scroll;
    QPushButton *m_run;
    QPushButton *m_openInEditor;
};

} // namespace Explorer

#endif // EXPLORER_QUERYBUILDERFORM_H
