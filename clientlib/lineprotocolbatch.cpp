// SPDX-License-Identifier: MIT
// LineProtocol::encodeBatch(): a PointBatch as line protocol, byte for byte what encodePoints()
// writes for batch.toPoints(), several times faster.
//
// Names and tag values are escaped and checked once per batch (per distinct tag value), into
// ready-made pieces (",host=web\ 1"); a row is then those pieces copied, its field values
// formatted and its time, with plain pointer writes into one buffer sized for the whole batch.
// The checks are lineprotocol.cpp's (writeChecked(), writableTimes()); a row that fails one
// of them is encoded again as the DataPoint it stands for, through appendPoint(), so that its
// error (and every message) comes from the one implementation of the rules.
#include "lineprotocol.h"

#include "lineprotocol_p.h"
#include "pointbatch_p.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace Influx::LineProtocol {

using namespace Detail;

namespace {

// Bytes copyPiece() may write beyond a piece, in the output and read beyond it in the source.
constexpr qsizetype Slack = 16;

// A piece of up to Slack bytes is copied as one fixed-size block (a couple of vector moves),
// longer ones with memcpy. The caller guarantees Slack readable bytes at src and Slack spare
// bytes at p; the excess is overwritten by what follows.
inline void copyPiece(char *&p, const char *src, qsizetype size)
{
    if (size <= Slack)
        std::memcpy(p, src, Slack);
    else
        std::memcpy(p, src, size_t(size));
    p += size;
}

struct Piece
{
    qsizetype offset = 0; // into Plan::bytes
    qsizetype size = 0;
    bool ok = true; // appendPoint() accepts it
};

struct TagPlan
{
    const quint32 *ids;
    std::vector<Piece> entries; // by id; entries[0] (absent) is empty
    qsizetype maxSize = 0;
};

struct FieldPlan
{
    FieldValue::Type type;
    Piece key; // "key="
    const quint8 *present;
    // The column's values: one of these is set, by type.
    const double *floats = nullptr;
    const qint64 *integers = nullptr;
    const quint8 *booleans = nullptr;
    const PointBatchText *strings = nullptr;
    QStringView text;
};

// Everything about a batch that does not depend on the row.
struct Plan
{
    QByteArray bytes; // the pieces, then Slack bytes of padding
    Piece measurement;
    std::vector<TagPlan> tags; // sorted by key
    std::vector<FieldPlan> fields; // sorted by key
    qsizetype rowBound = 0; // bytes a row takes at most, strings' characters apart
    qsizetype textBound = 0; // bytes all string characters take at most
    Precision precision = Precision::Nanoseconds;
    TimeRange times {0, 0}; // writable values in precision
};

Piece addPiece(QByteArray &bytes, QByteArrayView prefix, QStringView text, Part part,
               QByteArrayView suffix)
{
    Piece piece;
    piece.offset = bytes.size();
    bytes.resize(piece.offset + prefix.size() + escapedBound(text) + suffix.size());
    char *p = bytes.data() + piece.offset;
    if (!prefix.isEmpty())
        std::memcpy(p, prefix.data(), size_t(prefix.size()));
    p += prefix.size();
    piece.ok = writeChecked(p, text, part);
    if (!suffix.isEmpty())
        std::memcpy(p, suffix.data(), size_t(suffix.size()));
    p += suffix.size();
    bytes.resize(p - bytes.constData());
    piece.size = bytes.size() - piece.offset;
    return piece;
}

template<typename Column>
std::vector<const Column *> sortedByKey(const QList<Column> &columns)
{
    std::vector<const Column *> sorted;
    for (const Column &column : columns)
        sorted.push_back(&column);
    // QMap's order, which DataPoint writes its tags and fields in.
    std::sort(sorted.begin(), sorted.end(),
              [](const Column *a, const Column *b) { return a->key < b->key; });
    return sorted;
}

qsizetype valueBound(FieldValue::Type type)
{
    switch (type) {
    case FieldValue::Type::Float:
        return FloatBound;
    case FieldValue::Type::Integer:
        return IntegerBound + 1; // 'i'
    case FieldValue::Type::Boolean:
        return 5;
    case FieldValue::Type::String:
        return 2; // the quotes; the characters count in textBound
    case FieldValue::Type::Decimal:
        break;
    }
    return 0;
}

Plan makePlan(const PointBatchData &b, Precision precision)
{
    Plan plan;
    plan.precision = precision;
    plan.times = writableTimes(precision);
    plan.measurement = addPiece(plan.bytes, {}, b.measurement, Part::Measurement, {});
    plan.rowBound = plan.measurement.size + 1 + IntegerBound + 1; // " time" '\n'

    for (const PointBatchTagColumn *column : sortedByKey(b.tags)) {
        TagPlan tag;
        tag.ids = column->ids.constData();
        // ",key=" once; each value's piece repeats it, so that a row copies one piece per tag.
        QByteArray key;
        const Piece keyPiece = addPiece(key, ",", column->key, Part::TagKey, "=");
        tag.entries.resize(size_t(column->values.size()) + 1);
        for (qsizetype i = 0; i < column->values.size(); ++i) {
            Piece &entry = tag.entries[size_t(i) + 1];
            entry = addPiece(plan.bytes, key, column->values.at(i), Part::TagValue, {});
            entry.ok = entry.ok && keyPiece.ok;
            tag.maxSize = std::max(tag.maxSize, entry.size);
        }
        plan.rowBound += tag.maxSize;
        plan.tags.push_back(std::move(tag));
    }
    for (const PointBatchFieldColumn *column : sortedByKey(b.fields)) {
        FieldPlan field {column->type, addPiece(plan.bytes, {}, column->key, Part::FieldKey, "="),
                         column->present.constData()};
        field.floats = column->floats.constData();
        field.integers = column->integers.constData();
        field.booleans = column->booleans.constData();
        field.strings = column->strings.constData();
        field.text = column->text;
        plan.rowBound += 1 + field.key.size + valueBound(column->type); // ' ' or ','
        plan.fields.push_back(field);
        if (column->type == FieldValue::Type::String)
            plan.textBound += escapedBound(column->text);
    }
    plan.bytes.append(Slack, '\0');
    return plan;
}

// Writes row at p; false (p unspecified) when a check fails.
bool writeRow(char *&p, const Plan &plan, const PointBatchData &b, qsizetype row)
{
    const char *const bytes = plan.bytes.constData();
    if (!plan.measurement.ok)
        return false;
    copyPiece(p, bytes + plan.measurement.offset, plan.measurement.size);
    for (const TagPlan &tag : plan.tags) {
        const Piece &entry = tag.entries[tag.ids[row]];
        if (!entry.ok)
            return false;
        copyPiece(p, bytes + entry.offset, entry.size);
    }
    char separator = ' ';
    for (const FieldPlan &field : plan.fields) {
        if (!field.present[row])
            continue;
        if (!field.key.ok)
            return false;
        *p++ = separator;
        separator = ',';
        copyPiece(p, bytes + field.key.offset, field.key.size);
        switch (field.type) {
        case FieldValue::Type::Float: {
            const double value = field.floats[row];
            if (!std::isfinite(value))
                return false;
            writeFloat(p, value);
            break;
        }
        case FieldValue::Type::Integer:
            writeInteger(p, field.integers[row]);
            *p++ = 'i';
            break;
        case FieldValue::Type::Boolean:
            if (field.booleans[row]) {
                std::memcpy(p, "true", 4);
                p += 4;
            } else {
                std::memcpy(p, "false", 5);
                p += 5;
            }
            break;
        case FieldValue::Type::String: {
            const PointBatchText text = field.strings[row];
            *p++ = '"';
            if (!writeChecked(p, field.text.sliced(text.offset, text.size), Part::StringValue))
                return false;
            *p++ = '"';
            break;
        }
        case FieldValue::Type::Decimal:
            return false;
        }
    }
    if (separator == ' ')
        return false; // no field
    qint64 time = b.times.constData()[row];
    switch (b.timeKinds.constData()[row]) {
    case PointBatchTime::None:
        return true;
    case PointBatchTime::Timestamp:
        if (plan.precision != Precision::Nanoseconds)
            time = Timestamp::fromNanoseconds(time).toPrecision(plan.precision);
        break;
    case PointBatchTime::Raw:
        break;
    }
    if (!plan.times.contains(time))
        return false;
    *p++ = ' ';
    writeInteger(p, time);
    return true;
}

} // namespace

QByteArray encodeBatch(const PointBatch &batch, Precision precision, Error *error,
                       qsizetype *failedRow)
{
    if (failedRow)
        *failedRow = -1;
    if (error)
        *error = Error();
    const PointBatchData &b = PointBatchData::get(batch);
    if (b.rows == 0)
        return QByteArray();

    const Plan plan = makePlan(b, precision);
    QByteArray out(plan.rowBound * b.rows + plan.textBound + Slack, Qt::Uninitialized);
    adviseHugePages(out.data(), out.size());
    char *p = out.data();
    for (qsizetype row = 0; row < b.rows; ++row) {
        char *const start = p;
        if (!writeRow(p, plan, b, row)) {
            // The DataPoint path decides: it names the problem, or writes the row after all.
            QByteArray line;
            if (Error e = appendPoint(line, batch.point(row), precision)) {
                if (b.rows > 1)
                    e.setDetail(u"point %1 of %2"_s.arg(row + 1).arg(b.rows));
                if (error)
                    *error = e;
                if (failedRow)
                    *failedRow = row;
                return QByteArray();
            }
            p = start;
            const qsizetype used = p - out.constData();
            if (used + line.size() + 1 + Slack > out.size()) {
                out.resize(used + line.size() + 1 + Slack + plan.rowBound * (b.rows - row)
                           + plan.textBound);
                p = out.data() + used;
            }
            std::memcpy(p, line.constData(), size_t(line.size()));
            p += line.size();
        }
        *p++ = '\n';
    }
    out.truncate(p - out.constData() - 1); // no newline after the last point
    return out;
}

} // namespace Influx::LineProtocol
