// SPDX-License-Identifier: MIT
// Fuzzes ResponseDecoder (InfluxDB /query bodies, plain and chunked) and ResultMerger.
//
// Input: two header bytes, then the body. The header chooses how the body is cut into pieces
// (one byte at a time, random lengths, cuts next to each '\n', random lengths with empty
// pieces). Oracle: the body fed in those pieces must decode exactly as the body fed in one
// piece: the same documents (series, rows, cells, messages, errors), the same failure and
// errorString() (which names the document and byte offset), the same counters. Then the
// documents are merged twice, keeping rows and not: the two results must have the same series
// and the updates must account for every kept row. Sanitizers catch memory errors and UB.

#include "responsedecoder.h"
#include "resultmerger.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Influx;
using namespace Qt::StringLiterals;

namespace {

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz_decoder: check failed: %s (line %d)\n", #condition,         \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

struct Outcome
{
    QList<DecodedDocument> documents;
    bool failed = false;
    QString errorString;
    qint64 rows = 0;
    qint64 documentCount = 0;
    qint64 pending = 0;
};

// Decodes body cut at the given lengths (the rest goes in the last piece).
Outcome decode(QByteArrayView body, const QList<qsizetype> &pieces)
{
    ResponseDecoder decoder;
    Outcome outcome;
    qsizetype at = 0;
    bool ok = true;
    for (qsizetype length : pieces) {
        length = std::min(length, body.size() - at);
        ok = decoder.feed(body.sliced(at, length));
        at += length;
        outcome.documents += decoder.takeDocuments();
        if (!ok)
            break;
    }
    if (ok && at < body.size()) {
        ok = decoder.feed(body.sliced(at));
        outcome.documents += decoder.takeDocuments();
    }
    if (ok)
        ok = decoder.finish();
    else
        FUZZ_CHECK(!decoder.finish() && !decoder.feed("{}\n")); // the failure is sticky
    outcome.documents += decoder.takeDocuments();
    FUZZ_CHECK(ok != decoder.hasError());
    outcome.failed = !ok;
    outcome.errorString = decoder.errorString();
    outcome.rows = decoder.rowsDecoded();
    outcome.documentCount = decoder.documentsDecoded();
    outcome.pending = decoder.bytesPending();
    return outcome;
}

// A small deterministic generator: the split points depend on the header only.
struct Lcg
{
    quint32 state;
    quint32 next(quint32 bound)
    {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    }
};

QList<qsizetype> cuts(QByteArrayView body, quint8 mode, quint8 seed)
{
    QList<qsizetype> pieces;
    Lcg random {seed * 2654435761u + 1};
    switch (mode % 4) {
    case 0: // byte at a time
        pieces.fill(1, body.size());
        break;
    case 1: // random lengths up to seed + 1 bytes
        for (qsizetype at = 0; at < body.size();) {
            const qsizetype length = 1 + random.next(quint32(seed) + 1);
            pieces.append(length);
            at += length;
        }
        break;
    case 2: { // next to every newline: just before, at, or just after it
        qsizetype last = 0;
        for (qsizetype i = 0; i < body.size(); ++i) {
            if (body[i] != '\n')
                continue;
            const qsizetype cut =
                    std::clamp<qsizetype>(i + qsizetype(random.next(3)), last, body.size());
            pieces.append(cut - last);
            last = cut;
        }
        break;
    }
    default: // random lengths, empty pieces included
        for (qsizetype at = 0; at < body.size();) {
            const qsizetype length = random.next(8);
            pieces.append(length);
            at += length;
        }
        break;
    }
    return pieces;
}

void checkMerge(const QList<DecodedDocument> &documents)
{
    ResultMerger keeping;
    ResultMerger streaming;
    streaming.setKeepRows(false);
    QMap<std::pair<int, int>, qsizetype> streamedRows; // (statement, series) → rows in updates
    for (const DecodedDocument &document : documents) {
        const QList<ResultMerger::Update> kept = keeping.add(document);
        const QList<ResultMerger::Update> streamed = streaming.add(DecodedDocument(document));
        FUZZ_CHECK(kept.size() == streamed.size());
        for (qsizetype i = 0; i < kept.size(); ++i) {
            FUZZ_CHECK(kept[i].statementIndex == streamed[i].statementIndex);
            FUZZ_CHECK(kept[i].seriesIndex == streamed[i].seriesIndex);
            FUZZ_CHECK(kept[i].firstRow == streamed[i].firstRow);
            FUZZ_CHECK(kept[i].count == streamed[i].count);
            FUZZ_CHECK(kept[i].piece.rowCount() == kept[i].count);
            streamedRows[{kept[i].statementIndex, kept[i].seriesIndex}] += kept[i].count;
        }
        FUZZ_CHECK(keeping.takeFinishedStatements() == streaming.takeFinishedStatements());
    }
    keeping.finish();
    streaming.finish();
    FUZZ_CHECK(keeping.takeFinishedStatements() == streaming.takeFinishedStatements());
    FUZZ_CHECK(keeping.documentError() == streaming.documentError());
    const QList<StatementResult> all = keeping.result().statements();
    const QList<StatementResult> bare = streaming.result().statements();
    FUZZ_CHECK(all.size() == bare.size());
    for (qsizetype s = 0; s < all.size(); ++s) {
        FUZZ_CHECK(all[s].statementId == bare[s].statementId);
        FUZZ_CHECK(all[s].error == bare[s].error);
        FUZZ_CHECK(all[s].messages == bare[s].messages);
        FUZZ_CHECK(all[s].series.size() == bare[s].series.size());
        for (qsizetype i = 0; i < all[s].series.size(); ++i) {
            const Series &full = all[s].series[i];
            FUZZ_CHECK(full.name() == bare[s].series[i].name());
            FUZZ_CHECK(full.tags() == bare[s].series[i].tags());
            // Kept rows: a continuation piece with more columns adds them (Series::appendRows);
            // without rows the series keeps the first piece's. InfluxDB repeats the same ones.
            FUZZ_CHECK(full.columns().mid(0, bare[s].series[i].columnCount())
                       == bare[s].series[i].columns());
            FUZZ_CHECK(bare[s].series[i].rowCount() == 0);
            FUZZ_CHECK(full.rowCount() == streamedRows.value({int(s), int(i)}));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const quint8 mode = data[0];
    const quint8 seed = data[1];
    const QByteArrayView body(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));

    const Outcome whole = decode(body, {});
    const Outcome split = decode(body, cuts(body, mode, seed));
    FUZZ_CHECK(whole.documents == split.documents);
    FUZZ_CHECK(whole.failed == split.failed);
    // The failure names the same document, offset and length however the body was cut. The
    // reason after them is simdjson's, which for a malformed document may depend on the bytes
    // after it in the buffer (the next document's, or stale ones), i.e. on the cuts: known,
    // see the README (Reliability).
    const auto where = [](const QString &error) { return error.section(u"): "_s, 0, 0); };
    if (where(whole.errorString) != where(split.errorString)) {
        std::fprintf(stderr, "in one piece: %s\nin pieces:    %s\n", qPrintable(whole.errorString),
                     qPrintable(split.errorString));
    }
    FUZZ_CHECK(where(whole.errorString) == where(split.errorString));
    // rowsDecoded() includes the rows of a malformed document read before simdjson stopped,
    // and where it stops depends on the cuts too (see above).
    if (!whole.failed)
        FUZZ_CHECK(whole.rows == split.rows);
    FUZZ_CHECK(whole.documentCount == split.documentCount);
    // documentsDecoded() counts the malformed document too (errorString() names it).
    FUZZ_CHECK(whole.documentCount == whole.documents.size() + (whole.failed ? 1 : 0));
    if (!whole.failed)
        FUZZ_CHECK(whole.pending == 0 && split.pending == 0);
    checkMerge(whole.documents);
    return 0;
}
