// SPDX-License-Identifier: MIT
#include "completionengine.h"

#include "influxql.h"
#include "influxqlhighlighter.h"

#include <QtCore/QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

using Token = Influx::InfluxQL::Token;
using TokenKind = Influx::InfluxQL::Token::Kind;
using Kind = CompletionEngine::Kind;

// What the statement expects at the cursor; decides the order of the candidate groups.
enum class Context { Other, Measurements, Select, Where, GroupBy, TagKey, AfterOperand };

bool isIdentChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_';
}

bool is(QStringView word, QStringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

QStringList sortedUnique(QStringList words)
{
    words.removeAll(QString());
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

// Keywords that do not end a clause, so the clause keyword before them still decides.
bool isTransparent(QStringView word)
{
    for (QStringView keyword : {u"AND", u"OR", u"NOT", u"AS", u"ASC", u"DESC", u"IN", u"TRUE",
                                u"FALSE", u"DISTINCT", u"ALL"}) {
        if (is(word, keyword))
            return true;
    }
    return false;
}

// tokens[0, last] are the complete tokens before the word being typed.
Context contextOf(const QList<Token> &tokens, qsizetype last, QStringView text)
{
    QList<qsizetype> significant; // this statement's tokens before the word, nearest first
    for (qsizetype i = last; i >= 0 && tokens[i].kind != TokenKind::Semicolon; --i) {
        if (!tokens[i].isComment())
            significant.append(i);
    }
    if (significant.isEmpty())
        return Context::Other;
    const Token &previous = tokens[significant.first()];
    const QStringView previousText = previous.text(text);
    switch (previous.kind) {
    case TokenKind::Word:
        if (!InfluxQLHighlighter::isKeyword(previousText))
            return Context::AfterOperand;
        break;
    case TokenKind::QuotedIdentifier:
    case TokenKind::String:
    case TokenKind::Regex:
    case TokenKind::Number:
    case TokenKind::BoundParameter:
        return Context::AfterOperand;
    case TokenKind::Operator:
        if (previousText == u")")
            return Context::AfterOperand;
        if (previousText == u"*" && significant.size() > 1) { // SELECT * or , *
            const Token &before = tokens[significant[1]];
            const QStringView beforeText = before.text(text);
            if (beforeText == u"," || (before.kind == TokenKind::Word && is(beforeText, u"SELECT")))
                return Context::AfterOperand;
        }
        break;
    default:
        break;
    }
    for (qsizetype n = 0; n < significant.size(); ++n) {
        const Token &token = tokens[significant[n]];
        const QStringView word = token.text(text);
        if (token.kind != TokenKind::Word || !InfluxQLHighlighter::isKeyword(word)
            || isTransparent(word))
            continue;
        if (is(word, u"FROM") || is(word, u"INTO") || is(word, u"MEASUREMENT"))
            return Context::Measurements;
        if (is(word, u"SELECT"))
            return Context::Select;
        if (is(word, u"WHERE"))
            return Context::Where;
        if (is(word, u"KEY"))
            return Context::TagKey;
        if (is(word, u"BY") && n + 1 < significant.size()
            && is(tokens[significant[n + 1]].text(text), u"GROUP"))
            return Context::GroupBy;
        return Context::Other;
    }
    return Context::Other;
}

QList<Kind> groupsFor(Context context)
{
    switch (context) {
    case Context::Measurements:
        return {Kind::Measurement, Kind::Keyword};
    case Context::Select:
        return {Kind::Field, Kind::Tag, Kind::Function, Kind::Keyword};
    case Context::Where:
        return {Kind::Tag, Kind::Field, Kind::Keyword, Kind::Function};
    case Context::GroupBy:
        return {Kind::Tag, Kind::Function, Kind::Keyword};
    case Context::TagKey:
        return {Kind::Tag, Kind::Keyword};
    case Context::AfterOperand:
        return {Kind::Keyword, Kind::Function, Kind::Field, Kind::Tag, Kind::Measurement};
    case Context::Other:
        break;
    }
    return {Kind::Keyword, Kind::Function, Kind::Measurement, Kind::Field, Kind::Tag};
}

// Keywords and functions follow the case the user types in; otherwise keywords are upper case
// and functions lower case, as in the InfluxDB documentation.
QString inCaseOf(QStringView prefix, const QString &word, bool upperByDefault)
{
    bool lower = false;
    bool upper = false;
    for (QChar c : prefix) {
        lower |= c.isLower();
        upper |= c.isUpper();
    }
    if (lower != upper)
        return lower ? word.toLower() : word.toUpper();
    return upperByDefault ? word.toUpper() : word.toLower();
}

QString quoted(const QString &name)
{
    QString escaped = name;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return u'"' + escaped + u'"';
}

const QStringList &sortedKeywords()
{
    static const QStringList words = sortedUnique(InfluxQLHighlighter::keywords());
    return words;
}

const QStringList &sortedFunctions()
{
    static const QStringList words = sortedUnique(InfluxQLHighlighter::functions());
    return words;
}

} // namespace

void CompletionEngine::setSchemaWords(const QStringList &measurements, const QStringList &fields,
                                      const QStringList &tags)
{
    m_measurements = sortedUnique(measurements);
    m_fields = sortedUnique(fields);
    m_tags = sortedUnique(tags);
}

CompletionEngine::Result CompletionEngine::complete(QStringView text, qsizetype cursor) const
{
    cursor = std::clamp<qsizetype>(cursor, 0, text.size());
    const QStringView before = text.first(cursor);
    const QList<Token> tokens = Influx::InfluxQL::tokenize(before);
    Result result;
    result.begin = result.end = cursor;
    qsizetype last = tokens.size() - 1; // the last complete token before the word
    if (!tokens.isEmpty() && tokens.constLast().end == cursor) {
        const Token &token = tokens.constLast();
        switch (token.kind) {
        case TokenKind::Word:
            result.begin = token.begin;
            result.prefix = token.text(before).toString();
            while (result.end < text.size() && isIdentChar(text[result.end]))
                ++result.end;
            --last;
            break;
        case TokenKind::QuotedIdentifier:
            if (token.terminated)
                return result;
            result.begin = token.begin;
            result.prefix = before.sliced(token.begin + 1).toString();
            result.quoted = true;
            --last;
            break;
        case TokenKind::Operator:
        case TokenKind::Semicolon:
            break;
        default: // inside a string, regex, comment, number or parameter
            return result;
        }
    }

    const Context context = contextOf(tokens, last, before);
    const bool groupByTime = context == Context::GroupBy;
    const bool openParenFollows = result.end < text.size() && text[result.end] == u'(';
    QSet<QString> seen;
    auto offer = [&](const QString &word, Kind kind) {
        if (!word.startsWith(result.prefix, Qt::CaseInsensitive))
            return;
        Candidate candidate;
        candidate.kind = kind;
        switch (kind) {
        case Kind::Keyword:
            candidate.display = candidate.insertion = inCaseOf(result.prefix, word, true);
            break;
        case Kind::Function:
            candidate.display = candidate.insertion = inCaseOf(result.prefix, word, false);
            if (!openParenFollows) {
                candidate.insertion += u"()"_s;
                candidate.cursorBack = 1;
            }
            break;
        default:
            candidate.display = word;
            candidate.insertion = result.quoted ? quoted(word) : quoteIdentifier(word);
            break;
        }
        if (!seen.contains(candidate.display)) {
            seen.insert(candidate.display);
            result.candidates.append(candidate);
        }
    };
    for (const Kind kind : groupsFor(context)) {
        switch (kind) {
        case Kind::Measurement:
            for (const QString &word : m_measurements)
                offer(word, kind);
            break;
        case Kind::Field:
            if (!result.quoted && !groupByTime)
                offer(u"time"_s, kind); // every measurement has it; it is not in the schema
            for (const QString &word : m_fields)
                offer(word, kind);
            break;
        case Kind::Tag:
            for (const QString &word : m_tags)
                offer(word, kind);
            break;
        case Kind::Keyword:
            if (!result.quoted) {
                for (const QString &word : sortedKeywords())
                    offer(word, kind);
            }
            break;
        case Kind::Function:
            if (!result.quoted) {
                for (const QString &word : sortedFunctions()) {
                    if (groupByTime || !is(word, u"TIME")) // time() only groups
                        offer(word, kind);
                }
            }
            break;
        }
    }
    return result;
}

bool CompletionEngine::needsQuoting(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit() || !isIdentChar(name.front()))
        return true;
    if (!std::all_of(name.begin(), name.end(), isIdentChar))
        return true;
    return InfluxQLHighlighter::isKeyword(name);
}

QString CompletionEngine::quoteIdentifier(const QString &name)
{
    return needsQuoting(name) ? quoted(name) : name;
}

} // namespace Explorer
