// SPDX-License-Identifier: MIT
#include "workload.h"

using namespace Qt::StringLiterals;

namespace Bench::Workload {

namespace {

// Deterministic values that look like measurements (no RNG state to share between calls).
double usage(qint64 index, int salt)
{
    const quint64 h = (quint64(index) * 0x9E3779B97F4A7C15ull) ^ (quint64(salt) << 32);
    return double((h >> 11) % 100000) / 1000.0; // 0.000 … 99.999
}

QString status(qint64 index)
{
    if (index % 3 == 0)
        return u"say \"ok\" %1"_s.arg(index % 7);
    return u"ok %1"_s.arg(index % 7);
}

} // namespace

Influx::DataPoint point(qint64 index)
{
    return Influx::DataPoint(
            u"cpu"_s,
            {{u"host"_s, u"host%1"_s.arg(index % 100)}, {u"region"_s, u"r%1"_s.arg(index % 5)}},
            {{u"usage_user"_s, usage(index, 1)},
             {u"usage_system"_s, usage(index, 2)},
             {u"count"_s, qint64(index % 1000)},
             {u"status"_s, status(index)}},
            Influx::Timestamp::fromNanoseconds(StartNs + index * 1'000'000'000));
}

QList<Influx::DataPoint> points(qint64 first, qint64 count)
{
    QList<Influx::DataPoint> result;
    result.reserve(count);
    for (qint64 i = first; i < first + count; ++i)
        result.append(point(i));
    return result;
}

QByteArray lines(qint64 first, qint64 count)
{
    QByteArray out;
    out.reserve(count * 120);
    for (qint64 i = first; i < first + count; ++i) {
        out += point(i).toLineProtocol();
        out += '\n';
    }
    return out;
}

} // namespace Bench::Workload
