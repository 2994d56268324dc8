// SPDX-License-Identifier: MIT
#ifndef INFLUX_GZIP_H
#define INFLUX_GZIP_H

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <optional>

// The gzip format (RFC 1952) through zlib, for HTTP Content-Encoding: gzip. Qt's qCompress()
// writes zlib's own format with a length prefix, which servers do not accept.
namespace Influx::Gzip {

// Level 1: line protocol shrinks about 5 times at ~100 MB/s, where the default level 6 saves
// little more for several times the CPU.
QByteArray compress(QByteArrayView data, int level = 1);
// Every member of a gzip stream, concatenated; nullopt when the data is not valid gzip.
std::optional<QByteArray> decompress(QByteArrayView data);

} // namespace Influx::Gzip

#endif // INFLUX_GZIP_H
