// SPDX-License-Identifier: MIT
#ifndef INFLUX_INFLUXQL_H
#define INFLUX_INFLUXQL_H

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <utility>

// Internal helpers that look at InfluxQL text without parsing it: statement splitting, the
// read-only test that chooses GET or POST, and the percent-encoding of query parameters.
namespace Influx::InfluxQL {

// A lexical token as influxdata/influxql's scanner sees it. Whitespace is not a token.
struct Token
{
    enum class Kind {
        Word, // a bare identifier or keyword: letters, digits, '_'
        QuotedIdentifier, // "..."
        String, // '...'
        Regex, // /.../ (only where the grammar accepts one)
        Number, // integer, decimal or duration literal (5, 4.25, 1h30m, 5i)
        BoundParameter, // $name
        Operator, // punctuation: ( ) , . + - * / = =~ !~ != <> <= >= :: ...
        Semicolon,
        LineComment, // -- up to (not including) the newline
        BlockComment, // /* ... */
    };

    Kind kind;
    qsizetype begin; // offsets into the scanned text
    qsizetype end;
    bool terminated = true; // false for a string, identifier, regex or comment cut off by EOF

    QStringView text(QStringView source) const { return source.sliced(begin, end - begin); }
    bool isComment() const { return kind == Kind::LineComment || kind == Kind::BlockComment; }
};

// Splits text into tokens. A '/' starts a regex literal only where influxql's parser scans one
// (after =~ !~ , . SELECT FROM BY); elsewhere it is division. "/*" always opens a comment:
// where a regex is expected the server would read "/*" as a regex that cannot compile, so
// such a query fails either way.
QList<Token> tokenize(QStringView text);

// The statements of a query: the text between ';' separators outside strings, identifiers,
// regexes and comments, without leading/trailing whitespace and comments. Statements with
// nothing but whitespace and comments are left out.
QList<QStringView> splitStatements(QStringView query);

// True only when every statement is read-only: SELECT without INTO, SHOW ..., EXPLAIN without
// ANALYZE (and without INTO). Keywords are case-insensitive; whitespace and comments are
// ignored; INTO inside a string, quoted identifier or comment does not count. A query without
// any statement is not read-only (it is sent with POST and the server reports the problem).
bool isReadOnly(QStringView query);

// True when the expression contains OR outside any parentheses, so appending "AND x" to it
// would bind to the last operand only.
bool hasTopLevelOr(QStringView expression);

// True when the text ends inside a "--" comment: anything appended on the same line would be
// commented out.
bool endsInLineComment(QStringView text);

// UTF-8, then every byte except the unreserved A-Z a-z 0-9 - . _ ~ as %XX (upper-case hex),
// so ';', '+', '&', '=', '#', '%' and ' ' survive both URL queries and form bodies.
QByteArray percentEncode(QStringView text);

// application/x-www-form-urlencoded (also usable as a URL query): key=value pairs, both
// percent-encoded as above, joined with '&', in the given order.
QByteArray formEncode(const QList<std::pair<QString, QString>> &pairs);

} // namespace Influx::InfluxQL

#endif // INFLUX_INFLUXQL_H
