// SPDX-License-Identifier: MIT
#include "gzip.h"

#include <zlib.h>

#include <limits>

namespace Influx::Gzip {

namespace {
constexpr int GzipWindowBits = 15 + 16; // 15: the largest window; +16: gzip header and trailer
constexpr int AnyHeaderWindowBits = 15 + 32; // inflate: gzip or zlib, detected
} // namespace

QByteArray compress(QByteArrayView data, int level)
{
    z_stream stream {};
    if (deflateInit2(&stream, level, Z_DEFLATED, GzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    // deflateBound() guarantees room for everything in one call (inputs stay far below 4 GiB:
    // the client's write bodies).
    const int status = deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return status == Z_STREAM_END ? out : QByteArray();
}

std::optional<QByteArray> decompress(QByteArrayView data)
{
    z_stream stream {};
    if (inflateInit2(&stream, AnyHeaderWindowBits) != Z_OK)
        return std::nullopt;
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    char buffer[64 * 1024];
    int status = Z_OK;
    while (status != Z_STREAM_END || stream.avail_in > 0) {
        if (status == Z_STREAM_END) // another member follows
            inflateReset(&stream);
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            return std::nullopt; // corrupt, or cut short (Z_BUF_ERROR: no progress possible)
        }
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return out;
}

} // namespace Influx::Gzip
