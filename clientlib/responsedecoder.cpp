// SPDX-License-Identifier: MIT
#include "responsedecoder.h"
#include "series_p.h"

#include <simdjson.h>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace Influx {

namespace {

QString toQString(std::string_view utf8)
{
    return stringFromUtf8(utf8);
}

QString quoted(std::string_view key)
{
    return u'"' + toQString(key) + u'"';
}

bool isBlank(const char *begin, const char *end)
{
    for (const char *p = begin; p != end; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            return false;
    }
    return true;
}

} // namespace

namespace od = simdjson::ondemand;

struct ResponseDecoder::Private
{
    // The body bytes not yet decoded, with SIMDJSON_PADDING spare bytes behind them so the
    // parser reads every document in place: no copy per document.
    std::unique_ptr<char[]> buffer;
    qsizetype capacity = 0; // data capacity; the allocation has SIMDJSON_PADDING more
    qsizetype used = 0;
    // Where the search for '\n' continues: a huge document arriving in small pieces is scanned
    // once, not once per piece.
    qsizetype scanned = 0;
    qint64 bufferOffset = 0; // offset of buffer[0] in the body

    // On Demand rather than DOM: it walks the text once instead of building a tape first and
    // then walking the tape (as fast with RFC 3339 times, ~20% faster with epoch=ns in
    // tests/bench_decoder.cpp against a DOM version of this decoder), and it reads integers
    // beyond 64 bits where DOM fails.
    // Parsers are reused: their buffers grow to the largest document once.
    od::parser parser;
    od::parser valuesParser; // for a "values" that precedes "columns" (never from InfluxDB)
    SeriesBuilder builder;
    QList<DecodedDocument> documents;
    QString error;
    qint64 rows = 0;
    qint64 documentCount = 0;

    // Context of the document being decoded, for error messages.
    qint64 documentStart = 0;
    qint64 documentEnd = 0;
    bool atEnd = false; // decoding what finish() found after the last '\n'

    void append(QByteArrayView bytes);
    bool decodeLines();
    void discard(qsizetype count);
    bool decode(const char *data, qsizetype size);
    bool fail(const QString &what);
    bool failJson(simdjson::error_code code);
    bool failType(simdjson::error_code code, const QString &what);
    bool decodeDocument(od::document &document);
    bool decodeResult(od::object object, qsizetype index, DecodedResult &result);
    bool decodeSeries(od::object object, DecodedSeries &piece);
    bool decodeRows(od::array values, const QString &name);
    bool decodeMessage(od::object object, Message &message);
    bool getString(od::value &value, std::string_view key, QString &out);
};

void ResponseDecoder::Private::append(QByteArrayView bytes)
{
    const qsizetype needed = used + bytes.size();
    if (needed > capacity) {
        const qsizetype newCapacity =
                std::max(needed, std::max<qsizetype>(capacity * 2, 64 * 1024));
        std::unique_ptr<char[]> grown(new char[size_t(newCapacity) + simdjson::SIMDJSON_PADDING]);
        if (used)
            std::memcpy(grown.get(), buffer.get(), size_t(used));
        buffer = std::move(grown);
        capacity = newCapacity;
    }
    if (!bytes.isEmpty())
        std::memcpy(buffer.get() + used, bytes.data(), size_t(bytes.size()));
    used = needed;
}

bool ResponseDecoder::Private::decodeLines()
{
    qsizetype start = 0;
    while (scanned < used) {
        const char *base = buffer.get();
        const void *newline = std::memchr(base + scanned, '\n', size_t(used - scanned));
        if (!newline) {
            scanned = used;
            break;
        }
        const qsizetype end = static_cast<const char *>(newline) - base;
        documentStart = bufferOffset + start;
        documentEnd = bufferOffset + end;
        if (!decode(base + start, end - start))
            return false;
        start = end + 1;
        scanned = start;
    }
    discard(start);
    return true;
}

// Drops the decoded documents from the front of the buffer. Only the incomplete document
// behind them moves, and it moves at most once: it is at the front afterwards.
void ResponseDecoder::Private::discard(qsizetype count)
{
    if (count == 0)
        return;
    std::memmove(buffer.get(), buffer.get() + count, size_t(used - count));
    used -= count;
    scanned -= count;
    bufferOffset += count;
}

bool ResponseDecoder::Private::fail(const QString &what)
{
    // The last document may simply be cut short: say that it had no '\n'.
    error = u"malformed response: document %1 (at byte offset %2, %3 bytes%4): %5"_s
                    .arg(documentCount)
                    .arg(documentStart)
                    .arg(documentEnd - documentStart)
                    .arg(atEnd ? u", not terminated by '\\n' before the end of the body"_s
                               : QString())
                    .arg(what);
    return false;
}

bool ResponseDecoder::Private::failJson(simdjson::error_code code)
{
    return fail(QString::fromUtf8(simdjson::error_message(code)));
}

// A value of the wrong JSON type gets our description; anything else is malformed JSON.
bool ResponseDecoder::Private::failType(simdjson::error_code code, const QString &what)
{
    return code == simdjson::INCORRECT_TYPE ? fail(what) : failJson(code);
}

bool ResponseDecoder::Private::decode(const char *data, qsizetype size)
{
    if (isBlank(data, data + size))
        return true;
    ++documentCount;
    od::document document;
    // The buffer has SIMDJSON_PADDING allocated bytes after any document in it.
    if (const auto code =
                parser.iterate(data, size_t(size), size_t(size) + simdjson::SIMDJSON_PADDING)
                        .get(document)) {
        return failJson(code);
    }
    return decodeDocument(document);
}

bool ResponseDecoder::Private::getString(od::value &value, std::string_view key, QString &out)
{
    std::string_view text;
    if (const auto code = value.get_string().get(text))
        return failType(code, quoted(key) + u" is not a string"_s);
    out = toQString(text);
    return true;
}

bool ResponseDecoder::Private::decodeDocument(od::document &document)
{
    od::object object;
    if (const auto code = document.get_object().get(object))
        return failType(code, u"not a JSON object"_s);
    DecodedDocument decoded;
    bool known = false;
    for (auto item : object) {
        od::field field;
        if (const auto code = std::move(item).get(field))
            return failJson(code);
        if (field.key() == "results") {
            known = true;
            od::array results;
            if (const auto code = field.value().get_array().get(results))
                return failType(code, u"\"results\" is not an array"_s);
            qsizetype index = 0;
            for (auto element : results) {
                od::object result;
                if (const auto code = element.get_object().get(result))
                    return failType(code, u"result %1 is not an object"_s.arg(index));
                if (!decodeResult(result, index++, decoded.results.emplace_back()))
                    return false;
            }
        } else if (field.key() == "error") {
            known = true;
            if (!getString(field.value(), "error", decoded.error))
                return false;
        }
    }
    // On Demand reads lazily: make sure the object was closed and nothing follows it.
    if (document.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return failJson(simdjson::TRAILING_CONTENT);
    if (!known)
        return fail(u"neither \"results\" nor \"error\" in the document"_s);
    documents.append(std::move(decoded));
    return true;
}

bool ResponseDecoder::Private::decodeResult(od::object object, qsizetype index,
                                            DecodedResult &result)
{
    result.statementId = int(index);
    for (auto item : object) {
        od::field field;
        if (const auto code = std::move(item).get(field))
            return failJson(code);
        const od::raw_json_string key = field.key();
        if (key == "statement_id") {
            int64_t id = 0;
            if (const auto code = field.value().get_int64().get(id))
                return failType(code, u"\"statement_id\" is not an integer"_s);
            result.statementId = int(id);
        } else if (key == "series") {
            od::array list;
            if (const auto code = field.value().get_array().get(list))
                return failType(code, u"\"series\" is not an array"_s);
            for (auto element : list) {
                od::object series;
                if (const auto code = element.get_object().get(series))
                    return failType(code, u"a series is not an object"_s);
                if (!decodeSeries(series, result.series.emplace_back()))
                    return false;
            }
        } else if (key == "messages") {
            od::array list;
            if (const auto code = field.value().get_array().get(list))
                return failType(code, u"\"messages\" is not an array"_s);
            for (auto element : list) {
                od::object message;
                if (const auto code = element.get_object().get(message))
                    return failType(code, u"a message is not an object"_s);
                if (!decodeMessage(message, result.messages.emplace_back()))
                    return false;
            }
        } else if (key == "error") {
            if (!getString(field.value(), "error", result.error))
                return false;
        } else if (key == "partial") {
            if (const auto code = field.value().get_bool().get(result.partial))
                return failType(code, u"\"partial\" is not a boolean"_s);
        }
    }
    return true;
}

bool ResponseDecoder::Private::decodeMessage(od::object object, Message &message)
{
    for (auto item : object) {
        od::field field;
        if (const auto code = std::move(item).get(field))
            return failJson(code);
        if (field.key() == "level") {
            if (!getString(field.value(), "level", message.level))
                return false;
        } else if (field.key() == "text") {
            if (!getString(field.value(), "text", message.text))
                return false;
        }
    }
    return true;
}

bool ResponseDecoder::Private::decodeSeries(od::object object, DecodedSeries &piece)
{
    QString name;
    QMap<QString, QString> tags;
    QStringList columns;
    bool started = false;
    std::string_view laterValues; // the text of a "values" that came before "columns"
    for (auto item : object) {
        od::field field;
        if (const auto code = std::move(item).get(field))
            return failJson(code);
        const od::raw_json_string key = field.key();
        if (key == "name") {
            if (!getString(field.value(), "name", name))
                return false;
        } else if (key == "tags") {
            od::object tagObject;
            if (const auto code = field.value().get_object().get(tagObject))
                return failType(code, u"\"tags\" is not an object"_s);
            for (auto tagItem : tagObject) {
                od::field tag;
                std::string_view tagKey;
                if (const auto code = std::move(tagItem).get(tag))
                    return failJson(code);
                if (const auto code = tag.unescaped_key().get(tagKey))
                    return failJson(code);
                const QString tagName = toQString(tagKey); // before the value overwrites it
                QString value; // null (never sent by InfluxDB) is an empty value
                bool isNull = false;
                if (const auto code = tag.value().is_null().get(isNull))
                    return failJson(code);
                if (!isNull && !getString(tag.value(), tagKey, value))
                    return false;
                tags.insert(tagName, value);
            }
        } else if (key == "columns") {
            od::array list;
            if (const auto code = field.value().get_array().get(list))
                return failType(code, u"\"columns\" is not an array"_s);
            for (auto column : list) {
                std::string_view text;
                if (const auto code = column.get_string().get(text))
                    return failType(code, u"a column name is not a string"_s);
                columns.append(toQString(text));
            }
        } else if (key == "values") {
            od::array values;
            if (const auto code = field.value().get_array().get(values))
                return failType(code, u"\"values\" is not an array"_s);
            if (!columns.isEmpty() || started) {
                builder.start(QString(), {}, columns);
                started = true;
                if (!decodeRows(values, name))
                    return false;
            } else if (const auto code = values.raw_json().get(laterValues)) {
                return failJson(code);
            }
        } else if (key == "partial") {
            if (const auto code = field.value().get_bool().get(piece.partial))
                return failType(code, u"\"partial\" of a series is not a boolean"_s);
        }
    }
    if (!started) {
        builder.start(QString(), {}, columns);
        if (!laterValues.empty()) {
            // The text lies inside our buffer, so the padding behind it is readable too.
            od::document document;
            od::array values;
            if (const auto code = valuesParser
                                          .iterate(laterValues.data(), laterValues.size(),
                                                   laterValues.size() + simdjson::SIMDJSON_PADDING)
                                          .get(document)) {
                return failJson(code);
            }
            if (const auto code = document.get_array().get(values))
                return failJson(code);
            if (!decodeRows(values, name))
                return false;
        }
    }
    builder.setName(name);
    builder.setTags(tags);
    piece.series = builder.take();
    return true;
}

bool ResponseDecoder::Private::decodeRows(od::array values, const QString &name)
{
    const auto columnCount = size_t(builder.columnCount());
    // Counting first (a quick skip over the structure) sizes the columns exactly: no growth
    // copies, no spare capacity.
    size_t count = 0;
    if (const auto code = values.count_elements().get(count))
        return failJson(code);
    builder.reserve(qsizetype(count));
    qint64 rowIndex = 0;
    for (auto rowItem : values) {
        od::array row;
        if (const auto code = rowItem.get_array().get(row)) {
            return failType(code,
                            u"row %1 of series \"%2\" is not an array"_s.arg(rowIndex).arg(name));
        }
        size_t cells = 0;
        for (auto cellItem : row) {
            od::value cell;
            if (const auto code = std::move(cellItem).get(cell))
                return failJson(code);
            if (++cells > columnCount)
                continue; // counted for the error below, not decoded
            od::json_type type;
            if (const auto code = cell.type().get(type))
                return failJson(code);
            simdjson::error_code code = simdjson::SUCCESS;
            switch (type) {
            case od::json_type::number: {
                // Go writes the float -0.0 as "-0", which parses as the integer 0.
                const bool negativeZero = cell.raw_json_token().substr(0, 2) == "-0";
                od::number number;
                if ((code = cell.get_number().get(number))) {
                    // An integer beyond 64 bits (never sent by InfluxDB): the nearest double,
                    // as JavaScript's JSON.parse gives.
                    double value = 0;
                    if (code == simdjson::NUMBER_ERROR && !(code = cell.get_double().get(value)))
                        builder.appendFloat(value);
                    break;
                }
                switch (number.get_number_type()) {
                case od::number_type::signed_integer:
                    if (negativeZero && number.get_int64() == 0)
                        builder.appendFloat(-0.0);
                    else
                        builder.appendInteger(number.get_int64());
                    break;
                case od::number_type::unsigned_integer:
                    builder.appendUnsigned(number.get_uint64());
                    break;
                case od::number_type::floating_point_number:
                    builder.appendFloat(number.get_double());
                    break;
                }
                break;
            }
            case od::json_type::string: {
                std::string_view text;
                if (!(code = cell.get_string().get(text)))
                    builder.appendString(text);
                break;
            }
            case od::json_type::boolean: {
                bool value = false;
                if (!(code = cell.get_bool().get(value)))
                    builder.appendBool(value);
                break;
            }
            case od::json_type::null: {
                bool isNull = false;
                if (!(code = cell.is_null().get(isNull)) && !isNull)
                    code = simdjson::N_ATOM_ERROR;
                if (!code)
                    builder.appendNull();
                break;
            }
            case od::json_type::array: {
                od::array nested;
                std::string_view text;
                if (!(code = cell.get_array().get(nested)) && !(code = nested.raw_json().get(text)))
                    builder.appendString(text);
                break;
            }
            case od::json_type::object: {
                od::object nested;
                std::string_view text;
                if (!(code = cell.get_object().get(nested))
                    && !(code = nested.raw_json().get(text)))
                    builder.appendString(text);
                break;
            }
            }
            if (code)
                return failJson(code);
        }
        if (cells != columnCount) {
            return fail(u"row %1 of series \"%2\" has %3 values for %4 columns"_s.arg(rowIndex)
                                .arg(name)
                                .arg(cells)
                                .arg(columnCount));
        }
        builder.endRow();
        ++rowIndex;
    }
    rows += rowIndex;
    return true;
}

// ---- ResponseDecoder ----

ResponseDecoder::ResponseDecoder() : d(std::make_unique<Private>())
{ }

ResponseDecoder::~ResponseDecoder() = default;

bool ResponseDecoder::feed(QByteArrayView bytes)
{
    if (!d->error.isEmpty())
        return false;
    d->append(bytes);
    return d->decodeLines();
}

bool ResponseDecoder::finish()
{
    if (!d->error.isEmpty())
        return false;
    if (!d->decodeLines())
        return false;
    // What is left has no '\n': the last document of a body without a final newline.
    d->documentStart = d->bufferOffset;
    d->documentEnd = d->bufferOffset + d->used;
    d->atEnd = true;
    const bool ok = d->decode(d->buffer.get(), d->used);
    if (ok)
        d->discard(d->used);
    return ok;
}

QList<DecodedDocument> ResponseDecoder::takeDocuments()
{
    return std::exchange(d->documents, {});
}

bool ResponseDecoder::hasError() const
{
    return !d->error.isEmpty();
}

QString ResponseDecoder::errorString() const
{
    return d->error;
}

qint64 ResponseDecoder::rowsDecoded() const
{
    return d->rows;
}

qint64 ResponseDecoder::documentsDecoded() const
{
    return d->documentCount;
}

qint64 ResponseDecoder::bytesPending() const
{
    return d->used;
}

} // namespace Influx
