// SPDX-License-Identifier: MIT
#ifndef EXPLORER_EXPORTFORMAT_H
#define EXPLORER_EXPORTFORMAT_H

#include "settings/preferences.h"

#include "queryresult.h"

#include <functional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Explorer {

// The file formats of ResultExporter, as plain functions over a QIODevice (no threads here).
//
// CSV (RFC 4180: fields separated by ',', lines ended by CRLF, a field holding ',', '"', CR or
// LF quoted with '"' and its '"' doubled; UTF-8 without BOM), in the influx shell's layout:
//     name,tags,time,usage,host_count
//     cpu,"host=a,region=eu",2016-12-03T19:26:51.053212789Z,0.5,3
// "tags" is the series' tags as k=v joined by ',' (sorted by key; empty without tags). The
// series follow each other; a header line starts the file and is repeated before every series
// whose columns differ from the previous series' columns. Times are
// Preferences::formatTime() (RFC 3339 UTC with every digit by default), floats the shortest
// text that reads back as the same double, null cells empty.
//
// JSON: one InfluxDB /query response document on one line, ended by '\n':
//     {"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},
//       "columns":["time","v"],"values":[["2016-12-03T19:26:51.053212789Z",0.5]]}]}]}
// Times as RFC 3339 UTC with every digit, integers exact, floats the shortest round-trip text
// with ".0" added to integral values (so they read back as floats), messages and statement
// errors as the server writes them. Influx::ResponseDecoder reads it back to equal series.
namespace ExportFormat {

// Called every few thousand rows and at the end with the rows written so far; returning false
// stops the writing (the functions then return false with an empty error).
using Progress = std::function<bool(qint64 rowsWritten)>;

bool writeCsv(QIODevice *device, const QList<Influx::StatementResult> &statements,
              const Preferences &preferences, const Progress &progress, QString *error);
bool writeJson(QIODevice *device, const QList<Influx::StatementResult> &statements,
               const Progress &progress, QString *error);

} // namespace ExportFormat

} // namespace Explorer

#endif // EXPLORER_EXPORTFORMAT_H
