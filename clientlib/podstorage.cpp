// SPDX-License-Identifier: MIT
// The memory behind PodArray (series_p.h): malloc for small blocks, pages of their own that
// grow with mremap() for large ones.
#include "series_p.h"

#include <QtCore/QtGlobal>

#if defined(Q_OS_LINUX)
#    include <sys/mman.h>
#    include <unistd.h>
#    define INFLUX_POD_MREMAP 1
#endif

#include <algorithm>

namespace Influx::PodStorage {

#ifdef INFLUX_POD_MREMAP
namespace {

size_t wholePages(size_t bytes)
{
    static const size_t page = size_t(sysconf(_SC_PAGESIZE));
    return (bytes + page - 1) / page * page;
}

} // namespace
#endif

void *resize(void *data, size_t capacity, size_t used, size_t *bytes, bool *mapped)
{
    const size_t wanted = *bytes;
    if (wanted == 0) {
        release(data, capacity, *mapped);
        *mapped = false;
        return nullptr;
    }
#ifdef INFLUX_POD_MREMAP
    if (wanted >= LargeBytes) {
        const size_t length = wholePages(wanted);
        void *block = nullptr;
        if (*mapped) {
            block = mremap(data, wholePages(capacity), length, MREMAP_MAYMOVE);
        } else {
            block = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                         0);
            if (block != MAP_FAILED) {
                if (used > 0)
                    std::memcpy(block, data, used);
                std::free(data);
            }
        }
        if (block == MAP_FAILED)
            qBadAlloc();
        *mapped = true;
        *bytes = length;
        return block;
    }
    if (*mapped) { // shrinking below LargeBytes: back to malloc
        void *block = std::malloc(wanted);
        if (!block)
            qBadAlloc();
        std::memcpy(block, data, std::min(used, wanted));
        munmap(data, wholePages(capacity));
        *mapped = false;
        return block;
    }
#else
    Q_UNUSED(used)
#endif
    void *block = std::realloc(data, wanted);
    if (!block)
        qBadAlloc();
    return block;
}

void populate(void *data, size_t from, size_t to)
{
#if defined(INFLUX_POD_MREMAP) && defined(MADV_POPULATE_WRITE)
    static const size_t page = size_t(sysconf(_SC_PAGESIZE));
    from = from / page * page; // madvise() wants a page-aligned start
    if (to > from)
        madvise(static_cast<char *>(data) + from, to - from, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(data)
    Q_UNUSED(from)
    Q_UNUSED(to)
#endif
}

void release(void *data, size_t capacity, bool mapped)
{
#ifdef INFLUX_POD_MREMAP
    if (mapped) {
        munmap(data, wholePages(capacity));
        return;
    }
#else
    Q_UNUSED(capacity)
    Q_UNUSED(mapped)
#endif
    std::free(data);
}

} // namespace Influx::PodStorage
