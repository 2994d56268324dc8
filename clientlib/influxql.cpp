// SPDX-License-Identifier: MIT
#include "influxql.h"

namespace Influx::InfluxQL {

namespace {

using Kind = Token::Kind;

// The character classes of influxql's scanner (ASCII letters only; '\r' is read as '\n').
bool isLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isIdentChar(QChar c)
{
    return isLetter(c) || isDigit(c) || c == u'_';
}
bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}
constexpr char16_t microSign = u'\u00b5'; // allowed in duration units ("5µs")

bool equalsKeyword(QStringView word, QStringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

// influxql's parser calls ScanRegex only at these places: after =~ and !~, at the start of a
// field (after SELECT or ','), of a source (after FROM or ','), of a dimension (after BY or
// ',') and of a segment after '.' in "db"."rp"./regex/. Everywhere else '/' is division.
bool regexMayFollow(const QList<Token> &tokens, qsizetype previousIndex, QStringView text)
{
    if (previousIndex < 0)
        return false;
    const Token *previous = &tokens[previousIndex];
    const QStringView t = previous->text(text);
    if (previous->kind == Kind::Operator)
        return t == u"=~" || t == u"!~" || t == u"," || t == u".";
    if (previous->kind == Kind::Word)
        return equalsKeyword(t, u"SELECT") || equalsKeyword(t, u"FROM") || equalsKeyword(t, u"BY");
    return false;
}

// A '...' string or "..." identifier starting at begin: a backslash escapes the next
// character, so \' and \" do not end it.
Token scanQuoted(QStringView text, qsizetype begin, Kind kind)
{
    const QChar quote = text[begin];
    qsizetype i = begin + 1;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'\\') {
            i += 2;
            continue;
        }
        ++i;
        if (c == quote)
            return {kind, begin, i};
    }
    return {kind, begin, text.size(), false};
}

// A /regex/ starting at begin. Like influxql's ScanDelimited only "\/" is an escape: any other
// backslash stands for itself, so "\\/" still ends in an escaped '/'. A regex cannot span
// lines; one that does is cut off there (the server rejects it).
Token scanRegex(QStringView text, qsizetype begin)
{
    qsizetype i = begin + 1;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'\\' && i + 1 < text.size() && text[i + 1] == u'/') {
            i += 2;
            continue;
        }
        if (c == u'\n' || c == u'\r')
            return {Kind::Regex, begin, i, false};
        ++i;
        if (c == u'/')
            return {Kind::Regex, begin, i};
    }
    return {Kind::Regex, begin, text.size(), false};
}

// Digits, an optional '.' and fraction; without a fraction, letters make it a duration
// ("1h30m", and "5i", which InfluxQL lexes as an invalid duration rather than an integer).
Token scanNumber(QStringView text, qsizetype begin)
{
    const qsizetype n = text.size();
    qsizetype i = begin;
    while (i < n && isDigit(text[i]))
        ++i;
    if (i < n && text[i] == u'.') {
        ++i;
        while (i < n && isDigit(text[i]))
            ++i;
        return {Kind::Number, begin, i};
    }
    if (i < n && (isLetter(text[i]) || text[i] == microSign)) {
        while (i < n && (isLetter(text[i]) || isDigit(text[i]) || text[i] == microSign))
            ++i;
    }
    return {Kind::Number, begin, i};
}

// The significant (non-comment) tokens of each non-empty statement.
QList<QList<Token>> statements(QStringView text)
{
    QList<QList<Token>> result;
    QList<Token> current;
    for (const Token &token : tokenize(text)) {
        if (token.kind == Kind::Semicolon) {
            if (!current.isEmpty())
                result.append(std::exchange(current, {}));
        } else if (!token.isComment()) {
            current.append(token);
        }
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}

bool isReadOnlyStatement(const QList<Token> &tokens, QStringView text)
{
    const Token &first = tokens.first();
    if (first.kind != Kind::Word)
        return false;
    const QStringView keyword = first.text(text);
    if (equalsKeyword(keyword, u"SHOW"))
        return true;
    if (equalsKeyword(keyword, u"EXPLAIN")) {
        if (tokens.size() > 1 && tokens[1].kind == Kind::Word
            && equalsKeyword(tokens[1].text(text), u"ANALYZE"))
            return false; // EXPLAIN ANALYZE runs the query
    } else if (!equalsKeyword(keyword, u"SELECT")) {
        return false;
    }
    // INTO is a reserved word, so as a bare word it can only be the INTO clause (a field
    // named "into" must be quoted, which makes it a QuotedIdentifier token).
    for (const Token &token : tokens) {
        if (token.kind == Kind::Word && equalsKeyword(token.text(text), u"INTO"))
            return false;
    }
    return true;
}

} // namespace

QList<Token> tokenize(QStringView text)
{
    QList<Token> tokens;
    qsizetype previous = -1; // index of the last non-comment token
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        Token token {Kind::Operator, i, i + 1};
        if (isWhitespace(c)) {
            ++i;
            continue;
        } else if (isLetter(c) || c == u'_') {
            qsizetype end = i + 1;
            while (end < n && isIdentChar(text[end]))
                ++end;
            token = {Kind::Word, i, end};
        } else if (isDigit(c) || (c == u'.' && isDigit(next))) {
            token = scanNumber(text, i);
        } else if (c == u'"') {
            token = scanQuoted(text, i, Kind::QuotedIdentifier);
        } else if (c == u'\'') {
            token = scanQuoted(text, i, Kind::String);
        } else if (c == u'-' && next == u'-') {
            qsizetype end = i + 2;
            while (end < n && text[end] != u'\n' && text[end] != u'\r')
                ++end;
            token = {Kind::LineComment, i, end};
        } else if (c == u'/' && next == u'*') {
            const qsizetype close = text.indexOf(u"*/", i + 2);
            token = close < 0 ? Token {Kind::BlockComment, i, n, false}
                              : Token {Kind::BlockComment, i, close + 2};
        } else if (c == u'/' && regexMayFollow(tokens, previous, text)) {
            token = scanRegex(text, i);
        } else if (c == u'$') {
            qsizetype end = i + 1;
            while (end < n && isIdentChar(text[end]))
                ++end;
            token = {Kind::BoundParameter, i, end};
        } else if (c == u';') {
            token = {Kind::Semicolon, i, i + 1};
        } else {
            static constexpr char16_t pairs[][3] = {u"=~", u"!~", u"!=", u"<>",
                                                    u"<=", u">=", u"::"};
            for (const char16_t *pair : pairs) {
                if (c == QChar(pair[0]) && next == QChar(pair[1]))
                    token.end = i + 2;
            }
        }
        tokens.append(token);
        if (!token.isComment())
            previous = tokens.size() - 1;
        i = token.end;
    }
    return tokens;
}

QList<QStringView> splitStatements(QStringView query)
{
    QList<QStringView> result;
    for (const QList<Token> &tokens : statements(query)) {
        const qsizetype begin = tokens.first().begin;
        result.append(query.sliced(begin, tokens.last().end - begin));
    }
    return result;
}

bool isReadOnly(QStringView query)
{
    const QList<QList<Token>> all = statements(query);
    if (all.isEmpty())
        return false;
    for (const QList<Token> &tokens : all) {
        if (!isReadOnlyStatement(tokens, query))
            return false;
    }
    return true;
}

bool hasTopLevelOr(QStringView expression)
{
    int depth = 0;
    for (const Token &token : tokenize(expression)) {
        const QStringView t = token.text(expression);
        if (token.kind == Kind::Operator && t == u"(")
            ++depth;
        else if (token.kind == Kind::Operator && t == u")")
            --depth;
        // depth < 0: unbalanced text such as "a) OR (b" — the OR is outside every group.
        else if (token.kind == Kind::Word && depth <= 0 && equalsKeyword(t, u"OR"))
            return true;
    }
    return false;
}

bool endsInLineComment(QStringView text)
{
    const QList<Token> tokens = tokenize(text);
    return !tokens.isEmpty() && tokens.last().kind == Kind::LineComment
            && tokens.last().end == text.size();
}

QByteArray percentEncode(QStringView text)
{
    // toPercentEncoding() leaves exactly the RFC 3986 unreserved characters alone.
    return text.toUtf8().toPercentEncoding();
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &pairs)
{
    QByteArray result;
    for (const auto &[key, value] : pairs) {
        if (!result.isEmpty())
            result += '&';
        result += percentEncode(key);
        result += '=';
        result += percentEncode(value);
    }
    return result;
}

} // namespace Influx::InfluxQL
