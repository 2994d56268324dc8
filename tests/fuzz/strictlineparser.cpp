// SPDX-License-Identifier: MIT
#include "strictlineparser.h"

#include <QtCore/QStringDecoder>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;

namespace StrictLineProtocol {

namespace {

// QString::fromUtf8() would drop a leading U+FEFF (byte order mark), one per call: keep them
// all, they are text.
QString fromUtf8(const QByteArray &utf8)
{
    qsizetype boms = 0;
    while (utf8.sliced(boms).startsWith("\xEF\xBB\xBF"))
        boms += 3;
    return QString(boms / 3, QChar(0xfeff)) + QString::fromUtf8(utf8.sliced(boms));
}

class Reader
{
public:
    explicit Reader(QByteArrayView line) : m_line(line) { }

    std::optional<Point> parse()
    {
        Point point;
        if (!readName(&point.measurement, ",  ", Kind::Measurement))
            return std::nullopt;
        while (peek() == ',') {
            ++m_at;
            QString key, value;
            if (!readName(&key, "=", Kind::TagKey) || !expect('=')
                || !readName(&value, ", ", Kind::TagValue))
                return std::nullopt;
            for (const auto &tag : std::as_const(point.tags)) {
                if (tag.first == key)
                    return fail(u"duplicate tag key"_s);
            }
            point.tags.append({key, value});
        }
        if (!expect(' '))
            return std::nullopt;
        while (true) {
            QString key;
            if (!readName(&key, "=", Kind::FieldKey) || !expect('='))
                return std::nullopt;
            std::optional<Influx::FieldValue> value = readValue();
            if (!value)
                return std::nullopt;
            for (const auto &field : std::as_const(point.fields)) {
                if (field.first == key)
                    return fail(u"duplicate field key"_s);
            }
            point.fields.append({key, *value});
            if (peek() != ',')
                break;
            ++m_at;
        }
        if (peek() == ' ') {
            ++m_at;
            const qsizetype begin = m_at;
            if (peek() == '-')
                ++m_at;
            while (isDigit(peek()))
                ++m_at;
            qint64 time = 0;
            if (!toInteger(m_line.sliced(begin, m_at - begin), &time))
                return fail(u"invalid timestamp"_s);
            point.time = time;
        }
        if (m_at != m_line.size())
            return fail(u"unexpected text after the point"_s);
        return point;
    }

    QString error() const { return m_error; }

private:
    enum class Kind { Measurement, TagKey, TagValue, FieldKey };

    char peek() const { return m_at < m_line.size() ? m_line[m_at] : '\0'; }
    bool atEnd() const { return m_at >= m_line.size(); }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    std::nullopt_t fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = u"%1 at byte %2"_s.arg(what).arg(m_at);
        return std::nullopt;
    }

    bool expect(char c)
    {
        if (peek() != c) {
            fail(u"expected '%1'"_s.arg(QLatin1Char(c)));
            return false;
        }
        ++m_at;
        return true;
    }

    static bool toInteger(QByteArrayView digits, qint64 *value)
    {
        if (digits.isEmpty() || digits == "-")
            return false;
        const auto r = std::from_chars(digits.begin(), digits.end(), *value);
        return r.ec == std::errc() && r.ptr == digits.end();
    }

    // Reads up to an unescaped byte of `ends` (or the end of the line), unescaping.
    bool readName(QString *out, const char *ends, Kind kind)
    {
        const QByteArrayView escapes = kind == Kind::Measurement ? ", " : ",= ";
        QByteArray bytes;
        while (!atEnd()) {
            const char c = m_line[m_at];
            if (c == '\\' && m_at + 1 < m_line.size() && escapes.contains(m_line[m_at + 1])) {
                bytes += m_line[m_at + 1];
                m_at += 2;
                continue;
            }
            if (QByteArrayView(ends).contains(c))
                break;
            if (kind == Kind::TagValue && c == '=') {
                fail(u"unescaped '=' in a tag value"_s);
                return false;
            }
            if (kind != Kind::Measurement && (c == ',' || c == ' ')) {
                fail(u"unescaped separator in a key"_s);
                return false;
            }
            bytes += c;
            ++m_at;
        }
        if (bytes.isEmpty()) {
            fail(u"empty name or value"_s);
            return false;
        }
        // The problems InfluxDB 1.6 has with backslashes and leading blanks (lineprotocol.cpp).
        const bool isName = kind == Kind::Measurement || kind == Kind::FieldKey;
        for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
            if (bytes[i] != '\\')
                continue;
            const char next = bytes[i + 1];
            if (next == ' ' || (isName && (next == ',' || next == '=' || next == '"'))) {
                fail(u"backslash before a separator, which InfluxDB reads differently"_s);
                return false;
            }
        }
        if (bytes.endsWith('\\')) {
            fail(u"text ends with a backslash"_s);
            return false;
        }
        if (isName && (bytes.front() == '\t' || bytes.front() == '\0')) {
            fail(u"name starts with a tab or NUL, which InfluxDB strips"_s);
            return false;
        }
        if (kind == Kind::Measurement && bytes.front() == '#') {
            fail(u"a line starting with '#' is a comment"_s);
            return false;
        }
        if ((kind == Kind::TagKey || kind == Kind::FieldKey) && bytes == "time") {
            fail(u"key \"time\", which InfluxDB drops"_s);
            return false;
        }
        *out = fromUtf8(bytes);
        return true;
    }

    std::optional<Influx::FieldValue> readValue()
    {
        const char first = peek();
        if (first == '"') {
            ++m_at;
            QByteArray bytes;
            while (true) {
                if (atEnd())
                    return fail(u"unterminated string"_s);
                const char c = m_line[m_at++];
                if (c == '"')
                    break;
                if (c == '\\') {
                    const char next = peek();
                    if (next != '"' && next != '\\')
                        return fail(u"lone backslash in a string"_s);
                    bytes += next;
                    ++m_at;
                    continue;
                }
                bytes += c;
            }
            return Influx::FieldValue(fromUtf8(bytes));
        }
        const qsizetype begin = m_at;
        while (!atEnd() && peek() != ',' && peek() != ' ')
            ++m_at;
        const QByteArrayView text = m_line.sliced(begin, m_at - begin);
        for (const char *word : {"t", "T", "true", "True", "TRUE"}) {
            if (text == word)
                return Influx::FieldValue(true);
        }
        for (const char *word : {"f", "F", "false", "False", "FALSE"}) {
            if (text == word)
                return Influx::FieldValue(false);
        }
        if (text.endsWith('i')) {
            const QByteArrayView digits = text.chopped(1);
            qsizetype i = digits.startsWith('-') ? 1 : 0;
            for (; i < digits.size(); ++i) {
                if (!isDigit(digits[i]))
                    return fail(u"invalid integer"_s);
            }
            qint64 value = 0;
            if (!toInteger(digits, &value))
                return fail(u"invalid or out-of-range integer"_s);
            return Influx::FieldValue(value);
        }
        // -?(d+[.d*]|.d+)([eE][+-]?d+)?
        qsizetype i = text.startsWith('-') ? 1 : 0;
        qsizetype digits = 0;
        for (; i < text.size() && isDigit(text[i]); ++i)
            ++digits;
        if (i < text.size() && text[i] == '.') {
            for (++i; i < text.size() && isDigit(text[i]); ++i)
                ++digits;
        }
        if (digits == 0)
            return fail(u"invalid field value"_s);
        if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
            ++i;
            if (i < text.size() && (text[i] == '+' || text[i] == '-'))
                ++i;
            if (i == text.size() || !isDigit(text[i]))
                return fail(u"invalid exponent"_s);
            while (i < text.size() && isDigit(text[i]))
                ++i;
        }
        if (i != text.size())
            return fail(u"invalid float"_s);
        double value = 0;
        const auto r = std::from_chars(text.begin(), text.end(), value);
        if (r.ptr != text.end())
            return fail(u"invalid float"_s);
        if (r.ec == std::errc::result_out_of_range) {
            // Underflow rounds (to zero or a subnormal) like any float; overflow has no value.
            value = std::strtod(text.toByteArray().constData(), nullptr);
            if (!std::isfinite(value) || std::abs(value) > 1)
                return fail(u"float out of range"_s);
        } else if (r.ec != std::errc() || !std::isfinite(value)) {
            return fail(u"float out of range"_s);
        }
        return Influx::FieldValue(value);
    }

    QByteArrayView m_line;
    qsizetype m_at = 0;
    QString m_error;
};

} // namespace

std::optional<Point> parse(QByteArrayView line, QString *error)
{
    QString problem;
    std::optional<Point> point;
    if (line.contains('\n') || line.contains('\r')) {
        problem = u"line break in the line"_s;
    } else {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(line);
        if (decoder.hasError()) {
            problem = u"invalid UTF-8"_s;
        } else {
            Reader reader(line);
            point = reader.parse();
            problem = reader.error();
        }
    }
    if (error)
        *error = point ? QString() : problem;
    return point;
}

} // namespace StrictLineProtocol
