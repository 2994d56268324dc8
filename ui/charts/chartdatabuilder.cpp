// SPDX-License-Identifier: MIT
#include "charts/chartdatabuilder.h"

#include <QtCore/QThreadPool>

#include <algorithm>
#include <cstdlib>
#include <limits>

#ifdef Q_OS_LINUX
#    include <sys/mman.h>
#    include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// A page fault costs 30-40 µs on the 2-core VM the benchmarks run on (a 2 MB huge page about as
// much as one 4 KB page): appending a million rows to fresh 4 KB pages costs the GUI thread
// about 300 ms. Arrays beyond SmallCapacity elements therefore live in huge pages (where Linux
// gives them: MADV_HUGEPAGE); below it they grow by 4 in ordinary memory, so that the many short
// series of a GROUP BY do not take 2 MB each.
//
// Beyond SmallCapacity an array also stops moving: it is a reservation of address space for
// ReservedBytes (MAP_NORESERVE: no memory until written), so it grows in place and is never
// copied again. Copying doubled arrays cost the GUI thread 57-106 ms stalls at a million rows
// (four fresh 8-16 MB arrays faulted in and filled in one append). Where the reservation is
// refused (vm.overcommit_memory=2), arrays double in huge pages as before.
//
// A reservation's pages are faulted in ahead of the writes by a worker thread
// (MADV_POPULATE_WRITE, PopulateAhead bytes at a time): a huge page's fault costs about 10 ms
// on this VM (zeroing, compaction), four arrays crossing a huge page in the same append made
// 40-55 ms stalls.
constexpr qsizetype MinCapacity = 4096;
constexpr qsizetype SmallCapacity = 65536;
constexpr size_t HugePage = size_t(2) << 20;
constexpr size_t ReservedBytes = size_t(16) << 30; // 2^31 values: more rows than a result has
constexpr size_t PopulateAhead = 2 * HugePage;

template<typename T>
std::shared_ptr<T[]> allocate(qsizetype count, bool huge)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    if (huge) {
        const size_t bytes = (size_t(count) * sizeof(T) + HugePage - 1) / HugePage * HugePage;
        if (void *memory = std::aligned_alloc(HugePage, bytes)) {
            madvise(memory, bytes, MADV_HUGEPAGE); // on failure: small pages, as new[] has
            return std::shared_ptr<T[]>(static_cast<T *>(memory), [](T *p) { std::free(p); });
        }
    }
#else
    Q_UNUSED(huge);
#endif
    return std::shared_ptr<T[]>(new T[size_t(count)]);
}

// ReservedBytes of address space starting at a huge-page boundary; null when refused.
template<typename T>
std::shared_ptr<T[]> reserve()
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE) && defined(MAP_NORESERVE)
    const size_t length = ReservedBytes + HugePage; // room to align the start
    void *block = mmap(nullptr, length, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (block == MAP_FAILED)
        return {};
    const auto start = (quintptr(block) + HugePage - 1) / HugePage * HugePage;
    // Not the first 2 MB: the move from the small array writes there on the GUI thread, where
    // a huge page's fault costs about 10 ms (four arrays moving in one append: 61-91 ms).
    madvise(reinterpret_cast<void *>(start + HugePage), ReservedBytes - HugePage, MADV_HUGEPAGE);
    return std::shared_ptr<T[]>(reinterpret_cast<T *>(start),
                                [block, length](T *) { munmap(block, length); });
#else
    return {};
#endif
}

size_t pageSize()
{
#ifdef Q_OS_LINUX
    static const size_t page = size_t(sysconf(_SC_PAGESIZE));
    return page;
#else
    return 4096;
#endif
}

// Faults [from, to) of `storage` in on a worker; `storage` is kept alive meanwhile.
template<typename T>
void populateAsync(std::shared_ptr<T[]> storage, size_t from, size_t to)
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    QThreadPool::globalInstance()->start([storage = std::move(storage), from, to] {
        // A huge page at a time: the call holds the process's mmap lock, and a page fault or an
        // mmap() of the GUI thread could queue behind a long one.
        for (size_t at = from; at < to; at = std::min(to, (at / HugePage + 1) * HugePage))
            madvise(reinterpret_cast<char *>(storage.get()) + at,
                    std::min(to, (at / HugePage + 1) * HugePage) - at, MADV_POPULATE_WRITE);
    });
#else
    Q_UNUSED(storage);
    Q_UNUSED(from);
    Q_UNUSED(to);
#endif
}

} // namespace

template<typename T>
void ChartDataBuilder::Array<T>::reserve(qsizetype used, qsizetype needed)
{
    if (inPlace && needed <= capacity) {
        // Half a window before the writes reach unpopulated pages, the next window is faulted
        // in on a worker. (The GUI thread only waits if it catches up with it.)
        const size_t end = size_t(needed) * sizeof(T);
        if (end + PopulateAhead / 2 > populated && populated < ReservedBytes) {
            const size_t to =
                    std::min(ReservedBytes, (end + PopulateAhead) / HugePage * HugePage + HugePage);
            populateAsync(storage, populated, to);
            populated = to;
        }
        return;
    }
    if (!inPlace && !next && needed > SmallCapacity / 4 * 3) {
        // A quarter before the small array is full, the reservation it will move to is made and
        // the pages the move writes are faulted in on a worker: 4 KB page faults cost 30-40 us
        // each here, 17-20 ms for four arrays moving in one append. (A series that stops
        // before 65,536 rows leaves 512 KB of it unused.)
        next = Explorer::reserve<T>();
        if (next) {
            nextPopulated = size_t(SmallCapacity) * sizeof(T);
            populateAsync(next, 0, nextPopulated);
        }
    }
    if (needed <= capacity)
        return;
    if (needed > SmallCapacity && !inPlace) {
        std::shared_ptr<T[]> reserved = next ? std::move(next) : Explorer::reserve<T>();
        if (reserved) {
            if (used > 0)
                std::copy_n(storage.get(), used, reserved.get());
            storage = std::move(reserved); // snapshots keep the old array
            capacity = qsizetype(ReservedBytes / sizeof(T));
            inPlace = true;
            // The pages just written are there; the next ones come from a worker.
            populated =
                    std::max(nextPopulated,
                             (size_t(used) * sizeof(T) + pageSize() - 1) / pageSize() * pageSize());
            if (needed <= capacity)
                return reserve(used, needed);
        }
    }
    if (inPlace)
        qBadAlloc(); // more than 2^31 rows in one series
    // Doubling (beyond SmallCapacity): a million rows cost about as much copying as one more
    // array of them.
    const bool huge = needed > SmallCapacity;
    qsizetype grown = huge ? std::max(needed, 2 * capacity)
                           : std::min(std::max({needed, 4 * capacity, MinCapacity}), SmallCapacity);
    if (huge) {
        const auto perPage = qsizetype(HugePage / sizeof(T));
        grown = (grown + perPage - 1) / perPage * perPage;
    }
    std::shared_ptr<T[]> bigger = allocate<T>(grown, huge);
    if (used > 0)
        std::copy_n(storage.get(), used, bigger.get());
    storage = std::move(bigger); // snapshots keep the old array
    capacity = grown;
}

ChartDataBuilder::ChartDataBuilder(std::optional<Influx::Precision> epoch) : m_epoch(epoch)
{ }

bool ChartDataBuilder::fail()
{
    m_exact = false;
    return false;
}

// Follows the columns' types as the merger widened them; false when that cannot be followed.
bool ChartDataBuilder::updateColumns(SeriesState &state, const Influx::Series &series)
{
    using Influx::ColumnType;
    if (ChartData::timeColumnOf(series) != state.timeColumn)
        return false;
    const ColumnType timeType = series.columnType(state.timeColumn);
    if (timeType != state.timeType) {
        // RFC 3339 times joined by texts keep their texts: the times parse as before.
        const bool same = state.timeType == ColumnType::Null
                || (state.timeType == ColumnType::Time && timeType == ColumnType::String);
        if (!same)
            return false;
        state.timeType = timeType;
    }

    const QStringList names = series.columns();
    if (names.size() < state.columns.size())
        return false;
    state.columns.resize(names.size()); // extra columns of a later piece: null before
    for (qsizetype c = 0; c < names.size(); ++c) {
        Column &column = state.columns[c];
        column.name = names.at(c);
        const ColumnType type = series.columnType(c);
        if (c == state.timeColumn || type == column.type)
            continue;
        const bool wasCharted = ChartData::isCharted(column.type);
        if (ChartData::isCharted(type)) {
            if (!wasCharted && column.type != ColumnType::Null)
                return false; // never happens: no type widens into a number
            if (!wasCharted) {
                // Null so far: NaN for the rows before.
                column.values.reserve(0, std::max(state.size, qsizetype(1)));
                std::fill_n(column.values.storage.get(), state.size,
                            std::numeric_limits<double>::quiet_NaN());
            }
            // Integer → Float keeps the values: the integers were exact as doubles.
        } else if (wasCharted) {
            column.values = {}; // turned mixed: skipped, as fromResult() skips it
        }
        column.type = type;
    }
    return true;
}

bool ChartDataBuilder::append(int statementIndex, int seriesIndex, const Influx::Series &series,
                              qsizetype firstRow, qsizetype count)
{
    if (!m_exact)
        return false;
    const std::pair key {statementIndex, seriesIndex};
    auto it = m_series.find(key);
    if (it == m_series.end()) {
        if (firstRow != 0)
            return fail();
        SeriesState state;
        state.name = series.name();
        state.tags = series.tags();
        state.title = ChartData::seriesTitle(state.name, state.tags);
        state.timeColumn = ChartData::timeColumnOf(series);
        it = m_series.emplace(key, std::move(state)).first;
    }
    SeriesState &state = it->second;
    if (firstRow != state.rowsTaken || firstRow + count > series.rowCount() || count < 0)
        return fail();
    state.rowsTaken += count;
    m_rows += count;
    if (state.timeColumn < 0)
        return true; // no line, as in fromResult()
    if (!updateColumns(state, series))
        return fail();

    struct Target
    {
        qsizetype column;
        Column *state;
        double *values;
    };
    std::vector<Target> charted;
    state.times.reserve(state.size, state.size + count);
    for (qsizetype c = 0; c < state.columns.size(); ++c) {
        Column &column = state.columns[c];
        if (c != state.timeColumn && ChartData::isCharted(column.type)) {
            column.values.reserve(state.size, state.size + count);
            charted.push_back({c, &column, column.values.storage.get()});
        }
    }

    const qint64 unitNs =
            Influx::nanosecondsPerUnit(m_epoch.value_or(Influx::Precision::Nanoseconds));
    qint64 *times = state.times.storage.get();
    for (qsizetype row = firstRow; row < firstRow + count; ++row) {
        const auto ns = ChartData::timeOf(series, row, state.timeColumn, state.timeType, unitNs);
        if (!ns)
            continue; // dropped, as fromResult() drops it
        if (state.size > 0 && *ns < times[state.size - 1])
            return fail(); // fromResult() sorts: the lines would differ
        const qsizetype at = state.size++;
        times[at] = *ns;
        for (const Target &target : charted) {
            if (series.isNull(row, target.column)) {
                target.values[at] = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            target.values[at] = series.floatAt(row, target.column);
            if (target.state->valueCount++ == 0)
                target.state->firstNs = *ns;
            target.state->lastNs = *ns;
        }
    }
    return true;
}

ChartData ChartDataBuilder::snapshot() const
{
    ChartData data;
    for (const auto &[key, state] : m_series) {
        if (state.timeColumn < 0)
            continue;
        std::shared_ptr<const ChartArray<qint64>> times;
        for (qsizetype c = 0; c < state.columns.size(); ++c) {
            if (c == state.timeColumn)
                continue;
            const Column &column = state.columns.at(c);
            if (!ChartData::isCharted(column.type)) {
                data.m_skipped.append(
                        ChartData::skippedText(state.title, column.name, column.type));
                continue;
            }
            if (!times)
                times = std::make_shared<const ChartArray<qint64>>(state.times.storage, state.size);
            ChartData::Line line;
            line.name = state.title + u" \u00B7 "_s + column.name;
            line.measurement = state.name;
            line.tags = state.tags;
            line.field = column.name;
            line.integerField = column.type == Influx::ColumnType::Integer;
            line.times = times;
            line.values =
                    std::make_shared<const ChartArray<double>>(column.values.storage, state.size);
            line.valueCount = column.valueCount;
            line.firstNs = column.firstNs;
            line.lastNs = column.lastNs;
            data.m_lines.append(std::move(line));
        }
    }
    return data;
}

} // namespace Explorer
