// SPDX-License-Identifier: MIT
#ifndef INFLUX_LINEPROTOCOL_H
#define INFLUX_LINEPROTOCOL_H

#include "datapoint.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QStringView>

// Internal: InfluxDB 1.x line protocol encoding. Not part of the public API.
//
// The escape helpers only escape (UTF-8 plus backslashes); whether a name or value can be
// written at all is decided by validate()/encodePoints(), which reject instead of writing
// something the server would store differently (see lineprotocol.cpp for the evidence).
namespace Influx {
class PointBatch;
}

namespace Influx::LineProtocol {

// Backslash before ',' and ' '.
QByteArray escapeMeasurement(QStringView name);
// Backslash before ',', '=' and ' '.
QByteArray escapeTagKey(QStringView key);
QByteArray escapeTagValue(QStringView value);
QByteArray escapeFieldKey(QStringView key);
// '"' + text with '"' and '\' backslash-escaped + '"'.
QByteArray quoteFieldString(QStringView text);
// Shortest text that parses back to the same double ("0.1", "1e+21", "-0"); NaN and
// infinity have no line protocol form and must be rejected before.
QByteArray formatFloat(double value);
// A field value as written after "key=": 1.5, 7i, true, "text", or a decimal's text verbatim.
QByteArray formatField(const FieldValue &value);

// Whether text is a number InfluxDB accepts as a float field and that fits a double:
// -?(digits[.digits*]|.digits)([eE][+-]?digits)? with no sign '+', no spaces, no inf/nan.
// Values that underflow are accepted (the server stores them rounded, as every float).
bool isValidDecimal(QStringView text);
// The double a valid decimal stands for (±inf when it overflows); nullopt when invalid.
std::optional<double> decimalToDouble(QStringView text);

// The problem with a point, or no error. Checks everything encodePoints() checks.
Error validate(const DataPoint &point, Precision precision);

// Appends one point (no newline) to out. On a problem returns it and leaves out unchanged.
Error appendPoint(QByteArray &out, const DataPoint &point, Precision precision);

// All points joined with '\n' (no trailing newline). On the first invalid point returns an
// empty array, sets *error (InvalidArgument; detail names the point) and *failedIndex.
QByteArray encodePoints(const QList<DataPoint> &points, Precision precision, Error *error,
                        qsizetype *failedIndex = nullptr);

// The same for a batch: byte for byte what encodePoints(batch.toPoints(), ...) returns, and the
// same error for the first invalid row (*failedRow is its index). Names are escaped and
// checked once per batch, tag values once per distinct value (lineprotocolbatch.cpp).
QByteArray encodeBatch(const PointBatch &batch, Precision precision, Error *error,
                       qsizetype *failedRow = nullptr);

} // namespace Influx::LineProtocol

#endif // INFLUX_LINEPROTOCOL_H
