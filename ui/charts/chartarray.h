// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTARRAY_H
#define EXPLORER_CHARTARRAY_H

#include <QtCore/QtGlobal>

#include <memory>
#include <span>
#include <vector>

namespace Explorer {

// A read-only run of values of a chart line: the first size() elements of a shared array.
//
// The array may be longer and grow behind the view's back: ChartDataBuilder appends past the
// end of every ChartArray it handed out and, when the array is full, moves on to a bigger copy
// while the ChartArrays handed out keep the old one. What a ChartArray shows never changes, so
// it can be read on any thread while the builder appends. Copies share the storage.
template<typename T>
class ChartArray
{
public:
    ChartArray() = default;
    // Takes the values over.
    explicit ChartArray(std::vector<T> &&values)
    {
        auto owner = std::make_shared<const std::vector<T>>(std::move(values));
        m_size = qsizetype(owner->size());
        m_storage = std::shared_ptr<const T[]>(owner, owner->data());
    }
    // The first `size` elements of `storage`.
    ChartArray(std::shared_ptr<const T[]> storage, qsizetype size)
        : m_storage(std::move(storage)), m_size(size)
    { }

    qsizetype size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T *data() const { return m_storage.get(); }
    const T *begin() const { return data(); }
    const T *end() const { return data() + m_size; }
    const T &operator[](qsizetype index) const { return data()[index]; }
    const T &front() const { return data()[0]; }
    const T &back() const { return data()[m_size - 1]; }
    std::span<const T> span() const { return {data(), size_t(m_size)}; }
    std::vector<T> toVector() const { return std::vector<T>(begin(), end()); }

private:
    std::shared_ptr<const T[]> m_storage;
    qsizetype m_size = 0;
};

} // namespace Explorer

#endif // EXPLORER_CHARTARRAY_H
