// SPDX-License-Identifier: MIT
// The typed column storage behind Series (see series_p.h).

#include "series_p.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace Influx {

namespace {

QByteArrayView view(std::string_view text)
{
    return QByteArrayView(text.data(), qsizetype(text.size()));
}

// Go's RFC3339Nano in UTC, the only form Timestamp::toRfc3339Utf8() writes:
// "YYYY-MM-DDTHH:MM:SS[.f]Z" with 1-9 fraction digits and no trailing zero. Checking the form
// is enough once fromRfc3339() accepted the text, because it rejects out-of-range fields
// instead of normalising them, so the digits are the ones formatting gives back (tst_series
// pins the edge cases). It replaces formatting every row again: a quarter of the decode time.
bool isCanonicalUtc(std::string_view text)
{
    const size_t n = text.size();
    if (n < 20 || text[10] != 'T' || text[n - 1] != 'Z')
        return false;
    return n == 20 || (text[19] == '.' && n >= 22 && n <= 30 && text[n - 2] != '0');
}

// A time text becomes a Timestamp only when formatting the Timestamp gives back the very same
// text: then the column can always reproduce what the server sent (a tz() offset, or a
// non-canonical fraction, would not survive the round trip).
std::optional<Timestamp> exactTime(std::string_view utf8)
{
    if (!isCanonicalUtc(utf8))
        return std::nullopt;
    const auto time = Timestamp::fromRfc3339(view(utf8));
    Q_ASSERT(!time || QByteArrayView(time->toRfc3339Utf8()) == view(utf8));
    return time;
}

bool fitsDouble(qint64 value)
{
    return value >= -Column::MaxExactInteger && value <= Column::MaxExactInteger;
}

// The type a column must have to hold the values of columns of types a and b; Float only when
// the integers are exact as doubles (checked by the caller through integersExact).
ColumnType widened(ColumnType a, ColumnType b, bool integersExact)
{
    if (a == b || b == ColumnType::Null)
        return a;
    if (a == ColumnType::Null)
        return b;
    const auto pair = [&](ColumnType x, ColumnType y) {
        return (a == x && b == y) || (a == y && b == x);
    };
    if (pair(ColumnType::Integer, ColumnType::Float))
        return integersExact ? ColumnType::Float : ColumnType::Mixed;
    if (pair(ColumnType::Time, ColumnType::String))
        return ColumnType::String;
    return ColumnType::Mixed;
}

} // namespace

void Column::reserve(qsizetype rows)
{
    m_reserve = m_size + rows;
    const auto n = size_t(m_reserve);
    switch (m_type) {
    case ColumnType::Null:
        break; // applied by becomeTyped()
    case ColumnType::Integer:
    case ColumnType::Time:
        m_integers.reserve(n);
        break;
    case ColumnType::Float:
        m_floats.reserve(n);
        break;
    case ColumnType::Boolean:
        m_booleans.reserve(n);
        break;
    case ColumnType::String:
        m_codes.reserve(n);
        break;
    case ColumnType::Mixed:
        m_mixed.reserve(n);
        break;
    }
}

void Column::squeeze()
{
    m_reserve = 0;
    m_nulls.shrink_to_fit();
    m_integers.shrink_to_fit();
    m_floats.shrink_to_fit();
    m_booleans.shrink_to_fit();
    m_codes.shrink_to_fit();
    m_mixed.shrink_to_fit();
}

void Column::setNull(qsizetype row)
{
    const auto word = size_t(row) / 64;
    if (word >= m_nulls.size())
        m_nulls.resize(word + 1);
    m_nulls[word] |= quint64(1) << (row % 64);
}

void Column::setNullRange(qsizetype from, qsizetype to)
{
    for (qsizetype row = from; row < to; ++row)
        setNull(row);
}

void Column::becomeTyped(ColumnType type)
{
    Q_ASSERT(m_type == ColumnType::Null);
    m_type = type;
    const auto n = size_t(m_size);
    const auto capacity = std::max(n, size_t(m_reserve));
    switch (type) {
    case ColumnType::Null:
        break;
    case ColumnType::Integer:
    case ColumnType::Time:
        m_integers.reserve(capacity);
        m_integers.resize(n);
        break;
    case ColumnType::Float:
        m_floats.reserve(capacity);
        m_floats.resize(n);
        break;
    case ColumnType::Boolean:
        m_booleans.reserve(capacity);
        m_booleans.resize(n);
        break;
    case ColumnType::String:
        m_codes.reserve(capacity);
        m_codes.resize(n);
        break;
    case ColumnType::Mixed:
        m_mixed.reserve(capacity);
        m_mixed.resize(n);
        break;
    }
    setNullRange(0, m_size);
}

bool Column::integersFitDouble() const
{
    return std::all_of(m_integers.begin(), m_integers.end(), fitsDouble);
}

void Column::convertTo(ColumnType type)
{
    if (type == m_type)
        return;
    if (m_type == ColumnType::Null) {
        becomeTyped(type);
        return;
    }
    if (type == ColumnType::Mixed) {
        std::vector<QVariant> mixed;
        mixed.reserve(std::max(size_t(m_size), size_t(m_reserve)));
        for (qsizetype row = 0; row < m_size; ++row)
            mixed.push_back(value(row));
        m_integers.reset();
        m_floats.reset();
        m_booleans.reset();
        m_codes.reset();
        clearDictionary();
        m_type = ColumnType::Mixed;
        m_mixed = std::move(mixed);
        return;
    }
    if (m_type == ColumnType::Integer && type == ColumnType::Float) {
        Q_ASSERT(integersFitDouble());
        m_floats.reserve(std::max(m_integers.size(), size_t(m_reserve)));
        for (qint64 v : m_integers)
            m_floats.push_back(double(v));
        m_integers.reset();
        m_type = ColumnType::Float;
        return;
    }
    if (m_type == ColumnType::Time && type == ColumnType::String) {
        m_type = ColumnType::String;
        m_codes.reserve(std::max(m_integers.size(), size_t(m_reserve)));
        for (qsizetype row = 0; row < m_size; ++row) {
            const auto ns = m_integers[size_t(row)];
            m_codes.push_back(isNull(row) ? 0 : internTime(Timestamp::fromNanoseconds(ns)));
        }
        m_integers.reset();
        return;
    }
    Q_UNREACHABLE();
}

std::string_view Column::utf8Of(quint32 code) const
{
    const size_t begin = code ? m_utf8Ends[code - 1] : 0;
    return std::string_view(m_utf8).substr(begin, m_utf8Ends[code] - begin);
}

quint32 Column::intern(std::string_view utf8)
{
    if (m_slots.empty())
        m_slots.assign(16, 0);
    const size_t mask = m_slots.size() - 1;
    size_t i = qHash(view(utf8)) & mask;
    for (quint32 slot; (slot = m_slots[i]) != 0; i = (i + 1) & mask) {
        if (utf8Of(slot - 1) == utf8)
            return slot - 1;
    }
    const auto code = quint32(m_dictionary.size());
    m_dictionary.append(stringFromUtf8(utf8));
    m_utf8.append(utf8);
    m_utf8Ends.push_back(m_utf8.size());
    m_slots[i] = code + 1;
    if (size_t(code + 1) * 2 > m_slots.size())
        growLookup();
    return code;
}

void Column::growLookup()
{
    std::vector<quint32> table(m_slots.size() * 2, 0);
    const size_t mask = table.size() - 1;
    for (quint32 code = 0; code < quint32(m_dictionary.size()); ++code) {
        size_t i = qHash(view(utf8Of(code))) & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = code + 1;
    }
    m_slots = std::move(table);
}

void Column::clearDictionary()
{
    m_dictionary.clear();
    m_utf8 = {};
    m_utf8Ends = {};
    m_slots = {};
}

quint32 Column::internTime(Timestamp time)
{
    const QByteArray text = time.toRfc3339Utf8();
    return intern(std::string_view(text.constData(), size_t(text.size())));
}

void Column::pushString(std::string_view utf8)
{
    m_codes.push_back(intern(utf8));
}

void Column::pushMixed(const QVariant &value)
{
    if (!value.isValid())
        setNull(m_size);
    m_mixed.push_back(value);
}

void Column::appendNull()
{
    switch (m_type) {
    case ColumnType::Null:
        break;
    case ColumnType::Integer:
    case ColumnType::Time:
        m_integers.push_back(0);
        break;
    case ColumnType::Float:
        m_floats.push_back(0);
        break;
    case ColumnType::Boolean:
        m_booleans.push_back(0);
        break;
    case ColumnType::String:
        m_codes.push_back(0);
        break;
    case ColumnType::Mixed:
        m_mixed.emplace_back();
        break;
    }
    if (m_type != ColumnType::Null)
        setNull(m_size);
    ++m_size;
}

void Column::appendInteger(qint64 value)
{
    if (m_type == ColumnType::Null)
        becomeTyped(ColumnType::Integer);
    if (m_type == ColumnType::Integer)
        m_integers.push_back(value);
    else if (m_type == ColumnType::Float && fitsDouble(value))
        m_floats.push_back(double(value));
    else {
        convertTo(ColumnType::Mixed);
        m_mixed.emplace_back(QVariant::fromValue(value));
    }
    ++m_size;
}

void Column::appendUnsigned(quint64 value)
{
    if (value <= quint64(std::numeric_limits<qint64>::max())) {
        appendInteger(qint64(value));
        return;
    }
    convertTo(ColumnType::Mixed);
    m_mixed.emplace_back(QVariant::fromValue(value));
    ++m_size;
}

void Column::appendFloat(double value)
{
    if (m_type == ColumnType::Null)
        becomeTyped(ColumnType::Float);
    else if (m_type == ColumnType::Integer)
        convertTo(integersFitDouble() ? ColumnType::Float : ColumnType::Mixed);
    if (m_type == ColumnType::Float) {
        m_floats.push_back(value);
    } else {
        convertTo(ColumnType::Mixed);
        m_mixed.emplace_back(value);
    }
    ++m_size;
}

void Column::appendBool(bool value)
{
    if (m_type == ColumnType::Null)
        becomeTyped(ColumnType::Boolean);
    if (m_type == ColumnType::Boolean) {
        m_booleans.push_back(value ? 1 : 0);
    } else {
        convertTo(ColumnType::Mixed);
        m_mixed.emplace_back(value);
    }
    ++m_size;
}

void Column::appendString(std::string_view utf8)
{
    if (m_timeColumn && (m_type == ColumnType::Null || m_type == ColumnType::Time)) {
        if (const auto time = exactTime(utf8)) {
            appendTime(*time);
            return;
        }
    }
    if (m_type == ColumnType::Null)
        becomeTyped(ColumnType::String);
    else if (m_type == ColumnType::Time)
        convertTo(ColumnType::String);
    if (m_type == ColumnType::String) {
        pushString(utf8);
    } else {
        convertTo(ColumnType::Mixed);
        m_mixed.emplace_back(stringFromUtf8(utf8));
    }
    ++m_size;
}

void Column::appendTime(Timestamp value)
{
    if (m_type == ColumnType::Null)
        becomeTyped(ColumnType::Time);
    if (m_type == ColumnType::Time) {
        m_integers.push_back(value.nanoseconds());
    } else if (m_type == ColumnType::String) {
        m_codes.push_back(internTime(value));
    } else {
        convertTo(ColumnType::Mixed);
        m_mixed.emplace_back(QVariant::fromValue(value));
    }
    ++m_size;
}

void Column::appendVariant(const QVariant &value)
{
    const QMetaType type = value.metaType();
    if (!value.isValid() || type.id() == QMetaType::Nullptr) {
        appendNull();
        return;
    }
    switch (type.id()) {
    case QMetaType::Bool:
        appendBool(value.toBool());
        return;
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::SChar:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
        appendInteger(value.toLongLong());
        return;
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        appendUnsigned(value.toULongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        appendFloat(value.toDouble());
        return;
    case QMetaType::QString: {
        const QByteArray utf8 = value.toString().toUtf8();
        appendString(std::string_view(utf8.constData(), size_t(utf8.size())));
        return;
    }
    default:
        break;
    }
    if (type == QMetaType::fromType<Timestamp>()) {
        appendTime(value.value<Timestamp>());
        return;
    }
    convertTo(ColumnType::Mixed);
    m_mixed.push_back(value);
    ++m_size;
}

void Column::append(const Column &other)
{
    if (other.m_size == 0)
        return;
    // Only Integer + Float needs the (full) scan of the integers.
    const bool mixesNumbers = (m_type == ColumnType::Integer && other.m_type == ColumnType::Float)
            || (m_type == ColumnType::Float && other.m_type == ColumnType::Integer);
    const bool exact = !mixesNumbers
            || (m_type == ColumnType::Integer ? integersFitDouble() : other.integersFitDouble());
    const ColumnType target = widened(m_type, other.m_type, exact);
    convertTo(target);
    const qsizetype base = m_size;
    if (other.m_type == target) {
        // Same type: copy the arrays in one go, remapping string codes to our dictionary.
        switch (target) {
        case ColumnType::Null:
            break;
        case ColumnType::Integer:
        case ColumnType::Time:
            m_integers.append(other.m_integers.begin(), other.m_integers.size());
            break;
        case ColumnType::Float:
            m_floats.append(other.m_floats.begin(), other.m_floats.size());
            break;
        case ColumnType::Boolean:
            m_booleans.append(other.m_booleans.begin(), other.m_booleans.size());
            break;
        case ColumnType::String: {
            std::vector<quint32> remap;
            remap.reserve(size_t(other.m_dictionary.size()));
            for (quint32 code = 0; code < quint32(other.m_dictionary.size()); ++code)
                remap.push_back(intern(other.utf8Of(code)));
            for (qsizetype row = 0; row < other.m_size; ++row)
                m_codes.push_back(other.isNull(row) ? 0 : remap[other.m_codes[size_t(row)]]);
            break;
        }
        case ColumnType::Mixed:
            m_mixed.insert(m_mixed.end(), other.m_mixed.begin(), other.m_mixed.end());
            break;
        }
        m_size += other.m_size;
        if (target == ColumnType::Null)
            return;
        for (size_t word = 0; word < other.m_nulls.size(); ++word) {
            for (quint64 bits = other.m_nulls[word]; bits; bits &= bits - 1)
                setNull(base + qsizetype(word * 64) + std::countr_zero(bits));
        }
        return;
    }
    // Different types: convert cell by cell (this column already has the wider type).
    for (qsizetype row = 0; row < other.m_size; ++row) {
        if (other.isNull(row)) {
            appendNull();
        } else if (target == ColumnType::Mixed) {
            m_mixed.push_back(other.value(row));
            ++m_size;
        } else if (target == ColumnType::Float) {
            appendFloat(double(other.m_integers[size_t(row)]));
        } else {
            Q_ASSERT(target == ColumnType::String);
            appendTime(other.timeAt(row)); // a String column stores the time's exact text
        }
    }
}

QVariant Column::value(qsizetype row) const
{
    if (row < 0 || row >= m_size || isNull(row))
        return {};
    const auto i = size_t(row);
    switch (m_type) {
    case ColumnType::Null:
        return {};
    case ColumnType::Integer:
        return QVariant::fromValue(m_integers[i]);
    case ColumnType::Float:
        return QVariant(m_floats[i]);
    case ColumnType::Boolean:
        return QVariant(m_booleans[i] != 0);
    case ColumnType::String:
        return QVariant(m_dictionary.at(m_codes[i]));
    case ColumnType::Time:
        return QVariant::fromValue(Timestamp::fromNanoseconds(m_integers[i]));
    case ColumnType::Mixed:
        return m_mixed[i];
    }
    return {};
}

qsizetype Column::memoryUsage() const
{
    size_t bytes = m_nulls.capacity() * sizeof(quint64) + m_integers.capacity() * sizeof(qint64)
            + m_floats.capacity() * sizeof(double) + m_booleans.capacity()
            + m_codes.capacity() * sizeof(quint32) + m_mixed.capacity() * sizeof(QVariant);
    for (const QString &text : m_dictionary)
        bytes += sizeof(QString) + size_t(text.capacity()) * sizeof(QChar);
    bytes += m_utf8.capacity() + m_utf8Ends.capacity() * sizeof(size_t)
            + m_slots.capacity() * sizeof(quint32);
    for (const QVariant &cell : m_mixed) {
        if (cell.metaType() == QMetaType::fromType<QString>())
            bytes += size_t(static_cast<const QString *>(cell.constData())->capacity())
                    * sizeof(QChar);
    }
    return qsizetype(bytes);
}

bool Column::equals(const Column &other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_type == other.m_type && m_type != ColumnType::String && m_type != ColumnType::Mixed) {
        for (qsizetype row = 0; row < m_size; ++row) {
            const bool null = isNull(row);
            if (null != other.isNull(row))
                return false;
            if (null)
                continue;
            const auto i = size_t(row);
            switch (m_type) {
            case ColumnType::Integer:
            case ColumnType::Time:
                if (m_integers[i] != other.m_integers[i])
                    return false;
                break;
            case ColumnType::Float:
                if (m_floats[i] != other.m_floats[i])
                    return false;
                break;
            case ColumnType::Boolean:
                if (m_booleans[i] != other.m_booleans[i])
                    return false;
                break;
            default:
                break;
            }
        }
        return true;
    }
    for (qsizetype row = 0; row < m_size; ++row) {
        if (value(row) != other.value(row))
            return false;
    }
    return true;
}

} // namespace Influx
