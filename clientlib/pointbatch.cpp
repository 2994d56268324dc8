// SPDX-License-Identifier: MIT
#include "pointbatch.h"

#include "pointbatch_p.h"

namespace Influx {

PointBatch::PointBatch() : d(new PointBatchData)
{ }

PointBatch::PointBatch(const QString &measurement) : d(new PointBatchData)
{
    d->measurement = measurement;
}

PointBatch::PointBatch(const PointBatch &other) = default;
PointBatch::PointBatch(PointBatch &&other) noexcept = default;
PointBatch &PointBatch::operator=(const PointBatch &other) = default;
PointBatch &PointBatch::operator=(PointBatch &&other) noexcept = default;
PointBatch::~PointBatch() = default;

namespace {

bool isRow(const PointBatchData &b, qsizetype row)
{
    return row >= 0 && row < b.rows;
}

bool isTagCell(const PointBatchData &b, qsizetype row, int column)
{
    return isRow(b, row) && column >= 0 && column < b.tags.size();
}

bool isFieldCell(const PointBatchData &b, qsizetype row, int column, FieldValue::Type type)
{
    return isRow(b, row) && column >= 0 && column < b.fields.size()
            && b.fields.at(column).type == type;
}

void resizeField(PointBatchFieldColumn &c, qsizetype rows)
{
    c.present.resize(rows);
    switch (c.type) {
    case FieldValue::Type::Float:
        c.floats.resize(rows);
        break;
    case FieldValue::Type::Integer:
        c.integers.resize(rows);
        break;
    case FieldValue::Type::Boolean:
        c.booleans.resize(rows);
        break;
    case FieldValue::Type::String:
        c.strings.resize(rows);
        break;
    case FieldValue::Type::Decimal:
        break;
    }
}

} // namespace

QString PointBatch::measurement() const
{
    return d->measurement;
}

void PointBatch::setMeasurement(const QString &measurement)
{
    d->measurement = measurement;
}

int PointBatch::addTagColumn(const QString &key)
{
    if (const int existing = tagColumn(key); existing >= 0)
        return existing;
    PointBatchTagColumn column;
    column.key = key;
    column.ids.resize(d->rows);
    d->tags.append(std::move(column));
    return int(d->tags.size() - 1);
}

int PointBatch::addFieldColumn(const QString &key, FieldValue::Type type)
{
    if (type == FieldValue::Type::Decimal)
        return -1;
    if (const int existing = fieldColumn(key); existing >= 0)
        return d->fields.at(existing).type == type ? existing : -1;
    PointBatchFieldColumn column;
    column.key = key;
    column.type = type;
    resizeField(column, d->rows);
    d->fields.append(std::move(column));
    return int(d->fields.size() - 1);
}

int PointBatch::tagColumnCount() const
{
    return int(d->tags.size());
}

int PointBatch::fieldColumnCount() const
{
    return int(d->fields.size());
}

int PointBatch::tagColumn(const QString &key) const
{
    for (qsizetype i = 0; i < d->tags.size(); ++i) {
        if (d->tags.at(i).key == key)
            return int(i);
    }
    return -1;
}

int PointBatch::fieldColumn(const QString &key) const
{
    for (qsizetype i = 0; i < d->fields.size(); ++i) {
        if (d->fields.at(i).key == key)
            return int(i);
    }
    return -1;
}

QString PointBatch::tagKey(int column) const
{
    return column >= 0 && column < d->tags.size() ? d->tags.at(column).key : QString();
}

QString PointBatch::fieldKey(int column) const
{
    return column >= 0 && column < d->fields.size() ? d->fields.at(column).key : QString();
}

FieldValue::Type PointBatch::fieldType(int column) const
{
    return column >= 0 && column < d->fields.size() ? d->fields.at(column).type
                                                    : FieldValue::Type::Float;
}

qsizetype PointBatch::rowCount() const
{
    return d->rows;
}

void PointBatch::reserve(qsizetype rows)
{
    PointBatchData &b = *d;
    for (PointBatchTagColumn &c : b.tags)
        c.ids.reserve(rows);
    for (PointBatchFieldColumn &c : b.fields) {
        c.present.reserve(rows);
        switch (c.type) {
        case FieldValue::Type::Float:
            c.floats.reserve(rows);
            break;
        case FieldValue::Type::Integer:
            c.integers.reserve(rows);
            break;
        case FieldValue::Type::Boolean:
            c.booleans.reserve(rows);
            break;
        case FieldValue::Type::String:
            c.strings.reserve(rows);
            break;
        case FieldValue::Type::Decimal:
            break;
        }
    }
    b.times.reserve(rows);
    b.timeKinds.reserve(rows);
}

qsizetype PointBatch::appendRow()
{
    PointBatchData &b = *d;
    for (PointBatchTagColumn &c : b.tags)
        c.ids.append(0);
    for (PointBatchFieldColumn &c : b.fields) {
        c.present.append(0);
        switch (c.type) {
        case FieldValue::Type::Float:
            c.floats.append(0.0);
            break;
        case FieldValue::Type::Integer:
            c.integers.append(0);
            break;
        case FieldValue::Type::Boolean:
            c.booleans.append(0);
            break;
        case FieldValue::Type::String:
            c.strings.append(PointBatchText {0, 0});
            break;
        case FieldValue::Type::Decimal:
            break;
        }
    }
    b.times.append(0);
    b.timeKinds.append(PointBatchTime::None);
    return b.rows++;
}

void PointBatch::resize(qsizetype rows)
{
    rows = std::max<qsizetype>(rows, 0);
    PointBatchData &b = *d;
    for (PointBatchTagColumn &c : b.tags)
        c.ids.resize(rows);
    for (PointBatchFieldColumn &c : b.fields)
        resizeField(c, rows);
    b.times.resize(rows);
    b.timeKinds.resize(rows);
    b.rows = rows;
}

void PointBatch::clear()
{
    PointBatchData &b = *d;
    for (PointBatchTagColumn &c : b.tags) {
        c.ids.clear();
        c.values.clear();
        c.index.clear();
    }
    for (PointBatchFieldColumn &c : b.fields) {
        c.text.clear();
        resizeField(c, 0);
    }
    b.times.clear();
    b.timeKinds.clear();
    b.rows = 0;
}

bool PointBatch::setTag(qsizetype row, int column, const QString &value)
{
    if (!isTagCell(*d, row, column))
        return false;
    return setTagId(row, column, internTag(column, value));
}

quint32 PointBatch::internTag(int column, const QString &value)
{
    if (column < 0 || column >= d->tags.size())
        return 0;
    PointBatchTagColumn &c = d->tags[column];
    if (const auto it = c.index.constFind(value); it != c.index.cend())
        return *it;
    c.values.append(value);
    const auto id = quint32(c.values.size());
    c.index.insert(value, id);
    return id;
}

bool PointBatch::setTagId(qsizetype row, int column, quint32 id)
{
    if (!isTagCell(*d, row, column) || id > quint32(d->tags.at(column).values.size()))
        return false;
    d->tags[column].ids[row] = id;
    return true;
}

bool PointBatch::clearTag(qsizetype row, int column)
{
    return setTagId(row, column, 0);
}

bool PointBatch::hasTag(qsizetype row, int column) const
{
    return isTagCell(*d, row, column) && d->tags.at(column).ids.at(row) != 0;
}

QString PointBatch::tag(qsizetype row, int column) const
{
    if (!isTagCell(*d, row, column))
        return QString();
    const PointBatchTagColumn &c = d->tags.at(column);
    const quint32 id = c.ids.at(row);
    return id ? c.values.at(id - 1) : QString();
}

bool PointBatch::setFloat(qsizetype row, int column, double value)
{
    if (!isFieldCell(*d, row, column, FieldValue::Type::Float))
        return false;
    PointBatchFieldColumn &c = d->fields[column];
    c.present[row] = 1;
    c.floats[row] = value;
    return true;
}

bool PointBatch::setInteger(qsizetype row, int column, qint64 value)
{
    if (!isFieldCell(*d, row, column, FieldValue::Type::Integer))
        return false;
    PointBatchFieldColumn &c = d->fields[column];
    c.present[row] = 1;
    c.integers[row] = value;
    return true;
}

bool PointBatch::setBoolean(qsizetype row, int column, bool value)
{
    if (!isFieldCell(*d, row, column, FieldValue::Type::Boolean))
        return false;
    PointBatchFieldColumn &c = d->fields[column];
    c.present[row] = 1;
    c.booleans[row] = value;
    return true;
}

bool PointBatch::setString(qsizetype row, int column, QStringView value)
{
    if (!isFieldCell(*d, row, column, FieldValue::Type::String))
        return false;
    PointBatchFieldColumn &c = d->fields[column];
    c.present[row] = 1;
    c.strings[row] = PointBatchText {c.text.size(), value.size()};
    c.text.append(value);
    return true;
}

bool PointBatch::setField(qsizetype row, int column, const FieldValue &value)
{
    switch (value.type()) {
    case FieldValue::Type::Float:
        return setFloat(row, column, value.toDouble());
    case FieldValue::Type::Integer:
        return setInteger(row, column, value.toInteger());
    case FieldValue::Type::Boolean:
        return setBoolean(row, column, value.toBool());
    case FieldValue::Type::String:
        return setString(row, column, value.stringView());
    case FieldValue::Type::Decimal:
        break;
    }
    return false;
}

bool PointBatch::clearField(qsizetype row, int column)
{
    if (!isRow(*d, row) || column < 0 || column >= d->fields.size())
        return false;
    d->fields[column].present[row] = 0;
    return true;
}

bool PointBatch::hasField(qsizetype row, int column) const
{
    return isRow(*d, row) && column >= 0 && column < d->fields.size()
            && d->fields.at(column).present.at(row);
}

FieldValue PointBatch::field(qsizetype row, int column) const
{
    if (!hasField(row, column))
        return FieldValue();
    const PointBatchFieldColumn &c = d->fields.at(column);
    switch (c.type) {
    case FieldValue::Type::Float:
        return c.floats.at(row);
    case FieldValue::Type::Integer:
        return c.integers.at(row);
    case FieldValue::Type::Boolean:
        return bool(c.booleans.at(row));
    case FieldValue::Type::String: {
        const PointBatchText text = c.strings.at(row);
        return c.text.mid(text.offset, text.size);
    }
    case FieldValue::Type::Decimal:
        break;
    }
    return FieldValue();
}

bool PointBatch::setTime(qsizetype row, Timestamp time)
{
    if (!isRow(*d, row))
        return false;
    d->times[row] = time.nanoseconds();
    d->timeKinds[row] = PointBatchTime::Timestamp;
    return true;
}

bool PointBatch::setRawTime(qsizetype row, qint64 valueInWritePrecision)
{
    if (!isRow(*d, row))
        return false;
    d->times[row] = valueInWritePrecision;
    d->timeKinds[row] = PointBatchTime::Raw;
    return true;
}

bool PointBatch::clearTime(qsizetype row)
{
    if (!isRow(*d, row))
        return false;
    d->timeKinds[row] = PointBatchTime::None;
    return true;
}

PointTime PointBatch::time(qsizetype row) const
{
    if (!isRow(*d, row))
        return PointTime();
    switch (d->timeKinds.at(row)) {
    case PointBatchTime::None:
        break;
    case PointBatchTime::Timestamp:
        return Timestamp::fromNanoseconds(d->times.at(row));
    case PointBatchTime::Raw:
        return PointTime::raw(d->times.at(row));
    }
    return PointTime();
}

DataPoint PointBatch::point(qsizetype row) const
{
    if (!isRow(*d, row))
        return DataPoint();
    Tags tags;
    for (int column = 0; column < d->tags.size(); ++column) {
        if (hasTag(row, column))
            tags.insert(d->tags.at(column).key, tag(row, column));
    }
    Fields fields;
    for (int column = 0; column < d->fields.size(); ++column) {
        if (hasField(row, column))
            fields.insert(d->fields.at(column).key, field(row, column));
    }
    return DataPoint(d->measurement, tags, fields, time(row));
}

QList<DataPoint> PointBatch::toPoints() const
{
    QList<DataPoint> points;
    points.reserve(d->rows);
    for (qsizetype row = 0; row < d->rows; ++row)
        points.append(point(row));
    return points;
}

} // namespace Influx
