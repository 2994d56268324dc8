// SPDX-License-Identifier: MIT
// Fuzzes the query builder's quoting: Source::quoteIdentifier, quoteStringLiteral,
// influxqlLiteral (strings, integers, floats, booleans), Source::qualified and Source::regex.
//
// Oracle: every rendered identifier and literal must lex back, with InfluxQL::tokenize (the
// library's model of influxql's scanner), to exactly the expected tokens, and their text, read
// with influxql's own escape rules (ScanString: \\ \" \' \n; ScanRegex: only \/), must be the
// input again; numbers must read back to the same value (floats bit for bit). Each rendering is
// also checked inside a statement ("SELECT * FROM <source> WHERE "k" = <literal>"): it must not
// swallow or split the text around it.

#include "influxql.h"
#include "selectquery.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace Influx;
using namespace Qt::StringLiterals;
using Kind = InfluxQL::Token::Kind;

namespace {

#define FUZZ_CHECK(condition, context)                                                             \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz_quoting: check failed: %s (line %d)\n%s\n", #condition,     \
                         __LINE__, qPrintable(context));                                           \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

// influxql's ScanString: the text between the quotes with \\ \" \' \n unescaped; nullopt for
// a bad escape or a raw newline (which the server rejects).
std::optional<QString> unquote(QStringView token)
{
    QString out;
    for (qsizetype i = 1; i + 1 < token.size(); ++i) {
        const QChar c = token[i];
        if (c == u'\n')
            return std::nullopt;
        if (c != u'\\') {
            out += c;
            continue;
        }
        const QChar next = token[++i];
        if (next == u'n')
            out += u'\n';
        else if (next == u'\\' || next == u'"' || next == u'\'')
            out += next;
        else
            return std::nullopt;
    }
    return out;
}

// influxql's ScanRegex: only \/ is an escape.
QString unescapeRegex(QStringView token)
{
    QString out;
    for (qsizetype i = 1; i + 1 < token.size(); ++i) {
        if (token[i] == u'\\' && token[i + 1] == u'/' && i + 2 < token.size())
            ++i;
        out += token[i];
    }
    return out;
}

// False when a backslash escapes nothing (at the end) or a line break: no valid RE2 pattern
// does that ("trailing \\", "invalid escape sequence"), and Source::regex() writes the line
// break as \n, which then means something else.
bool isValidRe2Escaping(QStringView pattern)
{
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != u'\\')
            continue;
        if (i + 1 == pattern.size() || pattern[i + 1] == u'\n' || pattern[i + 1] == u'\r')
            return false;
        ++i; // the escaped character
    }
    return true;
}

QString describe(const QString &text, const QList<InfluxQL::Token> &tokens)
{
    QString result = u"text: \""_s + text + u"\" (UTF-16:"_s;
    for (const QChar c : text)
        result += u" %1"_s.arg(c.unicode(), 0, 16);
    result += u")\ntokens:"_s;
    for (const InfluxQL::Token &t : tokens) {
        result += u" [%1 %2-%3%4]"_s.arg(int(t.kind))
                          .arg(t.begin)
                          .arg(t.end)
                          .arg(t.terminated ? u""_s : u" unterminated"_s);
    }
    return result;
}

// rendered must be one token of the kind, covering all of it, that unquotes to expected.
void checkQuoted(const QString &rendered, Kind kind, const QString &expected)
{
    const QList<InfluxQL::Token> tokens = InfluxQL::tokenize(rendered);
    const auto context = [&] {
        return QString(u"input: \""_s + expected + u"\"\n"_s + describe(rendered, tokens));
    };
    FUZZ_CHECK(tokens.size() == 1, context());
    FUZZ_CHECK(tokens[0].kind == kind && tokens[0].terminated, context());
    FUZZ_CHECK(tokens[0].begin == 0 && tokens[0].end == rendered.size(), context());
    FUZZ_CHECK(unquote(rendered) == expected, context());
}

// A number literal: an optional '-' operator and one Number token reading back to value.
void checkNumber(const QString &rendered, double value, bool exact)
{
    const QList<InfluxQL::Token> tokens = InfluxQL::tokenize(rendered);
    const auto context = [&] { return QString(describe(rendered, tokens)); };
    const bool negative = rendered.startsWith(u'-');
    FUZZ_CHECK(tokens.size() == (negative ? 2 : 1), context());
    FUZZ_CHECK(!negative || tokens[0].kind == Kind::Operator, context());
    const InfluxQL::Token &number = tokens.last();
    FUZZ_CHECK(number.kind == Kind::Number && number.end == rendered.size(), context());
    if (exact) {
        const double parsed = std::strtod(rendered.toLatin1().constData(), nullptr);
        FUZZ_CHECK(std::bit_cast<quint64>(parsed) == std::bit_cast<quint64>(value), context());
    }
}

// The rendering inside a statement keeps the statement's shape.
void checkInStatement(const QString &source, const QString &literal, qsizetype sourceTokens,
                      qsizetype literalTokens)
{
    const QString statement =
            u"SELECT * FROM "_s + source + u" WHERE \"k\" = "_s + literal + u"; SHOW DATABASES"_s;
    const QList<InfluxQL::Token> tokens = InfluxQL::tokenize(statement);
    const auto context = [&] { return QString(describe(statement, tokens)); };
    // SELECT * FROM <source> WHERE "k" = <literal> ; SHOW DATABASES
    FUZZ_CHECK(tokens.size() == 3 + sourceTokens + 3 + literalTokens + 3, context());
    FUZZ_CHECK(InfluxQL::splitStatements(statement).size() == 2, context());
    FUZZ_CHECK(InfluxQL::isReadOnly(statement), context());
}

QString textFrom(QByteArrayView bytes, quint8 mode)
{
    switch (mode % 3) {
    case 0:
        return QString::fromUtf8(bytes);
    case 1: { // the characters that matter to the scanner, and a few others
        static constexpr char16_t alphabet[] = u"\"'\\/\n\r;-*ntax. é";
        QString text;
        for (const char byte : bytes)
            text += QChar(alphabet[quint8(byte) % (std::size(alphabet) - 1)]);
        return text;
    }
    default: { // any UTF-16, lone surrogates included
        QString text;
        for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
            text += QChar(char16_t(quint8(bytes[i]) | quint8(bytes[i + 1]) << 8));
        return text;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString text = textFrom(rest, data[0]);

    const QString identifier = Source::quoteIdentifier(text);
    checkQuoted(identifier, Kind::QuotedIdentifier, text);
    const QString literal = quoteStringLiteral(text);
    checkQuoted(literal, Kind::String, text);
    FUZZ_CHECK(influxqlLiteral(text) == literal, text);
    if (!text.isEmpty())
        checkInStatement(Source(text).toString(), literal, 1, 1);

    // Three names from the text, split at its first two '|' (empty parts are left out).
    const QStringList parts = text.split(u'|');
    if (parts.size() == 3 && !parts[2].isEmpty()) {
        const QString qualified = Source::qualified(parts[0], parts[1], parts[2]).toString();
        const QList<InfluxQL::Token> tokens = InfluxQL::tokenize(qualified);
        const auto context = [&] { return QString(describe(qualified, tokens)); };
        qsizetype expected = 1;
        if (!parts[0].isEmpty())
            expected += parts[1].isEmpty() ? 3 : 4;
        else if (!parts[1].isEmpty())
            expected += 2;
        FUZZ_CHECK(tokens.size() == expected, context());
        QStringList names;
        for (const InfluxQL::Token &t : tokens) {
            if (t.kind == Kind::QuotedIdentifier)
                names += *unquote(t.text(qualified));
            else
                FUZZ_CHECK(t.kind == Kind::Operator && t.text(qualified) == u".", context());
        }
        QStringList nonEmpty = parts;
        nonEmpty.removeAll(QString());
        FUZZ_CHECK(names == nonEmpty, context());
    }

    // Numbers and booleans from the first bytes.
    if (rest.size() >= 8) {
        quint64 bits = 0;
        std::memcpy(&bits, rest.data(), sizeof bits);
        const double d = std::bit_cast<double>(bits);
        const QString rendered = influxqlLiteral(d);
        FUZZ_CHECK(rendered.isEmpty() == !std::isfinite(d), rendered);
        if (std::isfinite(d)) {
            checkNumber(rendered, d, true);
            checkInStatement(u"m"_s, rendered, 1, d < 0 || std::signbit(d) ? 2 : 1);
        }
        const float f = std::bit_cast<float>(quint32(bits));
        const QString renderedFloat = influxqlLiteral(f);
        FUZZ_CHECK(renderedFloat.isEmpty() == !std::isfinite(f), renderedFloat);
        if (std::isfinite(f)) {
            checkNumber(renderedFloat, f, false);
            // A float's shortest text reads back as the same float.
            FUZZ_CHECK(std::strtof(renderedFloat.toLatin1().constData(), nullptr) == f,
                       renderedFloat);
        }
        const qint64 i = qint64(bits);
        const QString integer = influxqlLiteral(QVariant::fromValue(i));
        checkNumber(integer, double(i), false);
        FUZZ_CHECK(integer.toLongLong() == i, integer);
        const QString unsignedInteger = influxqlLiteral(QVariant::fromValue(bits));
        checkNumber(unsignedInteger, double(bits), false);
        FUZZ_CHECK(unsignedInteger.toULongLong() == bits, unsignedInteger);
        const QString boolean = influxqlLiteral(bool(bits & 1));
        FUZZ_CHECK(boolean == ((bits & 1) ? u"TRUE"_s : u"FALSE"_s), boolean);
    }

    // A regex source: influxql reads back the pattern with its line breaks as \n and \r. A
    // pattern starting with '*' is no valid RE2 (nothing to repeat), and "/*" opens a comment:
    // that query fails either way (influxql.h).
    if (text.startsWith(u'*') || !isValidRe2Escaping(text))
        return 0;
    // A final escaped backslash comes back as the equivalent \x5c (see Source::regex()).
    QString pattern = text;
    pattern.replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s);
    if (pattern.endsWith(u"\\"_s))
        pattern = pattern.chopped(2) + u"\\x5c"_s;
    const QString regex = Source::regex(text).toString();
    const QString statement = u"SELECT * FROM "_s + regex;
    const QList<InfluxQL::Token> tokens = InfluxQL::tokenize(statement);
    const auto context = [&] {
        return QString(u"pattern: \""_s + text + u"\"\n"_s + describe(statement, tokens));
    };
    FUZZ_CHECK(tokens.size() == 4, context());
    FUZZ_CHECK(tokens[3].kind == Kind::Regex && tokens[3].terminated, context());
    FUZZ_CHECK(unescapeRegex(tokens[3].text(statement)) == pattern, context());
    return 0;
}
