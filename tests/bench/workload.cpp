// SPDX-License-Identifier: MIT
#include "workload.h"

#include "client.h"
#include "localserver.h"

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Bench::Workload {

namespace {

// Deterministic values that look like measurements (no RNG state to share between calls).
double usage(qint64 index, int salt)
{
    const quint64 h = (quint64(index) * 0x9E3779B97F4A7C15ull) ^ (quint64(salt) << 32);
    return double((h >> 11) % 100000) / 1000.0; // 0.000 … 99.999
}

// Waits for reply (running an event loop) and deletes it; false (printed) when it failed.
bool waitAndDelete(Influx::Reply *reply, int timeoutMs, const char *what)
{
    reply->waitForFinished(timeoutMs);
    const Influx::Error error = reply->isFinished()
            ? reply->error()
            : Influx::Error(Influx::Error::Kind::Timeout, u"no answer in time"_s);
    delete reply;
    if (error.isError())
        std::fprintf(stderr, "%s failed: %s\n", what, qPrintable(error.toString()));
    return !error.isError();
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

Influx::PointBatch batch(qint64 first, qint64 count)
{
    using Type = Influx::FieldValue::Type;
    Influx::PointBatch batch(u"cpu"_s);
    const int host = batch.addTagColumn(u"host"_s);
    const int region = batch.addTagColumn(u"region"_s);
    const int user = batch.addFieldColumn(u"usage_user"_s, Type::Float);
    const int system = batch.addFieldColumn(u"usage_system"_s, Type::Float);
    const int counter = batch.addFieldColumn(u"count"_s, Type::Integer);
    const int text = batch.addFieldColumn(u"status"_s, Type::String);
    batch.reserve(count);
    for (qint64 i = first; i < first + count; ++i) {
        const qsizetype row = batch.appendRow();
        batch.setTag(row, host, u"host%1"_s.arg(i % 100));
        batch.setTag(row, region, u"r%1"_s.arg(i % 5));
        batch.setFloat(row, user, usage(i, 1));
        batch.setFloat(row, system, usage(i, 2));
        batch.setInteger(row, counter, i % 1000);
        batch.setString(row, text, status(i));
        batch.setTime(row, Influx::Timestamp::fromNanoseconds(StartNs + i * 1'000'000'000));
    }
    return batch;
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

bool load(Influx::Client &client, qint64 count)
{
    if (!waitAndDelete(client.rawQuery(u"CREATE DATABASE bench"_s), 30000, "CREATE DATABASE"))
        return false;
    for (qint64 first = 0; first < count; first += BatchPoints) {
        if (!waitAndDelete(client.writeLines(lines(first, std::min(BatchPoints, count - first)),
                                             Influx::WriteOptions {.database = u"bench"_s}),
                           120000, "write"))
            return false;
    }
    return true;
}

bool startLoaded(Influx::LocalServer &server, qint64 count)
{
    if (!server.start()) {
        std::fprintf(stderr, "influxd did not start: %s\n", qPrintable(server.errorString()));
        return false;
    }
    Influx::Client client(Influx::ClientOptions {.baseUrls = {server.url()}});
    return load(client, count);
}

} // namespace Bench::Workload
