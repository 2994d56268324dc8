// SPDX-License-Identifier: MIT
// InfluxQLHighlighter: which style each piece of a query gets, including block comments that
// span lines and words that are keywords only in some places.
#include "editor/influxqlhighlighter.h"

#include <QtGui/QTextBlock>
#include <QtGui/QTextDocument>
#include <QtGui/QTextLayout>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Explorer::InfluxQLHighlighter;
using Style = InfluxQLHighlighter::Style;

class tst_InfluxQLHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void styles_data();
    void styles();
    void blockCommentSpansLines();
    void plainWordsStayPlain();

private:
    // The style of the text piece at [from, from + length) of line `line`, or nullopt when it
    // has no format of its own; fails when the piece is not covered by exactly one range.
    static std::optional<QTextCharFormat> formatAt(const QTextDocument &document, int line,
                                                   int from, int length);
};

std::optional<QTextCharFormat> tst_InfluxQLHighlighter::formatAt(const QTextDocument &document,
                                                                 int line, int from, int length)
{
    const QTextBlock block = document.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.start <= from && from + length <= range.start + range.length)
            return range.format;
    }
    return std::nullopt;
}

void tst_InfluxQLHighlighter::styles_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("piece");
    QTest::addColumn<Style>("style");
    const QString query = u"select MEAN(\"usage user\") FROM /cpu.*/ WHERE host = 'web;1' "
                          "AND time > now() - 1h30m AND x = $param -- the end"_s;
    QTest::newRow("keyword, lower case") << query << u"select"_s << Style::Keyword;
    QTest::newRow("FROM") << query << u"FROM"_s << Style::Keyword;
    QTest::newRow("function call") << query << u"MEAN"_s << Style::Function;
    QTest::newRow("now()") << query << u"now"_s << Style::Function;
    QTest::newRow("quoted identifier") << query << u"\"usage user\""_s << Style::Identifier;
    QTest::newRow("regex") << query << u"/cpu.*/"_s << Style::Regex;
    QTest::newRow("string with ;") << query << u"'web;1'"_s << Style::String;
    QTest::newRow("duration") << query << u"1h30m"_s << Style::Number;
    QTest::newRow("bound parameter") << query << u"$param"_s << Style::Parameter;
    QTest::newRow("line comment") << query << u"-- the end"_s << Style::Comment;
}

void tst_InfluxQLHighlighter::styles()
{
    QFETCH(QString, query);
    QFETCH(QString, piece);
    QFETCH(Style, style);
    QTextDocument document(query);
    InfluxQLHighlighter highlighter(&document);
    highlighter.rehighlight();
    const int at = int(query.indexOf(piece));
    QVERIFY(at >= 0);
    const std::optional<QTextCharFormat> format = formatAt(document, 0, at, int(piece.size()));
    QVERIFY2(format, qPrintable(piece));
    QCOMPARE(format->foreground(), highlighter.format(style).foreground());
}

void tst_InfluxQLHighlighter::blockCommentSpansLines()
{
    QTextDocument document(u"SELECT /* one\ntwo SELECT\nthree */ v FROM m"_s);
    InfluxQLHighlighter highlighter(&document);
    highlighter.rehighlight();
    const QBrush comment = highlighter.format(Style::Comment).foreground();
    QCOMPARE(formatAt(document, 0, 7, 6)->foreground(), comment); // "/* one"
    QCOMPARE(formatAt(document, 1, 0, 10)->foreground(), comment); // "two SELECT" inside
    QCOMPARE(formatAt(document, 2, 0, 8)->foreground(), comment); // "three */"
    QCOMPARE(formatAt(document, 2, 11, 4)->foreground(), // "FROM" after the comment
             highlighter.format(Style::Keyword).foreground());
    QCOMPARE(document.findBlockByNumber(2).userState(), 0);
}

void tst_InfluxQLHighlighter::plainWordsStayPlain()
{
    // A measurement called "mean" without a call, and the column "time", are not coloured.
    QTextDocument document(u"SELECT time FROM mean"_s);
    InfluxQLHighlighter highlighter(&document);
    highlighter.rehighlight();
    QVERIFY(!formatAt(document, 0, 7, 4));
    QVERIFY(!formatAt(document, 0, 17, 4));
    QVERIFY(InfluxQLHighlighter::isKeyword(u"where"));
    QVERIFY(!InfluxQLHighlighter::isKeyword(u"cpu"));
}

QTEST_MAIN(tst_InfluxQLHighlighter)
#include "tst_influxqlhighlighter.moc"
