// SPDX-License-Identifier: MIT
#ifndef INFLUX_RESPONSEDECODER_H
#define INFLUX_RESPONSEDECODER_H

#include "queryresult.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>

namespace Influx {

// One "series" object of a response document (a piece of a series when partial).
struct DecodedSeries
{
    Series series;
    bool partial = false; // more rows of this series follow in a later document
    friend bool operator==(const DecodedSeries &, const DecodedSeries &) = default;
};

// One entry of a document's "results": a statement's result or a chunk of it.
struct DecodedResult
{
    int statementId = 0; // "statement_id"; when absent, the position in "results"
    QList<DecodedSeries> series;
    QList<Message> messages;
    QString error; // the statement's "error", empty when none
    bool partial = false; // more of this statement's result follows
    friend bool operator==(const DecodedResult &, const DecodedResult &) = default;
};

// One JSON document of the body: {"results":[...]} and/or a top-level {"error":"..."}.
struct DecodedDocument
{
    QList<DecodedResult> results;
    QString error;
    friend bool operator==(const DecodedDocument &, const DecodedDocument &) = default;
};

// Incremental decoder of InfluxDB 1.x /query bodies: newline-delimited JSON documents, as the
// server sends them with and without chunked=true. Feed the bytes as they arrive; every
// complete document is decoded at once, so rows are available long before the body ends.
// No threads; the work happens inside feed() and finish().
//
// Values: JSON integers are Integer cells (exact 64-bit); integers above INT64_MAX (unsigned
// fields) stay exact as quint64 in a Mixed column; integers beyond 64 bits (never sent by
// InfluxDB) and numbers with a fraction or exponent are Float cells (parsed exactly, correctly
// rounded); strings are UTF-8 → QString; null is a null cell; true/false are Boolean; a nested
// array or object (never sent by InfluxDB) is kept as its JSON text. RFC 3339 texts in the
// column named "time" become Time cells when the Timestamp reproduces the text exactly,
// otherwise the texts are kept as they are.
//
// Leniency: missing "name", "tags", "columns", "values", "statement_id" are empty/defaults,
// never an error, and the keys may come in any order. Keys the decoder does not use are
// skipped with simdjson On Demand: their UTF-8 and string syntax are checked, their inner
// structure is not.
// Strictness: malformed JSON, invalid UTF-8, trailing data after a document, a document that
// has neither "results" nor "error", a used key with a value of the wrong JSON type, and a row
// whose number of values differs from the number of columns are errors (InfluxDB never sends
// them, so they mean a corrupted or foreign body; padding would silently misalign the data).
// After an error the decoder stays failed: feed() and finish() return false.
class ResponseDecoder
{
public:
    ResponseDecoder();
    ~ResponseDecoder();
    ResponseDecoder(const ResponseDecoder &) = delete;
    ResponseDecoder &operator=(const ResponseDecoder &) = delete;

    // Buffers the bytes and decodes every complete '\n'-terminated document. Blank lines are
    // skipped. False on a malformed document (see errorString()); the documents before it are
    // still available from takeDocuments().
    bool feed(QByteArrayView bytes);
    // The end of the body: decodes a last document that has no '\n'. Empty or blank trailing
    // data is fine; an incomplete document is an error.
    bool finish();
    // The documents decoded since the last call, in order.
    QList<DecodedDocument> takeDocuments();
    bool hasError() const;
    // After false: what was malformed and where (document number, byte offset in the body).
    QString errorString() const;
    qint64 rowsDecoded() const;
    qint64 documentsDecoded() const;
    // Bytes received but not decoded yet (an incomplete document).
    qint64 bytesPending() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Influx

#endif // INFLUX_RESPONSEDECODER_H
