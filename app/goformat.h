// SPDX-License-Identifier: MIT
#ifndef EXPLORER_GOFORMAT_H
#define EXPLORER_GOFORMAT_H

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

// Text the way InfluxDB's Go code writes it. influxd encodes /query responses with Go's
// encoding/json, and the `influx` shell prints the numbers it decoded as json.Number (their
// literal text), so reproducing Go's formatting makes our output match the server's bytes.
namespace Explorer::GoFormat {

// encoding/json's float64 encoding (floatEncoder): the shortest decimal that round-trips,
// 'f' style for 1e-6 <= |x| < 1e21, otherwise exponent style with "e-07" cleaned to "e-7".
// Integral values have no ".0" (654, not 654.0). NaN and infinities (which JSON cannot hold)
// come out as "NaN", "+Inf" and "-Inf", as Go's %v prints them.
void appendFloat(QByteArray &out, double value);
QByteArray formatFloat(double value);
// The same at p, which has room for FloatBound bytes; returns the end.
constexpr qsizetype FloatBound = 32;
char *writeFloat(char *p, double value);

// A JSON string literal as encoding/json writes it with HTML escaping on (json.Marshal, which
// influxd uses): '"' and '\\' escaped, \n \r \t, other control characters and <, >, & as
// \u00XX, U+2028 and U+2029 as \u2028 / \u2029, invalid UTF-8 as \ufffd.
void appendJsonString(QByteArray &out, QByteArrayView utf8);

// One field of a record as encoding/csv's Writer writes it (Comma ',', UseCRLF false):
// quoted when it contains ',', '"', '\r' or '\n', starts with a space character, or is `\.`.
void appendCsvField(QByteArray &out, QByteArrayView field);
// The same at p, which has room for 2 * field.size() + 2 bytes; returns the end.
char *writeCsvField(char *p, QByteArrayView field);

// Unicode code points in UTF-8 text (utf8.RuneCount: an invalid byte counts as one), which
// is what text/tabwriter measures cell widths in.
qsizetype runeCount(QByteArrayView utf8);

} // namespace Explorer::GoFormat

#endif // EXPLORER_GOFORMAT_H
