// SPDX-License-Identifier: MIT
#ifndef INFLUX_SERIES_P_H
#define INFLUX_SERIES_P_H

// Private storage of Series, shared by series.cpp, seriescolumn.cpp and the response decoder.
// Not part of the public API.

#include "series.h"

#include <QtCore/QSharedData>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace Influx {

// UTF-8 text (already validated) as a QString, leading U+FEFFs included: QString::fromUtf8()
// drops a byte order mark at the start (each call drops one), which would change names and
// values that begin with one (found by the encoder fuzzer's round trip).
inline QString stringFromUtf8(std::string_view utf8)
{
    size_t boms = 0;
    while (utf8.size() >= boms + 3 && std::memcmp(utf8.data() + boms, "\xEF\xBB\xBF", 3) == 0)
        boms += 3;
    const QString rest = QString::fromUtf8(utf8.data() + boms, qsizetype(utf8.size() - boms));
    return boms == 0 ? rest : QString(qsizetype(boms / 3), QChar(0xfeff)) + rest;
}

// The memory behind PodArray, untyped.
namespace PodStorage {
// Blocks from this size on get pages of their own (where mremap() exists).
constexpr size_t LargeBytes = 1024 * 1024;
// Makes the block at data (capacity bytes, of which the first `used` are kept) hold *bytes
// (rounded up on return); *mapped says how it is held, before and after. nullptr and 0 bytes
// is the empty block. Calls qBadAlloc() when memory runs out.
void *resize(void *data, size_t capacity, size_t used, size_t *bytes, bool *mapped);
void release(void *data, size_t capacity, bool mapped);
// How far ahead of the writes a mapped block is populated (see PodArray::prepare()).
constexpr size_t PopulateBytes = 2 * 1024 * 1024;
// Faults in the pages of [from, to) of a mapped block in one go, ready to be written
// (MADV_POPULATE_WRITE; a no-op where it does not exist, the writes then fault page by page).
void populate(void *data, size_t from, size_t to);
} // namespace PodStorage

// A growable array of trivially copyable values: unlike std::vector it can grow without
// copying, and shrinking gives the spare memory back without a copy. That matters when the
// pieces of a chunked response are appended to a series of millions of rows on the GUI thread.
// Small arrays live on malloc/realloc (copying up to 1 MiB costs well under a millisecond, and
// freed heap memory is reused without page faults). From LargeBytes on (Linux), an array has pages
// of its own (mmap) and grows and shrinks with mremap(), which moves page table entries instead of
// bytes: a 27 MB column doubles in well under a millisecond instead of tens of milliseconds of
// memcpy and page faults, and old and new block never exist side by side (peak memory). Through
// malloc that holds only until glibc raises its mmap threshold, which it does as soon as a large
// block is freed: from the second big result on, every doubling copied. New elements of
// resize() are zero.
template<typename T>
class PodArray
{
    static_assert(std::is_trivially_copyable_v<T>);

public:
    PodArray() = default;
    PodArray(const PodArray &other) { append(other.m_data, other.m_size); }
    PodArray(PodArray &&other) noexcept
        : m_data(std::exchange(other.m_data, nullptr)),
          m_size(std::exchange(other.m_size, 0)),
          m_capacity(std::exchange(other.m_capacity, 0)),
          m_ready(std::exchange(other.m_ready, 0)),
          m_mapped(std::exchange(other.m_mapped, false))
    { }
    PodArray &operator=(const PodArray &other)
    {
        if (this != &other) {
            m_size = 0;
            append(other.m_data, other.m_size);
        }
        return *this;
    }
    PodArray &operator=(PodArray &&other) noexcept
    {
        std::swap(m_data, other.m_data);
        std::swap(m_size, other.m_size);
        std::swap(m_capacity, other.m_capacity);
        std::swap(m_ready, other.m_ready);
        std::swap(m_mapped, other.m_mapped);
        return *this;
    }
    ~PodArray() { PodStorage::release(m_data, m_capacity * sizeof(T), m_mapped); }

    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    const T *begin() const { return m_data; }
    const T *end() const { return m_data + m_size; }
    T &operator[](size_t i) { return m_data[i]; }
    const T &operator[](size_t i) const { return m_data[i]; }

    void reserve(size_t capacity)
    {
        if (capacity > m_capacity)
            reallocate(capacity);
    }
    void shrink_to_fit()
    {
        if (m_capacity > m_size)
            reallocate(m_size);
    }
    void resize(size_t size)
    {
        if (size > m_ready)
            prepare(size);
        if (size > m_size)
            std::memset(static_cast<void *>(m_data + m_size), 0, (size - m_size) * sizeof(T));
        m_size = size;
    }
    void push_back(T value)
    {
        if (m_size == m_ready)
            prepare(m_size + 1);
        m_data[m_size++] = value;
    }
    void append(const T *values, size_t count)
    {
        if (count == 0)
            return;
        if (m_size + count > m_ready)
            prepare(m_size + count);
        std::memcpy(static_cast<void *>(m_data + m_size), values, count * sizeof(T));
        m_size += count;
    }
    void reset() { *this = PodArray(); }

private:
    size_t grown(size_t needed) const { return std::max({needed, m_capacity * 2, size_t(16)}); }
    // Makes room for `needed` elements, and for a mapping populates its pages ahead.
    void prepare(size_t needed)
    {
        if (needed > m_capacity)
            reallocate(grown(needed));
        if (!m_mapped || needed <= m_ready)
            return;
        const size_t from = m_ready * sizeof(T);
        const size_t to = std::min(m_capacity * sizeof(T),
                                   std::max(needed * sizeof(T), from + PodStorage::PopulateBytes));
        PodStorage::populate(m_data, from, to);
        m_ready = to / sizeof(T);
    }
    void reallocate(size_t capacity)
    {
        const bool wasMapped = m_mapped;
        size_t bytes = capacity * sizeof(T);
        m_data = static_cast<T *>(PodStorage::resize(m_data, m_capacity * sizeof(T),
                                                     m_size * sizeof(T), &bytes, &m_mapped));
        m_capacity = bytes / sizeof(T); // a mapping's rounding up to whole pages is usable
        // A new mapping has the copied elements' pages; mremap() keeps the populated ones.
        if (!m_mapped)
            m_ready = m_capacity;
        else
            m_ready = std::min(wasMapped ? m_ready : m_size, m_capacity);
    }

    T *m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
    size_t m_ready = 0; // elements writable without page faults: m_capacity unless mapped
    bool m_mapped = false; // m_data is a mapping of its own, not malloc's
};

// One column of a Series: a typed array for the column's type plus a null bitmap.
//
// A column starts as Null and takes the type of its first non-null value. A later value of
// another type widens it: Integer + Float → Float when every integer is exactly representable
// (|v| <= 2^53), Time + String → String (the times are written back as the exact text they
// came from), anything else → Mixed (QVariant per cell). Nulls never change the type.
class Column
{
public:
    // Integers beyond this lose precision as doubles, so such a column becomes Mixed instead.
    static constexpr qint64 MaxExactInteger = qint64(1) << 53;

    Column() = default;
    // A column named "time" turns RFC 3339 strings into Time values.
    explicit Column(bool timeColumn) : m_timeColumn(timeColumn) { }

    ColumnType type() const { return m_type; }
    qsizetype size() const { return m_size; }

    // Reserved for the rows to come; applied once the column knows its type.
    void reserve(qsizetype rows);
    // Gives back the spare capacity of the typed arrays (once a series is complete).
    void squeeze();

    void appendNull();
    void appendInteger(qint64 value);
    // Values above INT64_MAX cannot be Integer; they are kept exact as quint64 in a Mixed column.
    void appendUnsigned(quint64 value);
    void appendFloat(double value);
    void appendBool(bool value);
    // UTF-8 text. In the time column an RFC 3339 text that Timestamp reproduces exactly becomes
    // a Time value; anything else keeps the text (the column becomes String).
    void appendString(std::string_view utf8);
    void appendTime(Timestamp value);
    // Dispatches on the QVariant's type; unknown types go to a Mixed column as they are.
    void appendVariant(const QVariant &value);
    // Appends all cells of other, widening this column's type as needed.
    void append(const Column &other);

    bool isNull(qsizetype row) const
    {
        const auto word = size_t(row) / 64;
        return m_type == ColumnType::Null
                || (word < m_nulls.size() && (m_nulls[word] >> (row % 64)) & 1);
    }
    QVariant value(qsizetype row) const;
    qint64 integerAt(qsizetype row) const { return m_integers[size_t(row)]; }
    double floatAt(qsizetype row) const { return m_floats[size_t(row)]; }
    bool booleanAt(qsizetype row) const { return m_booleans[size_t(row)] != 0; }
    const QString &stringAt(qsizetype row) const { return m_dictionary.at(m_codes[size_t(row)]); }
    std::string_view stringUtf8At(qsizetype row) const { return utf8Of(m_codes[size_t(row)]); }
    Timestamp timeAt(qsizetype row) const
    {
        return Timestamp::fromNanoseconds(m_integers[size_t(row)]);
    }

    qsizetype memoryUsage() const;
    // Same values in every row (Integer 654 equals Float 654.0, as QVariant compares).
    bool equals(const Column &other) const;

private:
    void setNull(qsizetype row);
    void setNullRange(qsizetype from, qsizetype to);
    void becomeTyped(ColumnType type); // from Null: fills the earlier rows with typed nulls
    void convertTo(ColumnType type); // widening; see the class comment
    bool integersFitDouble() const;
    quint32 intern(std::string_view utf8);
    quint32 internTime(Timestamp time); // its RFC 3339 text
    std::string_view utf8Of(quint32 code) const;
    void growLookup();
    void clearDictionary();
    void pushString(std::string_view utf8); // String column, no time detection
    void pushMixed(const QVariant &value);

    ColumnType m_type = ColumnType::Null;
    bool m_timeColumn = false;
    qsizetype m_size = 0;
    qsizetype m_reserve = 0;
    PodArray<quint64> m_nulls; // bit set = null; only as long as the last null needs
    PodArray<qint64> m_integers; // Integer, Time (nanoseconds)
    PodArray<double> m_floats;
    PodArray<quint8> m_booleans;
    PodArray<quint32> m_codes; // String: index into m_dictionary
    QStringList m_dictionary;
    // The lookup from text to code, so that the decoder finds a repeated string straight from
    // the JSON text: the dictionary's UTF-8 back to back, and an open-addressing table of
    // code + 1 (0 = free) that is at most half full. Faster than a node-based hash map, and
    // a repeated value costs no allocation.
    std::string m_utf8;
    std::vector<size_t> m_utf8Ends; // end of each code's text in m_utf8
    std::vector<quint32> m_slots; // size: 0 or a power of two
    std::vector<QVariant> m_mixed;
};

class SeriesData : public QSharedData
{
public:
    QString name;
    QMap<QString, QString> tags;
    QStringList columnNames;
    std::vector<Column> columns;
    qsizetype rows = 0;
    bool truncated = false;

    void setColumns(const QStringList &names);
};

// Builds a Series cell by cell without QVariant; used by the response decoder.
//   builder.start(name, tags, columns);
//   for each row: one append...() per column, then endRow();
//   Series s = builder.take();
class SeriesBuilder
{
public:
    void start(const QString &name, const QMap<QString, QString> &tags, const QStringList &columns);
    // Capacity for the rows about to come.
    void reserve(qsizetype rows);
    // For a "name" or "tags" that follows "values" in the JSON.
    void setName(const QString &name) { m_data->name = name; }
    void setTags(const QMap<QString, QString> &tags) { m_data->tags = tags; }
    qsizetype columnCount() const { return qsizetype(m_data->columns.size()); }
    qsizetype rowCount() const { return m_data->rows; }

    // One call per cell, in column order. Cells beyond columnCount() are ignored.
    void appendNull()
    {
        if (Column *c = next())
            c->appendNull();
    }
    void appendInteger(qint64 value)
    {
        if (Column *c = next())
            c->appendInteger(value);
    }
    void appendUnsigned(quint64 value)
    {
        if (Column *c = next())
            c->appendUnsigned(value);
    }
    void appendFloat(double value)
    {
        if (Column *c = next())
            c->appendFloat(value);
    }
    void appendBool(bool value)
    {
        if (Column *c = next())
            c->appendBool(value);
    }
    void appendString(std::string_view utf8)
    {
        if (Column *c = next())
            c->appendString(utf8);
    }
    void appendTime(Timestamp value)
    {
        if (Column *c = next())
            c->appendTime(value);
    }
    // Completes the row; cells not given are null.
    void endRow();
    // The finished Series; the builder is empty afterwards.
    Series take();

private:
    Column *next()
    {
        return m_cell < m_data->columns.size() ? &m_data->columns[m_cell++] : nullptr;
    }
    QExplicitlySharedDataPointer<SeriesData> m_data {new SeriesData};
    size_t m_cell = 0;
};

} // namespace Influx

#endif // INFLUX_SERIES_P_H
