// SPDX-License-Identifier: MIT
#include "goformat.h"

#include "shortestdecimal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

namespace Explorer::GoFormat {

namespace {

// Decodes one UTF-8 sequence starting at text[i]. Returns the code point and its length, or
// U+FFFD with length 1 for an invalid byte (as Go's utf8.DecodeRune does).
std::pair<char32_t, qsizetype> decodeRune(QByteArrayView text, qsizetype i)
{
    const auto byte = [&](qsizetype k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    const qsizetype left = text.size() - i;
    const auto cont = [&](qsizetype k) { return k < left && (byte(i + k) & 0xC0) == 0x80; };
    if (b0 < 0x80)
        return {b0, 1};
    if (b0 >= 0xC2 && b0 <= 0xDF && cont(1))
        return {char32_t((b0 & 0x1F) << 6 | (byte(i + 1) & 0x3F)), 2};
    if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
        const char32_t c = (b0 & 0x0F) << 12 | (byte(i + 1) & 0x3F) << 6 | (byte(i + 2) & 0x3F);
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF))
            return {c, 3};
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        const char32_t c = (b0 & 0x07) << 18 | (byte(i + 1) & 0x3F) << 12
                | (byte(i + 2) & 0x3F) << 6 | (byte(i + 3) & 0x3F);
        if (c >= 0x10000 && c <= 0x10FFFF)
            return {c, 4};
    }
    return {0xFFFD, 1};
}

// unicode.IsSpace
bool isGoSpace(char32_t c)
{
    switch (c) {
    case U'\t':
    case U'\n':
    case U'\v':
    case U'\f':
    case U'\r':
    case U' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

} // namespace

// Built in place and appended once: this runs for every float cell of a result, and each small
// QByteArray append costs a call and a capacity check. The longest output is 24 bytes
// ("-1.2345678901234567e-308"; the 'f' layout stays under 1e21 and above 1e-6).
char *writeFloat(char *p, double value)
{
    const auto put = [&p](std::string_view text) {
        std::memcpy(p, text.data(), text.size());
        p += text.size();
    };
    if (std::isnan(value)) {
        put("NaN");
        return p;
    }
    if (std::isinf(value)) {
        put(value > 0 ? "+Inf" : "-Inf");
        return p;
    }
    // The shortest round-trip digits and the scientific exponent (value = d.ddd × 10^exponent),
    // like Go's strconv with precision -1: the fast path for the usual values, else
    // std::to_chars in scientific form. Its fixed form would not do (it prints the exact binary
    // value of large numbers: 123456789012345683968 where Go writes 123456789012345680000), so
    // the 'f' layout is built from the shortest digits here, as Go's fmtF does.
    const bool negative = std::signbit(value);
    char digits[24];
    qsizetype digitCount = 0;
    int exponent = 0;
    quint64 n = 0;
    if (Influx::ShortestDecimal::fastDigits(value, &n, &exponent)) {
        digitCount = std::to_chars(digits, digits + sizeof digits, n).ptr - digits;
        exponent += int(digitCount) - 1;
    } else {
        char buffer[32];
        const auto result =
                std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
        const char *q = buffer + (negative ? 1 : 0);
        for (; *q != 'e'; ++q) {
            if (*q != '.')
                digits[digitCount++] = *q;
        }
        std::from_chars(q + (q[1] == '+' ? 2 : 1), result.ptr, exponent);
    }
    const bool negativeExponent = exponent < 0;
    const int absExponent = std::abs(exponent);
    const std::string_view allDigits(digits, size_t(digitCount));
    const double magnitude = std::fabs(value);

    if (negative)
        *p++ = '-';
    if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
        // Go's 'e' format (d[.ddd]e±dd) with encoding/json's cleanup of "e-0X" to "e-X".
        *p++ = digits[0];
        if (digitCount > 1) {
            *p++ = '.';
            put(allDigits.substr(1));
        }
        *p++ = 'e';
        *p++ = negativeExponent ? '-' : '+';
        if (absExponent < 10 && !negativeExponent)
            *p++ = '0';
        return std::to_chars(p, p + 8, absExponent).ptr;
    }
    // 'f' format: the decimal point sits after digit number exponent + 1 (magnitude < 1e21
    // and >= 1e-6 here, so at most 21 digits before the point or 6 zeros after it).
    const qsizetype point = exponent + 1;
    if (point <= 0) {
        put("0.");
        p = std::fill_n(p, -point, '0');
        put(allDigits);
    } else if (point >= digitCount) {
        put(allDigits);
        p = std::fill_n(p, point - digitCount, '0');
    } else {
        put(allDigits.substr(0, size_t(point)));
        *p++ = '.';
        put(allDigits.substr(size_t(point)));
    }
    return p;
}

void appendFloat(QByteArray &out, double value)
{
    char buffer[FloatBound];
    out.append(buffer, writeFloat(buffer, value) - buffer);
}

QByteArray formatFloat(double value)
{
    QByteArray out;
    appendFloat(out, value);
    return out;
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    qsizetype start = 0; // first byte not yet copied
    qsizetype i = 0;
    const auto flush = [&] { out += utf8.sliced(start, i - start); };
    while (i < utf8.size()) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b < 0x80) {
            // htmlSafeSet: printable ASCII except '"', '\\', '<', '>' and '&' (DEL is safe).
            if (b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&') {
                ++i;
                continue;
            }
            flush();
            switch (b) {
            case '"':
            case '\\':
                out += '\\';
                out += char(b);
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += hex[b >> 4];
                out += hex[b & 0xF];
                break;
            }
            start = ++i;
            continue;
        }
        const auto [rune, length] = decodeRune(utf8, i);
        if (rune == 0xFFFD && length == 1) {
            flush();
            out += "\\ufffd";
            start = ++i;
            continue;
        }
        if (rune == 0x2028 || rune == 0x2029) {
            flush();
            out += rune == 0x2028 ? "\\u2028" : "\\u2029";
            i += length;
            start = i;
            continue;
        }
        i += length;
    }
    flush();
    out += '"';
}

char *writeCsvField(char *p, QByteArrayView field)
{
    // encoding/csv fieldNeedsQuotes
    // One pass over the bytes: this runs for every cell of a CSV result.
    bool quote = false;
    for (const char c : field) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote && !field.isEmpty())
        quote = field == QByteArrayView("\\.") || isGoSpace(decodeRune(field, 0).first);
    if (!quote) {
        if (!field.isEmpty())
            std::memcpy(p, field.data(), size_t(field.size()));
        return p + field.size();
    }
    *p++ = '"';
    for (const char c : field) {
        if (c == '"')
            *p++ = '"';
        *p++ = c;
    }
    *p++ = '"';
    return p;
}

void appendCsvField(QByteArray &out, QByteArrayView field)
{
    const qsizetype start = out.size();
    out.resize(start + 2 * field.size() + 2);
    out.resize(writeCsvField(out.data() + start, field) - out.constData());
}

qsizetype runeCount(QByteArrayView utf8)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < utf8.size(); ++count)
        i += decodeRune(utf8, i).second;
    return count;
}

} // namespace Explorer::GoFormat
