// SPDX-License-Identifier: MIT
#include "seriessort.h"

#include <algorithm>
#include <numeric>

namespace Explorer {

namespace {

template<typename Key, typename Less>
void sortByKeys(std::vector<int>::iterator begin, std::vector<int>::iterator end,
                const std::vector<Key> &keys, Qt::SortOrder order, Less less)
{
    if (order == Qt::AscendingOrder)
        std::stable_sort(begin, end, [&](int a, int b) { return less(keys[a], keys[b]); });
    else
        std::stable_sort(begin, end, [&](int a, int b) { return less(keys[b], keys[a]); });
}

template<typename Key, typename Read>
std::vector<Key> readKeys(std::vector<int>::iterator begin, std::vector<int>::iterator end,
                          qsizetype rows, Read read)
{
    std::vector<Key> keys(static_cast<size_t>(rows));
    for (auto it = begin; it != end; ++it)
        keys[size_t(*it)] = read(*it);
    return keys;
}

bool variantLess(const QVariant &a, const QVariant &b)
{
    const QPartialOrdering ordering = QVariant::compare(a, b);
    if (ordering == QPartialOrdering::Unordered)
        return a.toString() < b.toString();
    return ordering == QPartialOrdering::Less;
}

// The strings travel with their row numbers, so a comparison reads the two texts and no
// further table (sorting row numbers against a vector of QStrings costs a cache miss more per
// comparison, twice as slow on a million distinct strings). The dictionary hands out shared
// QStrings: one reference per row, no text copied, and repeated values compare by identity.
void sortStrings(const Influx::Series &series, qsizetype column, std::vector<int>::iterator begin,
                 std::vector<int>::iterator end, Qt::SortOrder order)
{
    struct Entry
    {
        quint64 prefix; // the first four UTF-16 code units, in order: decides most comparisons
        QString text;
        int row;
    };
    std::vector<Entry> entries;
    entries.reserve(size_t(end - begin));
    for (auto it = begin; it != end; ++it) {
        QString text = series.stringAt(*it, column);
        quint64 prefix = 0;
        for (qsizetype i = 0; i < 4; ++i)
            prefix = (prefix << 16) | (i < text.size() ? text.at(i).unicode() : 0);
        entries.push_back({prefix, std::move(text), *it});
    }
    const auto less = [](const Entry &a, const Entry &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        return a.text.constData() != b.text.constData() && a.text < b.text;
    };
    if (order == Qt::AscendingOrder)
        std::stable_sort(entries.begin(), entries.end(), less);
    else
        std::stable_sort(entries.begin(), entries.end(),
                         [&](const Entry &a, const Entry &b) { return less(b, a); });
    for (const Entry &entry : entries)
        *begin++ = entry.row;
}

} // namespace

std::vector<int> sortedRowOrder(const Influx::Series &series, qsizetype column, Qt::SortOrder order)
{
    const qsizetype rows = series.rowCount();
    std::vector<int> result(static_cast<size_t>(rows));
    std::iota(result.begin(), result.end(), 0);
    if (column < 0 || column >= series.columnCount())
        return result;
    const auto begin = result.begin();
    const auto end = std::stable_partition(begin, result.end(),
                                           [&](int row) { return !series.isNull(row, column); });
    const auto less = [](const auto &a, const auto &b) { return a < b; };
    using Influx::ColumnType;
    switch (series.columnType(column)) {
    case ColumnType::Null:
        break;
    case ColumnType::Integer:
        sortByKeys(begin, end,
                   readKeys<qint64>(begin, end, rows,
                                    [&](int row) { return series.integerAt(row, column); }),
                   order, less);
        break;
    case ColumnType::Float:
        // Values from JSON are never NaN, so < is a strict weak ordering here.
        sortByKeys(begin, end,
                   readKeys<double>(begin, end, rows,
                                    [&](int row) { return series.floatAt(row, column); }),
                   order, less);
        break;
    case ColumnType::Boolean:
        sortByKeys(begin, end,
                   readKeys<quint8>(begin, end, rows,
                                    [&](int row) { return quint8(series.booleanAt(row, column)); }),
                   order, less);
        break;
    case ColumnType::Time:
        sortByKeys(
                begin, end,
                readKeys<qint64>(begin, end, rows,
                                 [&](int row) { return series.timeAt(row, column).nanoseconds(); }),
                order, less);
        break;
    case ColumnType::String:
        sortStrings(series, column, begin, end, order);
        break;
    case ColumnType::Mixed:
        sortByKeys(begin, end,
                   readKeys<QVariant>(begin, end, rows,
                                      [&](int row) { return series.value(row, column); }),
                   order, variantLess);
        break;
    }
    return result;
}

} // namespace Explorer
