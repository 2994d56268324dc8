// SPDX-License-Identifier: MIT
// Line-protocol encoding of the issue-5 workload (bench/workload.h), three ways:
//   BM_EncodeBatch    the workload as a PointBatch (columns), LineProtocol::encodeBatch(): what
//                     Client::writeBatch() runs;
//   BM_EncodeLibrary  the same points as QList<DataPoint>, LineProtocol::encodePoints(): what
//                     Client::write()/writeMany() run;
//   BM_EncodeNaiveQt  what a straightforward Qt client does (a QString per line built with
//                     QString::replace for the escapes and QString::number for the values,
//                     then toUtf8()).
// Points are built before the timed loop. Every iteration encodes into a fresh buffer, as a
// real write does, so the page faults of that buffer are part of the figures (encodeBatch
// asks for huge pages; encodePoints grows its buffer by reserve() after the first point).
//
//   bench_encoder                                   100k and 1M points
//   bench_encoder --benchmark_filter=/100000$       100k (the CTest smoke run uses the same)
//   bench_encoder --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// items_per_second is points/s (CPU time of the process). vs_python is the speed as a multiple
// of influxdb-python's 0.15 M points/s measured on this machine (issue 5; Google Benchmark
// prints any rate with "/s": vs_python=22/s means 22 times as fast). The target is ≥ 30, i.e.
// ≥ 4.5 M points/s.
#include "bench/workload.h"
#include "lineprotocol.h"
#include "pointbatch.h"

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;

namespace {

constexpr double PythonPointsPerSecond = 150'000;

void report(benchmark::State &state, qint64 points, qint64 bytes)
{
    state.SetItemsProcessed(state.iterations() * points);
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["vs_python"] = benchmark::Counter(double(points) / PythonPointsPerSecond,
                                                     benchmark::Counter::kIsIterationInvariantRate);
}

void BM_EncodeLibrary(benchmark::State &state)
{
    const QList<Influx::DataPoint> points = Bench::Workload::points(0, state.range(0));
    qint64 bytes = 0;
    for (auto _ : state) {
        Influx::Error error;
        const QByteArray body =
                Influx::LineProtocol::encodePoints(points, Influx::Precision::Nanoseconds, &error);
        bytes = body.size();
        benchmark::DoNotOptimize(body.constData());
    }
    report(state, state.range(0), bytes);
}

// The same points as a PointBatch (columns), filled outside the timed loop as the DataPoints
// are. Every iteration encodes into a fresh buffer, as every real write does: its page faults
// are part of the figure.
void BM_EncodeBatch(benchmark::State &state)
{
    const Influx::PointBatch batch = Bench::Workload::batch(0, state.range(0));
    {
        Influx::Error error;
        const QByteArray expected = Influx::LineProtocol::encodePoints(
                Bench::Workload::points(0, state.range(0)), Influx::Precision::Nanoseconds, &error);
        if (Influx::LineProtocol::encodeBatch(batch, Influx::Precision::Nanoseconds, &error)
            != expected) {
            state.SkipWithError("encodeBatch() differs from encodePoints()");
            return;
        }
    }
    qint64 bytes = 0;
    for (auto _ : state) {
        Influx::Error error;
        const QByteArray body =
                Influx::LineProtocol::encodeBatch(batch, Influx::Precision::Nanoseconds, &error);
        bytes = body.size();
        benchmark::DoNotOptimize(body.constData());
    }
    report(state, state.range(0), bytes);
}

QString naiveEscape(QString text, bool equalsToo)
{
    text.replace(u","_s, u"\\,"_s).replace(u" "_s, u"\\ "_s);
    if (equalsToo)
        text.replace(u"="_s, u"\\="_s);
    return text;
}

QByteArray naiveLine(const Influx::DataPoint &point)
{
    QString line = naiveEscape(point.measurement(), false);
    const Influx::Tags tags = point.tags();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        line += u',' + naiveEscape(it.key(), true) + u'=' + naiveEscape(it.value(), true);
    QStringList fields;
    const Influx::Fields values = point.fields();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const Influx::FieldValue &value = it.value();
        QString text;
        switch (value.type()) {
        case Influx::FieldValue::Type::Float:
            text = QString::number(value.toDouble(), 'g', 17);
            break;
        case Influx::FieldValue::Type::Integer:
            text = QString::number(value.toInteger()) + u'i';
            break;
        case Influx::FieldValue::Type::Boolean:
            text = value.toBool() ? u"true"_s : u"false"_s;
            break;
        default:
            text = u'"'
                    + QString(value.toString())
                              .replace(u"\\"_s, u"\\\\"_s)
                              .replace(u"\""_s, u"\\\""_s)
                    + u'"';
            break;
        }
        fields.append(naiveEscape(it.key(), true) + u'=' + text);
    }
    line += u' ' + fields.join(u',') + u' '
            + QString::number(point.time().timestamp()->nanoseconds());
    return line.toUtf8();
}

void BM_EncodeNaiveQt(benchmark::State &state)
{
    const QList<Influx::DataPoint> points = Bench::Workload::points(0, state.range(0));
    qint64 bytes = 0;
    for (auto _ : state) {
        QByteArray body;
        for (const Influx::DataPoint &point : points) {
            body += naiveLine(point);
            body += '\n';
        }
        bytes = body.size();
        benchmark::DoNotOptimize(body.constData());
    }
    report(state, state.range(0), bytes);
}

} // namespace

BENCHMARK(BM_EncodeLibrary)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeBatch)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeNaiveQt)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
