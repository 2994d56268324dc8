// SPDX-License-Identifier: MIT
#ifndef EXPLORER_STRICTLINEPARSER_H
#define EXPLORER_STRICTLINEPARSER_H

#include "datapoint.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>
#include <utility>

// A strict parser of one InfluxDB 1.x line-protocol line, written for the tests (the encoder
// fuzzer parses every line the library writes back with it). Independent of the library's
// encoder: it reads the wire text as InfluxDB 1.6 does and rejects everything the server would
// refuse or store differently from the text (the evidence is in clientlib/lineprotocol.cpp),
// plus anything a careful encoder never writes:
//
// - the line: valid UTF-8, no '\n' or '\r', no leading or trailing text;
// - measurement: '\,' and '\ ' are escapes, other backslashes literal; not empty, not starting
//   with '#', tab or NUL;
// - tag keys and values, field keys: '\,' '\=' '\ ' are escapes; a tag key ends at '=', a tag
//   value at ',' or ' ' (a bare '=' in a tag value is rejected); not empty; key "time" rejected;
//   duplicate keys rejected; at least one field;
// - names (measurement, field keys) whose text has a backslash right before ' ', ',', '=' or
//   '"', tags whose text has one right before ' ', and any text ending in a backslash: rejected
//   (InfluxDB unescapes them differently);
// - field values: "string" with only \" and \\ as escapes (a lone backslash is rejected);
//   booleans t T true True TRUE f F false False FALSE; integers -?digits followed by 'i' within
//   64 bits; floats -?(d+[.d*]|.d+)([eE][+-]?d+)? that fit a double (no '+', inf, nan, hex);
// - an optional timestamp: ' ' then -?digits within 64 bits, at the end of the line.
namespace StrictLineProtocol {

struct Point
{
    QString measurement;
    QList<std::pair<QString, QString>> tags; // in the order of the line
    QList<std::pair<QString, Influx::FieldValue>> fields; // in the order of the line
    std::optional<qint64> time;
};

// The point on the line, or nullopt with *error saying what is wrong and where.
std::optional<Point> parse(QByteArrayView line, QString *error = nullptr);

} // namespace StrictLineProtocol

#endif // EXPLORER_STRICTLINEPARSER_H
