// SPDX-License-Identifier: MIT
#include "builder/querybuilderform.h"

#include "builder/builderschemaloader.h"
#include "builder/fieldselectionrow.h"
#include "builder/groupbyeditor.h"
#include "builder/pickercombo.h"
#include "builder/tagfilterrow.h"
#include "builder/timerangepicker.h"
#include "editor/influxqlhighlighter.h"

#include <QtGui/QFontDatabase>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

using State = QueryBuilderState;

// A moment after the last keystroke, so that typing a name sends one SHOW query, not one
// per character.
constexpr int LoadDelayMs = 250;

} // namespace

QueryBuilderForm::QueryBuilderForm(Influx::Client *client, QWidget *parent)
    : QWidget(parent), m_loader(new BuilderSchemaLoader(client, this))
{
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #b00020"_s);
    m_schemaStatus = new QLabel(this);
    m_schemaStatus->setObjectName(u"schemaStatus"_s);
    m_schemaStatus->setWordWrap(true);
    m_schemaStatus->setVisible(false);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(m_preview->fontMetrics().lineSpacing() * 5);
    new InfluxQLHighlighter(m_preview->document());

    m_openInEditor = new QPushButton(tr("Open in Editor"), this);
    m_openInEditor->setObjectName(u"openInEditor"_s);
    m_openInEditor->setToolTip(tr("Edit this query as text in a query tab"));
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(u"run"_s);
    m_run->setDefault(true);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(buildSourceSection());
    contentLayout->addWidget(buildOutputSection());
    contentLayout->addStretch();
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_openInEditor);
    buttons->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_schemaStatus);
    layout->addWidget(new QLabel(tr("InfluxQL:"), this));
    layout->addWidget(m_preview);
    layout->addLayout(buttons);

    m_databaseTimer.setSingleShot(true);
    m_databaseTimer.setInterval(LoadDelayMs);
    m_measurementTimer.setSingleShot(true);
    m_measurementTimer.setInterval(LoadDelayMs);
    connect(&m_databaseTimer, &QTimer::timeout, this,
            [this] { m_loader->loadDatabase(m_database->currentText().trimmed()); });
    connect(&m_measurementTimer, &QTimer::timeout, this, [this] {
        const State current = state();
        m_loader->loadMeasurement(current.database, current.retentionPolicy, current.measurement,
                                  current.measurementIsRegex);
    });
    connect(m_loader, &BuilderSchemaLoader::databaseLoaded, this,
            &QueryBuilderForm::onDatabaseLoaded);
    connect(m_loader, &BuilderSchemaLoader::measurementLoaded, this,
            &QueryBuilderForm::onMeasurementLoaded);
    connect(m_loader, &BuilderSchemaLoader::tagValuesLoaded, this,
            &QueryBuilderForm::onTagValuesLoaded);
    connect(m_loader, &BuilderSchemaLoader::failed, this, [this](const QString &message) {
        m_schemaStatus->setText(message);
        m_schemaStatus->setVisible(true);
    });

    connect(m_database, &QComboBox::currentTextChanged, this, [this] {
        m_databaseTimer.start();
        m_measurementTimer.start();
        onChanged();
    });
    for (QComboBox *box : {m_retentionPolicy, m_measurement}) {
        connect(box, &QComboBox::currentTextChanged, this, [this] {
            m_measurementTimer.start();
            onChanged();
        });
    }
    connect(m_measurementRegex, &QCheckBox::toggled, this, [this] {
        m_measurementTimer.start();
        onChanged();
    });
    connect(m_timeRange, &TimeRangePicker::changed, this, &QueryBuilderForm::onChanged);
    connect(m_groupBy, &GroupByEditor::changed, this, &QueryBuilderForm::onChanged);
    connect(m_order, &QComboBox::currentIndexChanged, this, &QueryBuilderForm::onChanged);
    for (QSpinBox *spin : {m_limit, m_slimit})
        connect(spin, &QSpinBox::valueChanged, this, &QueryBuilderForm::onChanged);
    connect(m_timeZone, &QLineEdit::textChanged, this, &QueryBuilderForm::onChanged);
    connect(m_run, &QPushButton::clicked, this, &QueryBuilderForm::run);
    connect(m_openInEditor, &QPushButton::clicked, this, &QueryBuilderForm::openInEditor);

    onChanged();
}

QueryBuilderForm::~QueryBuilderForm() = default;

QWidget *QueryBuilderForm::buildSourceSection()
{
    auto *section = new QWidget;
    auto *form = new QFormLayout(section);
    form->setContentsMargins(0, 0, 0, 0);

    m_database = new QComboBox;
    m_database->setObjectName(u"database"_s);
    PickerCombo::configure(m_database);
    m_retentionPolicy = new QComboBox;
    m_retentionPolicy->setObjectName(u"retentionPolicy"_s);
    PickerCombo::configure(m_retentionPolicy);
    m_retentionPolicy->lineEdit()->setPlaceholderText(tr("default"));
    auto *source = new QHBoxLayout;
    source->addWidget(m_database, 1);
    source->addWidget(new QLabel(tr("Retention policy:")));
    source->addWidget(m_retentionPolicy, 1);
    form->addRow(tr("Database:"), source);

    m_measurement = new QComboBox;
    m_measurement->setObjectName(u"measurement"_s);
    PickerCombo::configure(m_measurement);
    m_measurementRegex = new QCheckBox(tr("Regular expression"));
    m_measurementRegex->setObjectName(u"measurementRegex"_s);
    m_measurementRegex->setToolTip(tr("Select from every measurement matching the pattern"));
    auto *measurement = new QHBoxLayout;
    measurement->addWidget(m_measurement, 1);
    measurement->addWidget(m_measurementRegex);
    form->addRow(tr("Measurement:"), measurement);

    auto *fieldRows = new QWidget;
    fieldRows->setObjectName(u"fieldRows"_s);
    m_fieldLayout = new QVBoxLayout(fieldRows);
    m_fieldLayout->setContentsMargins(0, 0, 0, 0);
    auto *addField = new QPushButton(QIcon::fromTheme(u"list-add"_s), tr("Add Field"));
    addField->setObjectName(u"addField"_s);
    addField->setToolTip(tr("Without fields the query selects *"));
    connect(addField, &QPushButton::clicked, this, [this] { addFieldRow({}); });
    m_fieldLayout->addWidget(addField, 0, Qt::AlignLeft);
    form->addRow(tr("Fields:"), fieldRows);

    auto *filterRows = new QWidget;
    filterRows->setObjectName(u"filterRows"_s);
    m_filterLayout = new QVBoxLayout(filterRows);
    m_filterLayout->setContentsMargins(0, 0, 0, 0);
    auto *addFilter = new QPushButton(QIcon::fromTheme(u"list-add"_s), tr("Add Condition"));
    addFilter->setObjectName(u"addFilter"_s);
    addFilter->setToolTip(tr("Conditions are combined with AND"));
    connect(addFilter, &QPushButton::clicked, this, [this] { addFilterRow({}); });
    m_filterLayout->addWidget(addFilter, 0, Qt::AlignLeft);
    form->addRow(tr("Where:"), filterRows);

    m_timeRange = new TimeRangePicker;
    form->addRow(tr("Time range:"), m_timeRange);
    return section;
}

QSize QueryBuilderForm::sizeHint() const
{
    // QScrollArea caps its hint at 36 lines of text; the form's rows want their full width.
    const QSize hint = QWidget::sizeHint();
    const int content = m_scroll->widget()->sizeHint().width()
            + m_scroll->verticalScrollBar()->sizeHint().width()
            + 2 * layout()->contentsMargins().left();
    return {std::max(hint.width(), content), hint.height()};
}

QWidget *QueryBuilderForm::buildOutputSection()
{
    auto *section = new QWidget;
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    m_groupBy = new GroupByEditor;
    layout->addWidget(m_groupBy);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_order = new QComboBox;
    m_order->setObjectName(u"order"_s);
    m_order->addItem(tr("Oldest first"), int(Influx::SelectQuery::Order::Default));
    m_order->addItem(tr("Newest first"), int(Influx::SelectQuery::Order::Descending));
    m_limit = new QSpinBox;
    m_limit->setObjectName(u"limit"_s);
    m_slimit = new QSpinBox;
    m_slimit->setObjectName(u"slimit"_s);
    for (QSpinBox *spin : {m_limit, m_slimit}) {
        spin->setRange(0, std::numeric_limits<int>::max());
        spin->setSpecialValueText(tr("none"));
    }
    m_limit->setToolTip(tr("At most this many points per series (LIMIT)"));
    m_slimit->setToolTip(tr("At most this many series (SLIMIT)"));
    auto *limits = new QHBoxLayout;
    limits->addWidget(m_order);
    limits->addWidget(new QLabel(tr("Limit:")));
    limits->addWidget(m_limit);
    limits->addWidget(new QLabel(tr("Series limit:")));
    limits->addWidget(m_slimit);
    form->addRow(tr("Order:"), limits);

    m_timeZone = new QLineEdit;
    m_timeZone->setObjectName(u"timeZone"_s);
    m_timeZone->setPlaceholderText(tr("UTC (e.g. Europe/Helsinki)"));
    form->addRow(tr("Time zone:"), m_timeZone);
    return section;
}

QueryBuilderState QueryBuilderForm::state() const
{
    State state;
    state.database = m_database->currentText().trimmed();
    state.retentionPolicy = m_retentionPolicy->currentText().trimmed();
    state.measurement = m_measurement->currentText().trimmed();
    state.measurementIsRegex = m_measurementRegex->isChecked();
    for (const FieldSelectionRow *row : m_fieldRows)
        state.fields.append(row->selection());
    for (const TagFilterRow *row : m_filterRows)
        state.filters.append(row->filter());
    m_timeRange->read(state);
    m_groupBy->read(state);
    state.order = Influx::SelectQuery::Order(m_order->currentData().toInt());
    state.limit = m_limit->value();
    state.slimit = m_slimit->value();
    state.timeZone = m_timeZone->text().trimmed();
    return state;
}

void QueryBuilderForm::setState(const QueryBuilderState &state)
{
    m_updating = true;
    m_database->setEditText(state.database);
    m_retentionPolicy->setEditText(state.retentionPolicy);
    m_measurement->setEditText(state.measurement);
    m_measurementRegex->setChecked(state.measurementIsRegex);
    for (FieldSelectionRow *row : std::as_const(m_fieldRows))
        delete row;
    m_fieldRows.clear();
    for (const State::FieldSelection &selection : state.fields)
        addFieldRow(selection);
    for (TagFilterRow *row : std::as_const(m_filterRows))
        delete row;
    m_filterRows.clear();
    for (const State::TagFilter &filter : state.filters)
        addFilterRow(filter);
    m_timeRange->write(state);
    m_groupBy->write(state);
    // Ascending is the default order: one item stands for both.
    const auto order = state.order == Influx::SelectQuery::Order::Descending
            ? state.order
            : Influx::SelectQuery::Order::Default;
    m_order->setCurrentIndex(m_order->findData(int(order)));
    constexpr qint64 maxSpin = std::numeric_limits<int>::max();
    m_limit->setValue(int(std::clamp(state.limit, qint64(0), maxSpin)));
    m_slimit->setValue(int(std::clamp(state.slimit, qint64(0), maxSpin)));
    m_timeZone->setText(state.timeZone);
    m_updating = false;

    m_databaseTimer.start();
    m_measurementTimer.start();
    onChanged();
}

void QueryBuilderForm::setDatabases(const QStringList &databases)
{
    PickerCombo::setItems(m_database, databases);
}

void QueryBuilderForm::setChartWidth(int px)
{
    m_chartWidth = qMax(1, px);
    onChanged();
}

QString QueryBuilderForm::influxQL() const
{
    return state().toInfluxQL(m_chartWidth);
}

QString QueryBuilderForm::problem() const
{
    return state().problem();
}

bool QueryBuilderForm::isLoadingSchema() const
{
    return m_loader->isLoading() || m_databaseTimer.isActive() || m_measurementTimer.isActive();
}

void QueryBuilderForm::run()
{
    const State current = state();
    if (!current.problem().isEmpty())
        return;
    Q_EMIT runRequested(current.toInfluxQL(m_chartWidth), current.database);
}

void QueryBuilderForm::openInEditor()
{
    const State current = state();
    Q_EMIT openInEditorRequested(current.toInfluxQL(m_chartWidth), current.database);
}

FieldSelectionRow *QueryBuilderForm::addFieldRow(const QueryBuilderState::FieldSelection &selection)
{
    auto *row = new FieldSelectionRow;
    row->setFieldTypes(m_fieldTypes);
    row->setSelection(selection);
    m_fieldLayout->insertWidget(int(m_fieldRows.size()), row);
    m_fieldRows.append(row);
    connect(row, &FieldSelectionRow::changed, this, &QueryBuilderForm::onChanged);
    connect(row, &FieldSelectionRow::removeRequested, this, [this, row] {
        m_fieldRows.removeOne(row);
        row->hide();
        row->deleteLater(); // it is emitting
        onChanged();
    });
    onChanged();
    return row;
}

TagFilterRow *QueryBuilderForm::addFilterRow(const QueryBuilderState::TagFilter &filter)
{
    auto *row = new TagFilterRow;
    row->setTagKeys(m_tagKeys);
    m_filterLayout->insertWidget(int(m_filterRows.size()), row);
    m_filterRows.append(row);
    connect(row, &TagFilterRow::changed, this, &QueryBuilderForm::onChanged);
    connect(row, &TagFilterRow::tagKeyChanged, this, &QueryBuilderForm::loadTagValues);
    connect(row, &TagFilterRow::removeRequested, this, [this, row] {
        m_filterRows.removeOne(row);
        row->hide();
        row->deleteLater(); // it is emitting
        onChanged();
    });
    row->setFilter(filter);
    onChanged();
    return row;
}

void QueryBuilderForm::onChanged()
{
    if (m_updating)
        return;
    const State current = state();
    m_preview->setPlainText(current.toInfluxQL(m_chartWidth));
    m_groupBy->setAutoInterval(current.groupByTime == State::GroupByTime::Auto
                                       ? current.effectiveInterval(m_chartWidth)
                                       : QString());
    const QString problem = current.problem();
    m_problem->setText(problem);
    m_run->setEnabled(problem.isEmpty());
    Q_EMIT stateChanged();
}

void QueryBuilderForm::onDatabaseLoaded(const QString &database,
                                        const QStringList &retentionPolicies,
                                        const QString &defaultPolicy,
                                        const QStringList &measurements)
{
    if (database != m_database->currentText().trimmed())
        return; // the choice changed meanwhile; its own load follows
    m_schemaStatus->setVisible(false);
    PickerCombo::setItems(m_retentionPolicy, retentionPolicies);
    m_retentionPolicy->lineEdit()->setPlaceholderText(
            defaultPolicy.isEmpty() ? tr("default") : tr("default (%1)").arg(defaultPolicy));
    PickerCombo::setItems(m_measurement, measurements);
}

void QueryBuilderForm::onMeasurementLoaded(const QMap<QString, QString> &fieldTypes,
                                           const QStringList &tagKeys)
{
    m_schemaStatus->setVisible(false);
    m_fieldTypes = fieldTypes;
    m_tagKeys = tagKeys;
    for (FieldSelectionRow *row : std::as_const(m_fieldRows))
        row->setFieldTypes(fieldTypes);
    for (TagFilterRow *row : std::as_const(m_filterRows))
        row->setTagKeys(tagKeys);
    m_groupBy->setTagKeys(tagKeys);
    for (const TagFilterRow *row : std::as_const(m_filterRows))
        loadTagValues(row->tagKey());
}

void QueryBuilderForm::onTagValuesLoaded(const QString &tagKey, const QStringList &values)
{
    for (TagFilterRow *row : std::as_const(m_filterRows)) {
        if (row->tagKey() == tagKey)
            row->setTagValues(values);
    }
}

void QueryBuilderForm::loadTagValues(const QString &tagKey)
{
    // Only keys the measurement has: a key being typed would send a query per keystroke.
    if (m_tagKeys.contains(tagKey))
        m_loader->loadTagValues(tagKey);
}

} // namespace Explorer
