// SPDX-License-Identifier: MIT
#include "pointform.h"

#include "write/writeoptionsbar.h"

#include <lineprotocol.h>

#include <QtCore/QRegularExpression>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;
using Influx::DataPoint;
using Influx::FieldValue;

namespace Explorer {

namespace {

constexpr qint64 NanosPerSecond = 1'000'000'000;
const QColor ErrorBackground(255, 215, 215);

QTableWidget *createTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMinimumHeight(90);
    return table;
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

// The library's verdict on one tag or field alone, to mark the cell it concerns.
QString libraryProblem(const Influx::Tags &tags, const Influx::Fields &fields)
{
    return DataPoint(u"m"_s, tags, fields.isEmpty() ? Influx::Fields {{u"f"_s, 1.0}} : fields)
            .validate()
            .message();
}

std::variant<FieldValue, QString> parseField(PointForm::FieldType type, const QString &text)
{
    const QString t = text.trimmed();
    switch (type) {
    case PointForm::FieldType::Float:
        if (Influx::LineProtocol::isValidDecimal(t))
            return FieldValue::decimal(t);
        if (Influx::LineProtocol::decimalToDouble(t))
            return PointForm::tr("%1 is too large for a float").arg(t);
        return PointForm::tr("\"%1\" is not a number (e.g. 1.5, -2, 3e8)").arg(t);
    case PointForm::FieldType::Integer: {
        static const QRegularExpression integer(u"^-?[0-9]+$"_s);
        if (!integer.match(t).hasMatch())
            return PointForm::tr("\"%1\" is not an integer").arg(t);
        bool ok = false;
        const qint64 value = t.toLongLong(&ok);
        if (!ok)
            return PointForm::tr("%1 is out of the 64-bit integer range").arg(t);
        return FieldValue(value);
    }
    case PointForm::FieldType::Boolean: {
        static const QStringList truths {u"t"_s, u"T"_s, u"true"_s, u"True"_s, u"TRUE"_s};
        static const QStringList lies {u"f"_s, u"F"_s, u"false"_s, u"False"_s, u"FALSE"_s};
        if (truths.contains(t))
            return FieldValue(true);
        if (lies.contains(t))
            return FieldValue(false);
        return PointForm::tr("\"%1\" is not a boolean: enter true or false").arg(t);
    }
    case PointForm::FieldType::String:
        break;
    }
    return FieldValue(text);
}

} // namespace

PointForm::PointForm(QWidget *parent)
    : QWidget(parent),
      m_measurement(new QLineEdit(this)),
      m_tags(createTable({tr("Tag key"), tr("Value")}, u"tagsTable"_s, this)),
      m_fields(createTable({tr("Field key"), tr("Type"), tr("Value")}, u"fieldsTable"_s, this)),
      m_now(new QRadioButton(tr("&Now (the server's clock)"), this)),
      m_chosen(new QRadioButton(tr("&At"), this)),
      m_timeEdit(new QDateTimeEdit(this)),
      m_nanoseconds(new QSpinBox(this)),
      m_zone(new QLabel(this)),
      m_options(new WriteOptionsBar(this)),
      m_preview(new QPlainTextEdit(this)),
      m_validation(new QLabel(this))
{
    m_measurement->setObjectName(u"measurementEdit"_s);
    m_measurement->setPlaceholderText(tr("measurement"));
    m_options->setObjectName(u"writeOptions"_s);
    m_preview->setObjectName(u"previewEdit"_s);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setWordWrapMode(QTextOption::WrapAnywhere);
    m_preview->setPlaceholderText(tr("The line protocol sent appears here"));
    m_preview->setMaximumHeight(m_preview->fontMetrics().lineSpacing() * 4);
    m_validation->setObjectName(u"validationLabel"_s);
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::PlainText);

    const auto tableWithButtons = [this](QTableWidget *table, const QString &what,
                                         const QString &name, auto add) {
        auto *box = new QWidget(this);
        auto *layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(table, 1);
        auto *buttons = new QVBoxLayout;
        auto *addButton = new QPushButton(tr("Add %1").arg(what), box);
        addButton->setObjectName(u"add%1Button"_s.arg(name));
        auto *removeButton = new QPushButton(tr("Remove"), box);
        removeButton->setObjectName(u"remove%1Button"_s.arg(name));
        buttons->addWidget(addButton);
        buttons->addWidget(removeButton);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        connect(addButton, &QPushButton::clicked, this, add);
        connect(removeButton, &QPushButton::clicked, this,
                [this, table] { removeSelectedRows(table); });
        return box;
    };

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Measurement:"), m_measurement);
    form->addRow(tr("Tags:"), tableWithButtons(m_tags, tr("tag"), u"Tag"_s, [this] {
                     addTag({}, {});
                     m_tags->editItem(m_tags->item(m_tags->rowCount() - 1, 0));
                 }));
    form->addRow(tr("Fields:"), tableWithButtons(m_fields, tr("field"), u"Field"_s, [this] {
                     addField({}, FieldType::Float, {});
                     m_fields->editItem(m_fields->item(m_fields->rowCount() - 1, 0));
                 }));
    form->addRow(tr("Time:"), createTimeRow());
    form->addRow(m_options);
    form->addRow(tr("Line protocol:"), m_preview);
    form->addRow(m_validation);

    connect(m_measurement, &QLineEdit::textChanged, this, &PointForm::revalidate);
    connect(m_tags, &QTableWidget::itemChanged, this, &PointForm::revalidate);
    connect(m_fields, &QTableWidget::itemChanged, this, &PointForm::revalidate);
    connect(m_options, &WriteOptionsBar::changed, this, &PointForm::revalidate);
    addFieldRow({}, FieldType::Float, {});
    revalidate();
}

QWidget *PointForm::createTimeRow()
{
    auto *row = new QWidget(this);
    m_now->setObjectName(u"nowRadio"_s);
    m_chosen->setObjectName(u"chosenTimeRadio"_s);
    auto *group = new QButtonGroup(row);
    group->addButton(m_now);
    group->addButton(m_chosen);
    m_now->setChecked(true);
    m_timeEdit->setObjectName(u"timeEdit"_s);
    m_timeEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    m_timeEdit->setTimeSpec(m_timeSpec);
    // InfluxDB's time range, whole days inside it.
    m_timeEdit->setMinimumDateTime(QDateTime(QDate(1677, 9, 22), QTime(0, 0), Qt::UTC));
    m_timeEdit->setMaximumDateTime(QDateTime(QDate(2262, 4, 10), QTime(23, 59, 59), Qt::UTC));
    m_timeEdit->setDateTime(
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), m_timeSpec));
    m_timeEdit->setEnabled(false);
    m_nanoseconds->setObjectName(u"nanosecondsSpin"_s);
    m_nanoseconds->setRange(0, int(NanosPerSecond - 1));
    m_nanoseconds->setPrefix(u"+ "_s);
    m_nanoseconds->setSuffix(tr(" ns"));
    m_nanoseconds->setToolTip(tr("Nanoseconds after the second"));
    m_nanoseconds->setEnabled(false);
    m_zone->setObjectName(u"timeZoneLabel"_s);
    m_zone->setText(tr("UTC"));

    auto *chosen = new QHBoxLayout;
    chosen->addWidget(m_chosen);
    chosen->addWidget(m_timeEdit);
    chosen->addWidget(m_nanoseconds);
    chosen->addWidget(m_zone);
    chosen->addStretch(1);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_now);
    layout->addLayout(chosen);

    connect(m_chosen, &QRadioButton::toggled, this, [this](bool chosen) {
        m_timeEdit->setEnabled(chosen);
        m_nanoseconds->setEnabled(chosen);
        revalidate();
    });
    connect(m_timeEdit, &QDateTimeEdit::dateTimeChanged, this, &PointForm::revalidate);
    connect(m_nanoseconds, &QSpinBox::valueChanged, this, &PointForm::revalidate);
    return row;
}

void PointForm::setDatabase(const QString &database)
{
    m_database = database;
    Q_EMIT changed();
}

void PointForm::setPreferences(const Preferences &preferences)
{
    const Qt::TimeSpec spec =
            preferences.timeZone == Preferences::TimeZone::Utc ? Qt::UTC : Qt::LocalTime;
    if (spec == m_timeSpec)
        return;
    const QDateTime instant = m_timeEdit->dateTime();
    m_timeSpec = spec;
    m_timeEdit->setTimeSpec(spec);
    m_timeEdit->setDateTime(instant.toTimeSpec(spec));
    m_zone->setText(spec == Qt::UTC ? tr("UTC") : tr("local time"));
    revalidate();
}

void PointForm::setRetentionPolicies(const QStringList &names)
{
    m_options->setRetentionPolicies(names);
}

void PointForm::setMeasurement(const QString &name)
{
    m_measurement->setText(name);
}

void PointForm::addTag(const QString &key, const QString &value)
{
    m_updating = true;
    const int row = m_tags->rowCount();
    m_tags->insertRow(row);
    m_tags->setItem(row, 0, new QTableWidgetItem(key));
    m_tags->setItem(row, 1, new QTableWidgetItem(value));
    m_updating = false;
    revalidate();
}

void PointForm::addField(const QString &key, FieldType type, const QString &value)
{
    addFieldRow(key, type, value);
    revalidate();
}

void PointForm::addFieldRow(const QString &key, FieldType type, const QString &value)
{
    m_updating = true;
    const int row = m_fields->rowCount();
    m_fields->insertRow(row);
    m_fields->setItem(row, 0, new QTableWidgetItem(key));
    auto *combo = new QComboBox(m_fields);
    combo->setObjectName(u"fieldTypeCombo"_s);
    combo->addItems({tr("float"), tr("integer"), tr("boolean"), tr("string")});
    combo->setCurrentIndex(int(type));
    m_fields->setCellWidget(row, 1, combo);
    m_fields->setItem(row, 2, new QTableWidgetItem(value));
    connect(combo, &QComboBox::currentIndexChanged, this, &PointForm::revalidate);
    m_updating = false;
}

void PointForm::clearTags()
{
    m_tags->setRowCount(0);
    revalidate();
}

void PointForm::clearFields()
{
    m_fields->setRowCount(0);
    revalidate();
}

void PointForm::removeSelectedRows(QTableWidget *table)
{
    QList<int> rows;
    for (const QModelIndex &index : table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && table->currentRow() >= 0)
        rows.append(table->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : std::as_const(rows))
        table->removeRow(row);
    revalidate();
}

void PointForm::setTime(std::optional<Influx::Timestamp> time)
{
    if (!time) {
        m_now->setChecked(true);
        return;
    }
    const qint64 ns = time->nanoseconds();
    // Floor division: the nanoseconds field counts forward from the second before.
    qint64 seconds = ns / NanosPerSecond;
    if (ns % NanosPerSecond < 0)
        --seconds;
    m_updating = true;
    m_timeEdit->setDateTime(QDateTime::fromSecsSinceEpoch(seconds, m_timeSpec));
    m_nanoseconds->setValue(int(ns - seconds * NanosPerSecond));
    m_updating = false;
    m_chosen->setChecked(true);
    revalidate();
}

std::optional<Influx::Timestamp> PointForm::time() const
{
    if (!m_chosen->isChecked())
        return std::nullopt;
    return Influx::Timestamp::fromNanoseconds(
            m_timeEdit->dateTime().toSecsSinceEpoch() * NanosPerSecond + m_nanoseconds->value());
}

QString PointForm::preview() const
{
    return QString::fromUtf8(m_line);
}

Influx::WriteOptions PointForm::options() const
{
    return m_options->options(m_database);
}

void PointForm::markCell(QTableWidget *table, int row, int column, const QString &error)
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item)
        return;
    item->setBackground(error.isEmpty() ? QBrush() : QBrush(ErrorBackground));
    item->setToolTip(error);
}

QString PointForm::readTags(Influx::Tags &tags)
{
    QString first;
    for (int row = 0; row < m_tags->rowCount(); ++row) {
        const QString key = cellText(m_tags, row, 0);
        const QString value = cellText(m_tags, row, 1);
        QString keyError, valueError;
        if (key.isEmpty() && value.isEmpty()) {
            // an empty row: ignored
        } else if (key.isEmpty()) {
            keyError = tr("the tag key is empty");
        } else if (tags.contains(key)) {
            keyError = tr("tag key \"%1\" is used twice").arg(key);
        } else if (value.isEmpty()) {
            valueError = tr("tag \"%1\" has no value (InfluxDB has no empty tag values)").arg(key);
        } else if (const QString problem = libraryProblem({{key, u"v"_s}}, {});
                   !problem.isEmpty()) {
            keyError = problem;
        } else if (const QString problem = libraryProblem({{key, value}}, {}); !problem.isEmpty()) {
            valueError = problem;
        }
        if (keyError.isEmpty() && valueError.isEmpty() && !key.isEmpty())
            tags.insert(key, value);
        markCell(m_tags, row, 0, keyError);
        markCell(m_tags, row, 1, valueError);
        const QString error = keyError.isEmpty() ? valueError : keyError;
        if (first.isEmpty() && !error.isEmpty())
            first = tr("Tag row %1: %2").arg(row + 1).arg(error);
    }
    return first;
}

QString PointForm::readFields(Influx::Fields &fields)
{
    QString first;
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const QString key = cellText(m_fields, row, 0);
        const QString text = cellText(m_fields, row, 2);
        const auto *combo = qobject_cast<QComboBox *>(m_fields->cellWidget(row, 1));
        const auto type = FieldType(combo ? combo->currentIndex() : 0);
        QString keyError, valueError;
        std::optional<FieldValue> value;
        if (key.isEmpty() && text.isEmpty()) {
            // an empty row: ignored
        } else if (key.isEmpty()) {
            keyError = tr("the field key is empty");
        } else if (fields.contains(key)) {
            keyError = tr("field key \"%1\" is used twice").arg(key);
        } else if (const QString problem = libraryProblem({}, {{key, 1.0}}); !problem.isEmpty()) {
            keyError = problem;
        } else {
            auto parsed = parseField(type, text);
            if (const QString *error = std::get_if<QString>(&parsed))
                valueError = *error;
            else if (const QString problem =
                             libraryProblem({}, {{key, std::get<FieldValue>(parsed)}});
                     !problem.isEmpty())
                valueError = problem;
            else
                value = std::get<FieldValue>(parsed);
        }
        if (value)
            fields.insert(key, *value);
        markCell(m_fields, row, 0, keyError);
        markCell(m_fields, row, 2, valueError);
        const QString error = keyError.isEmpty() ? valueError : keyError;
        if (first.isEmpty() && !error.isEmpty())
            first = tr("Field row %1: %2").arg(row + 1).arg(error);
    }
    return first;
}

void PointForm::revalidate()
{
    if (m_updating)
        return;
    m_updating = true; // marking cells emits itemChanged
    DataPoint point;
    point.setMeasurement(m_measurement->text());
    Influx::Tags tags;
    Influx::Fields fields;
    const QString tagError = readTags(tags);
    const QString fieldError = readFields(fields);
    point.setTags(tags);
    point.setFields(fields);
    const std::optional<Influx::Timestamp> t = time();
    point.setTime(t ? Influx::PointTime(*t) : Influx::PointTime());
    m_updating = false;

    const Influx::Precision precision = m_options->precision();
    QString message;
    if (point.measurement().isEmpty())
        message = tr("Enter a measurement name.");
    else if (!tagError.isEmpty())
        message = tagError;
    else if (!fieldError.isEmpty())
        message = fieldError;
    else if (fields.isEmpty())
        message = tr("Add at least one field.");
    Influx::Error error;
    const QByteArray line = message.isEmpty() ? point.toLineProtocol(precision, &error) : "";
    if (message.isEmpty() && error)
        message = error.message();

    m_point = point;
    m_message = message;
    m_valid = message.isEmpty();
    m_line = m_valid ? line : QByteArray();
    m_preview->setPlainText(QString::fromUtf8(m_line));
    QString note = message;
    if (m_valid && t && t->nanoseconds() % Influx::nanosecondsPerUnit(precision) != 0) {
        note = tr("Precision \"%1\" cuts the time to whole units: the finer digits are not "
                  "written.")
                       .arg(Influx::precisionName(precision));
    }
    m_validation->setText(note);
    m_validation->setStyleSheet(m_valid ? QString() : u"color: #b00000;"_s);
    Q_EMIT changed();
}

} // namespace Explorer
