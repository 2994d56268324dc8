// SPDX-License-Identifier: MIT
#include "series.h"
#include "series_p.h"

namespace Influx {

void SeriesData::setColumns(const QStringList &names)
{
    columnNames = names;
    columns.clear();
    columns.reserve(size_t(names.size()));
    for (const QString &name : names)
        columns.emplace_back(name == u"time");
}

// ---- Series::Row ----

qsizetype Series::Row::size() const
{
    return m_series->columnCount();
}

QVariant Series::Row::value(qsizetype column) const
{
    if (column < 0)
        column += size();
    return m_series->value(m_row, column);
}

QVariant Series::Row::value(QStringView column) const
{
    return m_series->value(m_row, column);
}

bool Series::Row::contains(QStringView column) const
{
    return m_series->columnIndex(column) >= 0;
}

QVariantList Series::Row::values() const
{
    QVariantList result;
    result.reserve(size());
    for (qsizetype column = 0; column < size(); ++column)
        result.append(m_series->value(m_row, column));
    return result;
}

QVariantMap Series::Row::toMap() const
{
    QVariantMap result;
    const QStringList names = m_series->columns();
    for (qsizetype column = 0; column < names.size(); ++column)
        result.insert(names.at(column), m_series->value(m_row, column));
    return result;
}

bool operator==(const Series::Row &a, const Series::Row &b)
{
    return a.m_series->columns() == b.m_series->columns() && a.values() == b.values();
}

bool operator<(const Series::Row &a, const Series::Row &b)
{
    // Like the reference's KeyedTuple: lexicographic on the values. A null cell sorts before
    // any value; values QVariant cannot order (a string against a number) end the comparison
    // as "not less", so the result is never a guess. Rows with different columns are not
    // ordered at all (the reference raises TypeError).
    if (a.m_series->columns() != b.m_series->columns())
        return false;
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype column = 0; column < n; ++column) {
        const QVariant x = a.value(column);
        const QVariant y = b.value(column);
        if (!x.isValid() || !y.isValid()) {
            if (x.isValid() != y.isValid())
                return !x.isValid();
            continue;
        }
        const QPartialOrdering order = QVariant::compare(x, y);
        if (order == QPartialOrdering::Less)
            return true;
        if (order != QPartialOrdering::Equivalent)
            return false;
    }
    return a.size() < b.size();
}

// ---- Series ----

Series::Series() : d(new SeriesData)
{ }

Series::Series(const QString &name, const QStringList &columns, const QMap<QString, QString> &tags)
    : d(new SeriesData)
{
    d->name = name;
    d->tags = tags;
    d->setColumns(columns);
}

Series::Series(const Series &other) = default;
Series::Series(Series &&other) noexcept = default;
Series &Series::operator=(const Series &other) = default;
Series &Series::operator=(Series &&other) noexcept = default;
Series::~Series() = default;

void Series::detach()
{
    // A moved-from Series has no data; writing to it starts afresh.
    if (!d)
        d = new SeriesData;
    d.detach();
}

QString Series::name() const
{
    return d ? d->name : QString();
}

QMap<QString, QString> Series::tags() const
{
    return d ? d->tags : QMap<QString, QString>();
}

QStringList Series::columns() const
{
    return d ? d->columnNames : QStringList();
}

qsizetype Series::columnCount() const
{
    return d ? d->columnNames.size() : 0;
}

qsizetype Series::rowCount() const
{
    return d ? d->rows : 0;
}

qsizetype Series::columnIndex(QStringView name) const
{
    for (qsizetype column = columnCount() - 1; column >= 0; --column) {
        if (d->columnNames.at(column) == name)
            return column;
    }
    return -1;
}

ColumnType Series::columnType(qsizetype column) const
{
    if (column < 0 || column >= columnCount())
        return ColumnType::Null;
    return d->columns[size_t(column)].type();
}

QVariant Series::value(qsizetype row, qsizetype column) const
{
    if (column < 0 || column >= columnCount() || row < 0 || row >= d->rows)
        return {};
    return d->columns[size_t(column)].value(row);
}

QVariant Series::value(qsizetype row, QStringView column) const
{
    return value(row, columnIndex(column));
}

bool Series::isNull(qsizetype row, qsizetype column) const
{
    if (column < 0 || column >= columnCount() || row < 0 || row >= d->rows)
        return true;
    return d->columns[size_t(column)].isNull(row);
}

qint64 Series::integerAt(qsizetype row, qsizetype column) const
{
    if (isNull(row, column))
        return 0;
    const Column &c = d->columns[size_t(column)];
    if (c.type() == ColumnType::Integer || c.type() == ColumnType::Time)
        return c.integerAt(row);
    return c.value(row).toLongLong();
}

double Series::floatAt(qsizetype row, qsizetype column) const
{
    if (isNull(row, column))
        return 0;
    const Column &c = d->columns[size_t(column)];
    if (c.type() == ColumnType::Float)
        return c.floatAt(row);
    if (c.type() == ColumnType::Integer)
        return double(c.integerAt(row));
    return c.value(row).toDouble();
}

bool Series::booleanAt(qsizetype row, qsizetype column) const
{
    if (isNull(row, column))
        return false;
    const Column &c = d->columns[size_t(column)];
    return c.type() == ColumnType::Boolean ? c.booleanAt(row) : c.value(row).toBool();
}

QString Series::stringAt(qsizetype row, qsizetype column) const
{
    if (isNull(row, column))
        return {};
    const Column &c = d->columns[size_t(column)];
    if (c.type() == ColumnType::String)
        return c.stringAt(row);
    if (c.type() == ColumnType::Time)
        return c.timeAt(row).toRfc3339();
    return c.value(row).toString();
}

QByteArrayView Series::stringUtf8At(qsizetype row, qsizetype column) const
{
    const Column &c = d->columns[size_t(column)];
    Q_ASSERT(c.type() == ColumnType::String);
    if (c.isNull(row))
        return {};
    const std::string_view utf8 = c.stringUtf8At(row);
    return QByteArrayView(utf8.data(), qsizetype(utf8.size()));
}

Timestamp Series::timeAt(qsizetype row, qsizetype column) const
{
    if (isNull(row, column))
        return {};
    const Column &c = d->columns[size_t(column)];
    return c.type() == ColumnType::Time ? c.timeAt(row) : c.value(row).value<Timestamp>();
}

void Series::appendRow(const QVariantList &values)
{
    detach();
    // Missing cells are null, cells beyond the columns are ignored.
    for (size_t column = 0; column < d->columns.size(); ++column) {
        if (qsizetype(column) < values.size())
            d->columns[column].appendVariant(values.at(qsizetype(column)));
        else
            d->columns[column].appendNull();
    }
    ++d->rows;
}

void Series::appendRows(const Series &piece)
{
    // Holding a reference keeps the piece's data alive and unchanged even when piece is *this.
    const QExplicitlySharedDataPointer<SeriesData> other = piece.d;
    if (!other || (other->rows == 0 && other->columnNames.size() <= columnCount()))
        return;
    detach();
    // A piece with more columns adds them (null in the earlier rows); a shorter piece leaves
    // its missing columns null. Pieces of one series from InfluxDB always have the same ones.
    for (qsizetype column = columnCount(); column < other->columnNames.size(); ++column) {
        const QString &name = other->columnNames.at(column);
        d->columnNames.append(name);
        Column added(name == u"time");
        for (qsizetype row = 0; row < d->rows; ++row)
            added.appendNull();
        d->columns.push_back(std::move(added));
    }
    for (size_t column = 0; column < d->columns.size(); ++column) {
        if (column < other->columns.size()) {
            d->columns[column].append(other->columns[column]);
        } else {
            for (qsizetype row = 0; row < other->rows; ++row)
                d->columns[column].appendNull();
        }
    }
    d->rows += other->rows;
}

bool Series::isTruncated() const
{
    return d && d->truncated;
}

void Series::setTruncated(bool truncated)
{
    if (isTruncated() == truncated)
        return;
    detach();
    d->truncated = truncated;
}

qsizetype Series::memoryUsage() const
{
    qsizetype bytes = 0;
    if (d) {
        for (const Column &column : d->columns)
            bytes += column.memoryUsage();
    }
    return bytes;
}

void Series::squeeze()
{
    if (!d)
        return;
    detach();
    for (Column &column : d->columns)
        column.squeeze();
}

bool operator==(const Series &a, const Series &b)
{
    if (a.d == b.d)
        return true;
    if (a.name() != b.name() || a.tags() != b.tags() || a.columns() != b.columns()
        || a.rowCount() != b.rowCount())
        return false;
    for (qsizetype column = 0; column < a.columnCount(); ++column) {
        if (!a.d->columns[size_t(column)].equals(b.d->columns[size_t(column)]))
            return false;
    }
    return true;
}

// ---- SeriesBuilder ----

void SeriesBuilder::start(const QString &name, const QMap<QString, QString> &tags,
                          const QStringList &columns)
{
    m_data = new SeriesData;
    m_data->name = name;
    m_data->tags = tags;
    m_data->setColumns(columns);
    m_cell = 0;
}

void SeriesBuilder::reserve(qsizetype rows)
{
    for (Column &column : m_data->columns)
        column.reserve(rows);
}

void SeriesBuilder::endRow()
{
    while (m_cell < m_data->columns.size())
        m_data->columns[m_cell++].appendNull();
    m_cell = 0;
    ++m_data->rows;
}

Series SeriesBuilder::take()
{
    Series series;
    series.d = std::move(m_data);
    m_data = new SeriesData;
    m_cell = 0;
    return series;
}

} // namespace Influx
