// SPDX-License-Identifier: MIT
// Decoding a chunked /query response: our ResponseDecoder (simdjson, typed columns) against
// what a naive Qt client does (QJsonDocument::fromJson per line, a QVariantList per row).
//
// The body is generated: rows of time (RFC 3339, or epoch=ns integers), float, integer,
// string (20 distinct hosts) and boolean, in documents of 10,000 rows as InfluxDB sends them
// with chunked=true, fed in 64 KiB pieces as QNetworkReply::readyRead would deliver them.
//
//   bench_decoder                                   100k-row cases (the CTest smoke run)
//   bench_decoder --benchmark_filter=rows:1000000   the 1M-row cases (registered only when
//                                                   a filter is given, to keep smoke runs fast)
//
// rows/s is items_per_second, bytes/s is bytes_per_second.

#include "responsedecoder.h"
#include "resultmerger.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <benchmark/benchmark.h>

#include <charconv>
#include <cstring>
#include <map>

using namespace Influx;

namespace {

constexpr qsizetype ChunkRows = 10'000;
constexpr qsizetype ReadSize = 64 * 1024;

enum TimeFormat : int64_t { Rfc3339 = 0, EpochNs = 1 };

QByteArray generateBody(qsizetype rows, TimeFormat format)
{
    QByteArray body;
    body.reserve(rows * 90);
    const qint64 start = 1'546'849'598'178'339'889; // 2019-01-07T08:26:38.178339889Z
    char number[32];
    for (qsizetype first = 0; first < rows; first += ChunkRows) {
        const qsizetype last = std::min(rows, first + ChunkRows);
        const bool partial = last < rows;
        body += R"({"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","usage","count","host","ok"],"values":[)";
        for (qsizetype i = first; i < last; ++i) {
            if (i != first)
                body += ',';
            const Timestamp time = Timestamp::fromNanoseconds(start + i * 1'000'003'117);
            body += '[';
            if (format == Rfc3339)
                body += '"' + time.toRfc3339Utf8() + '"';
            else
                body += QByteArray::number(time.nanoseconds());
            // Floats as Go writes them: shortest round-trip form.
            const double usage = double(i % 100'000) * 0.0137 + 0.001;
            const auto end = std::to_chars(number, number + sizeof number, usage).ptr;
            body += ',' + QByteArray(number, end - number) + ',' + QByteArray::number(i * 7)
                    + ",\"server-" + QByteArray::number(i % 20) + "\"," + (i % 3 ? "true" : "false")
                    + ']';
        }
        body += partial ? R"(],"partial":true}],"partial":true}]})" : "]}]}]}";
        body += '\n';
    }
    return body;
}

const QByteArray &body(qsizetype rows, TimeFormat format)
{
    static std::map<std::pair<qsizetype, int>, QByteArray> cache;
    QByteArray &bytes = cache[{rows, int(format)}];
    if (bytes.isEmpty())
        bytes = generateBody(rows, format);
    return bytes;
}

void setCounters(benchmark::State &state, qsizetype rows, qsizetype bytes)
{
    state.SetItemsProcessed(int64_t(state.iterations()) * rows);
    state.SetBytesProcessed(int64_t(state.iterations()) * bytes);
    state.counters["rows"] = double(rows);
}

// Our decoder alone: documents with typed Series pieces.
void BM_ResponseDecoder(benchmark::State &state)
{
    const qsizetype rows = state.range(0);
    const QByteArray &bytes = body(rows, TimeFormat(state.range(1)));
    for (auto _ : state) {
        ResponseDecoder decoder;
        qsizetype decoded = 0;
        for (qsizetype at = 0; at < bytes.size(); at += ReadSize) {
            if (!decoder.feed(
                        QByteArrayView(bytes).sliced(at, std::min(ReadSize, bytes.size() - at))))
                state.SkipWithError("decoding failed");
            for (const DecodedDocument &document : decoder.takeDocuments())
                decoded += document.results.size();
        }
        decoder.finish();
        benchmark::DoNotOptimize(decoded);
        if (decoder.rowsDecoded() != rows)
            state.SkipWithError("wrong row count");
    }
    setCounters(state, rows, bytes.size());
}

// What the client does: decoder + merger, the partial pieces appended into one Series
// (kept:1, what a results table needs), or handed over and dropped (kept:0,
// QueryReply::setKeepRows(false), what --execute -f csv does).
void BM_ResponseDecoderAndMerger(benchmark::State &state)
{
    const qsizetype rows = state.range(0);
    const QByteArray &bytes = body(rows, TimeFormat(state.range(1)));
    const bool kept = state.range(2) != 0;
    for (auto _ : state) {
        ResponseDecoder decoder;
        ResultMerger merger;
        merger.setKeepRows(kept);
        qsizetype merged = 0;
        for (qsizetype at = 0; at < bytes.size(); at += ReadSize) {
            decoder.feed(QByteArrayView(bytes).sliced(at, std::min(ReadSize, bytes.size() - at)));
            for (DecodedDocument &document : decoder.takeDocuments()) {
                for (const ResultMerger::Update &update : merger.add(std::move(document)))
                    merged += update.piece.rowCount();
            }
        }
        decoder.finish();
        for (DecodedDocument &document : decoder.takeDocuments()) {
            for (const ResultMerger::Update &update : merger.add(std::move(document)))
                merged += update.piece.rowCount();
        }
        merger.finish();
        if (merged != rows || merger.result().rowCount() != (kept ? rows : 0))
            state.SkipWithError("wrong row count");
        state.counters["MB"] = double(merger.result().series().memoryUsage()) / 1e6;
    }
    setCounters(state, rows, bytes.size());
}

// The naive baseline: split at '\n', QJsonDocument per line, a QVariantList per row, partial
// rows appended to the previous series.
void BM_QJsonDocumentBaseline(benchmark::State &state)
{
    struct NaiveSeries
    {
        QString name;
        QStringList columns;
        QList<QVariantList> rows;
    };
    const qsizetype rows = state.range(0);
    const QByteArray &bytes = body(rows, TimeFormat(state.range(1)));
    for (auto _ : state) {
        QByteArray buffer;
        QList<NaiveSeries> result;
        bool lastPartial = false;
        const auto decodeLine = [&](const QByteArray &line) {
            const QJsonDocument document = QJsonDocument::fromJson(line);
            for (const QJsonValue result0 :
                 document.object().value(QLatin1StringView("results")).toArray()) {
                for (const QJsonValue s :
                     result0.toObject().value(QLatin1StringView("series")).toArray()) {
                    const QJsonObject object = s.toObject();
                    if (!lastPartial) {
                        NaiveSeries series;
                        series.name = object.value(QLatin1StringView("name")).toString();
                        for (const QJsonValue column :
                             object.value(QLatin1StringView("columns")).toArray())
                            series.columns.append(column.toString());
                        result.append(series);
                    }
                    NaiveSeries &target = result.last();
                    for (const QJsonValue row : object.value(QLatin1StringView("values")).toArray())
                        target.rows.append(row.toArray().toVariantList());
                    lastPartial = object.value(QLatin1StringView("partial")).toBool();
                }
            }
        };
        for (qsizetype at = 0; at < bytes.size(); at += ReadSize) {
            buffer += QByteArrayView(bytes).sliced(at, std::min(ReadSize, bytes.size() - at));
            qsizetype newline;
            while ((newline = buffer.indexOf('\n')) >= 0) {
                decodeLine(buffer.left(newline));
                buffer.remove(0, newline + 1);
            }
        }
        if (!buffer.isEmpty())
            decodeLine(buffer);
        if (result.isEmpty() || result.first().rows.size() != rows)
            state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(result);
    }
    setCounters(state, rows, bytes.size());
}

void registerBenchmarks(const std::vector<int64_t> &sizes)
{
    for (const int64_t rows : sizes) {
        for (const int64_t format : {int64_t(Rfc3339), int64_t(EpochNs)}) {
            const std::vector<int64_t> args {rows, format};
            benchmark::RegisterBenchmark("BM_ResponseDecoder", BM_ResponseDecoder)
                    ->Args(args)
                    ->ArgNames({"rows", "epoch"})
                    ->Unit(benchmark::kMillisecond);
            for (const int64_t kept : {1, 0}) {
                benchmark::RegisterBenchmark("BM_ResponseDecoderAndMerger",
                                             BM_ResponseDecoderAndMerger)
                        ->Args({rows, format, kept})
                        ->ArgNames({"rows", "epoch", "kept"})
                        ->Unit(benchmark::kMillisecond);
            }
            benchmark::RegisterBenchmark("BM_QJsonDocumentBaseline", BM_QJsonDocumentBaseline)
                    ->Args(args)
                    ->ArgNames({"rows", "epoch"})
                    ->Unit(benchmark::kMillisecond);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    // The 1M-row cases take seconds (mostly the baseline); only a filtered run includes them.
    bool filtered = false;
    for (int i = 1; i < argc; ++i)
        filtered = filtered || std::strncmp(argv[i], "--benchmark_filter", 18) == 0;
#if defined(__SANITIZE_ADDRESS__)
    // Sanitized builds are ~15 times slower: the smoke run stays small.
    const int64_t smokeRows = 10'000;
#else
    const int64_t smokeRows = 100'000;
#endif
    registerBenchmarks(filtered ? std::vector<int64_t> {100'000, 1'000'000}
                                : std::vector<int64_t> {smokeRows});
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
