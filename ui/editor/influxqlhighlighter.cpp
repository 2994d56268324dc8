// SPDX-License-Identifier: MIT
#include "influxqlhighlighter.h"

#include "influxql.h"

#include <QtGui/QFont>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// InfluxQL 1.x keywords (influxql/token.go) and functions (the query language reference).
constexpr std::array keywordList = {
        u"ALL",      u"ALTER",       u"ANALYZE",      u"AND",          u"ANY",
        u"AS",       u"ASC",         u"BEGIN",        u"BY",           u"CARDINALITY",
        u"CREATE",   u"CONTINUOUS",  u"DATABASE",     u"DATABASES",    u"DEFAULT",
        u"DELETE",   u"DESC",        u"DESTINATIONS", u"DIAGNOSTICS",  u"DISTINCT",
        u"DROP",     u"DURATION",    u"END",          u"EVERY",        u"EXACT",
        u"EXPLAIN",  u"FIELD",       u"FOR",          u"FROM",         u"GRANT",
        u"GRANTS",   u"GROUP",       u"GROUPS",       u"IN",           u"INF",
        u"INSERT",   u"INTO",        u"KEY",          u"KEYS",         u"KILL",
        u"LIMIT",    u"MEASUREMENT", u"MEASUREMENTS", u"NAME",         u"NOT",
        u"OFFSET",   u"ON",          u"OR",           u"ORDER",        u"PASSWORD",
        u"POLICIES", u"POLICY",      u"PRIVILEGES",   u"QUERIES",      u"QUERY",
        u"READ",     u"REPLICATION", u"RESAMPLE",     u"RETENTION",    u"REVOKE",
        u"SELECT",   u"SERIES",      u"SET",          u"SHARD",        u"SHARDS",
        u"SLIMIT",   u"SOFFSET",     u"STATS",        u"SUBSCRIPTION", u"SUBSCRIPTIONS",
        u"TAG",      u"TO",          u"USER",         u"USERS",        u"VALUES",
        u"WHERE",    u"WITH",        u"WRITE",        u"TRUE",         u"FALSE",
};

constexpr std::array functionList = {
        u"COUNT",
        u"DISTINCT",
        u"INTEGRAL",
        u"MEAN",
        u"MEDIAN",
        u"MODE",
        u"SPREAD",
        u"STDDEV",
        u"SUM",
        u"BOTTOM",
        u"FIRST",
        u"LAST",
        u"MAX",
        u"MIN",
        u"PERCENTILE",
        u"SAMPLE",
        u"TOP",
        u"ABS",
        u"ACOS",
        u"ASIN",
        u"ATAN",
        u"ATAN2",
        u"CEIL",
        u"COS",
        u"CUMULATIVE_SUM",
        u"DERIVATIVE",
        u"DIFFERENCE",
        u"ELAPSED",
        u"EXP",
        u"FLOOR",
        u"HISTOGRAM",
        u"LN",
        u"LOG",
        u"LOG2",
        u"LOG10",
        u"MOVING_AVERAGE",
        u"NON_NEGATIVE_DERIVATIVE",
        u"NON_NEGATIVE_DIFFERENCE",
        u"POW",
        u"ROUND",
        u"SIN",
        u"SQRT",
        u"TAN",
        u"HOLT_WINTERS",
        u"HOLT_WINTERS_WITH_FIT",
        u"CHANDE_MOMENTUM_OSCILLATOR",
        u"EXPONENTIAL_MOVING_AVERAGE",
        u"DOUBLE_EXPONENTIAL_MOVING_AVERAGE",
        u"KAUFMANS_EFFICIENCY_RATIO",
        u"KAUFMANS_ADAPTIVE_MOVING_AVERAGE",
        u"TRIPLE_EXPONENTIAL_MOVING_AVERAGE",
        u"TRIPLE_EXPONENTIAL_DERIVATIVE",
        u"RELATIVE_STRENGTH_INDEX",
        u"TIME",
        u"FILL",
        u"TZ",
        u"NOW",
};

template<typename List>
QStringList toStringList(const List &list)
{
    QStringList result;
    result.reserve(qsizetype(list.size()));
    for (const char16_t *entry : list)
        result.append(QString::fromUtf16(entry));
    return result;
}

template<typename List>
bool contains(const List &list, QStringView word)
{
    return std::any_of(list.begin(), list.end(), [word](const char16_t *entry) {
        return word.compare(QStringView(entry), Qt::CaseInsensitive) == 0;
    });
}

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}

} // namespace

InfluxQLHighlighter::InfluxQLHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_formats[int(Style::Keyword)] = makeFormat(QColor(0x1f, 0x4e, 0xa8), true);
    m_formats[int(Style::Function)] = makeFormat(QColor(0x7a, 0x3e, 0x9d));
    m_formats[int(Style::String)] = makeFormat(QColor(0x2e, 0x7d, 0x32));
    m_formats[int(Style::Identifier)] = makeFormat(QColor(0x8d, 0x5a, 0x00));
    m_formats[int(Style::Regex)] = makeFormat(QColor(0xc6, 0x28, 0x28));
    m_formats[int(Style::Number)] = makeFormat(QColor(0x00, 0x83, 0x8f));
    m_formats[int(Style::Parameter)] = makeFormat(QColor(0xad, 0x14, 0x57));
    m_formats[int(Style::Comment)] = makeFormat(QColor(0x75, 0x75, 0x75), false, true);
}

QTextCharFormat InfluxQLHighlighter::format(Style style) const
{
    return m_formats[int(style)];
}

bool InfluxQLHighlighter::isKeyword(QStringView word)
{
    return contains(keywordList, word);
}

bool InfluxQLHighlighter::isFunction(QStringView word)
{
    return contains(functionList, word);
}

QStringList InfluxQLHighlighter::keywords()
{
    return toStringList(keywordList);
}

QStringList InfluxQLHighlighter::functions()
{
    return toStringList(functionList);
}

void InfluxQLHighlighter::highlightBlock(const QString &text)
{
    qsizetype start = 0;
    setCurrentBlockState(Normal);
    if (previousBlockState() == InBlockComment) {
        const qsizetype end = text.indexOf(u"*/"_s);
        if (end < 0) {
            setFormat(0, int(text.size()), format(Style::Comment));
            setCurrentBlockState(InBlockComment);
            return;
        }
        start = end + 2;
        setFormat(0, int(start), format(Style::Comment));
    }
    const QStringView rest = QStringView(text).sliced(start);
    const QList<Influx::InfluxQL::Token> tokens = Influx::InfluxQL::tokenize(rest);
    using Kind = Influx::InfluxQL::Token::Kind;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Influx::InfluxQL::Token &token = tokens[i];
        std::optional<Style> style;
        switch (token.kind) {
        case Kind::Word: {
            const QStringView word = token.text(rest);
            const bool call = i + 1 < tokens.size() && tokens[i + 1].kind == Kind::Operator
                    && tokens[i + 1].text(rest) == u"(";
            if (call && isFunction(word))
                style = Style::Function;
            else if (isKeyword(word))
                style = Style::Keyword;
            break;
        }
        case Kind::QuotedIdentifier:
            style = Style::Identifier;
            break;
        case Kind::String:
            style = Style::String;
            break;
        case Kind::Regex:
            style = Style::Regex;
            break;
        case Kind::Number:
            style = Style::Number;
            break;
        case Kind::BoundParameter:
            style = Style::Parameter;
            break;
        case Kind::LineComment:
        case Kind::BlockComment:
            style = Style::Comment;
            if (token.kind == Kind::BlockComment && !token.terminated)
                setCurrentBlockState(InBlockComment);
            break;
        case Kind::Operator:
        case Kind::Semicolon:
            break;
        }
        if (style)
            setFormat(int(start + token.begin), int(token.end - token.begin), format(*style));
    }
}

} // namespace Explorer
