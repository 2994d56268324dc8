// SPDX-License-Identifier: MIT
// The InfluxQL text helpers: statement splitting, read-only detection (GET vs POST, reference
// spec §5.2 fixed per DECISIONS.md) and percent-encoding.
#include "influxql.h"

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Influx;

class TestInfluxQL : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitStatements_data();
    void splitStatements();
    void isReadOnly_data();
    void isReadOnly();
    void regexOrDivision_data();
    void regexOrDivision();
    void unterminatedTokens();
    void hasTopLevelOr_data();
    void hasTopLevelOr();
    void endsInLineComment_data();
    void endsInLineComment();
    void percentEncode_data();
    void percentEncode();
    void formEncode();
};

void TestInfluxQL::splitStatements_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("one statement") << u"SELECT * FROM m"_s << QStringList {u"SELECT * FROM m"_s};
    QTest::newRow("two statements") << u"SELECT * FROM a; SHOW DATABASES"_s
                                    << QStringList {u"SELECT * FROM a"_s, u"SHOW DATABASES"_s};
    QTest::newRow("no space around separator")
            << u"SELECT 1;SELECT 2"_s << QStringList {u"SELECT 1"_s, u"SELECT 2"_s};
    QTest::newRow("trailing semicolon") << u"SELECT 1;"_s << QStringList {u"SELECT 1"_s};
    QTest::newRow("empty statements dropped")
            << u" ;; SELECT 1 ;  ; SELECT 2 ;"_s << QStringList {u"SELECT 1"_s, u"SELECT 2"_s};
    QTest::newRow("surrounding whitespace trimmed")
            << u"\n\t SELECT 1 \n"_s << QStringList {u"SELECT 1"_s};
    QTest::newRow("empty query") << QString() << QStringList {};
    QTest::newRow("whitespace only") << u" \n\t "_s << QStringList {};
    QTest::newRow("comments only") << u"-- a\n/* b */ ; -- c"_s << QStringList {};
    QTest::newRow("semicolon in string")
            << u"SELECT * FROM m WHERE a = 'x;y'; SHOW DATABASES"_s
            << QStringList {u"SELECT * FROM m WHERE a = 'x;y'"_s, u"SHOW DATABASES"_s};
    QTest::newRow("escaped quote in string")
            << u"SELECT * FROM m WHERE a = 'it\\'s; here'; SELECT 2"_s
            << QStringList {u"SELECT * FROM m WHERE a = 'it\\'s; here'"_s, u"SELECT 2"_s};
    QTest::newRow("semicolon in identifier")
            << u"SELECT \"a;b\" FROM \"m;n\"; SELECT 2"_s
            << QStringList {u"SELECT \"a;b\" FROM \"m;n\""_s, u"SELECT 2"_s};
    QTest::newRow("escaped quote in identifier")
            << u"SELECT \"a\\\";b\" FROM m"_s << QStringList {u"SELECT \"a\\\";b\" FROM m"_s};
    QTest::newRow("semicolon in line comment")
            << u"SELECT 1 -- one; two\n; SELECT 2"_s << QStringList {u"SELECT 1"_s, u"SELECT 2"_s};
    QTest::newRow("semicolon in block comment")
            << u"SELECT /* ; */ 1; SELECT 2"_s
            << QStringList {u"SELECT /* ; */ 1"_s, u"SELECT 2"_s};
    QTest::newRow("leading comment left out")
            << u"/* first */ SELECT 1 -- trailing"_s << QStringList {u"SELECT 1"_s};
    QTest::newRow("semicolon in FROM regex")
            << u"SELECT * FROM /a;b/; SELECT 2"_s
            << QStringList {u"SELECT * FROM /a;b/"_s, u"SELECT 2"_s};
    QTest::newRow("semicolon in =~ regex")
            << u"SELECT * FROM m WHERE h =~ /x;y/; SELECT 2"_s
            << QStringList {u"SELECT * FROM m WHERE h =~ /x;y/"_s, u"SELECT 2"_s};
    QTest::newRow("semicolon in !~ regex") << u"SELECT * FROM m WHERE h !~ /x;y/"_s
                                           << QStringList {u"SELECT * FROM m WHERE h !~ /x;y/"_s};
    QTest::newRow("escaped slash in regex")
            << u"SELECT * FROM /a\\/;b/; SELECT 2"_s
            << QStringList {u"SELECT * FROM /a\\/;b/"_s, u"SELECT 2"_s};
    QTest::newRow("division is not a regex")
            << u"SELECT a / 2 FROM m; SELECT b / 2 FROM m"_s
            << QStringList {u"SELECT a / 2 FROM m"_s, u"SELECT b / 2 FROM m"_s};
    QTest::newRow("mixed case keywords kept as written")
            << u"select 1; Show Databases"_s << QStringList {u"select 1"_s, u"Show Databases"_s};
}

void TestInfluxQL::splitStatements()
{
    QFETCH(QString, query);
    QFETCH(QStringList, statements);
    QStringList actual;
    for (QStringView statement : InfluxQL::splitStatements(query))
        actual.append(statement.toString());
    QCOMPARE(actual, statements);
}

void TestInfluxQL::isReadOnly_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("readOnly");

    // Read-only statements in every spelling.
    QTest::newRow("SELECT") << u"SELECT * FROM m"_s << true;
    QTest::newRow("select lower case") << u"select * from m"_s << true;
    QTest::newRow("SeLeCt mixed case") << u"SeLeCt * FrOm m"_s << true;
    QTest::newRow("leading spaces") << u"   SELECT * FROM m"_s << true;
    QTest::newRow("leading newline and tab") << u"\n\tSELECT * FROM m"_s << true;
    QTest::newRow("newline after SELECT") << u"SELECT\n*\nFROM m"_s << true;
    QTest::newRow("SELECT without space") << u"SELECT*FROM m"_s << true;
    QTest::newRow("leading line comment") << u"-- why\nSELECT * FROM m"_s << true;
    QTest::newRow("leading block comment") << u"/* why */SELECT * FROM m"_s << true;
    QTest::newRow("multi-line block comment") << u"/* a\nb */\n select 1"_s << true;
    QTest::newRow("SHOW DATABASES") << u"SHOW DATABASES"_s << true;
    QTest::newRow("show measurements lower case") << u"show measurements"_s << true;
    QTest::newRow("SHOW TAG VALUES") << u"SHOW TAG VALUES WITH KEY = \"host\""_s << true;
    QTest::newRow("SHOW with regex") << u"SHOW MEASUREMENTS WITH MEASUREMENT =~ /cpu.*/"_s << true;
    QTest::newRow("EXPLAIN") << u"EXPLAIN SELECT * FROM m"_s << true;
    QTest::newRow("explain lower case") << u"explain select * from m"_s << true;
    QTest::newRow("subquery") << u"SELECT mean(x) FROM (SELECT max(v) AS x FROM m)"_s << true;

    // INTO that is not an INTO clause.
    QTest::newRow("field named into (quoted)") << u"select \"into\" from m"_s << true;
    QTest::newRow("measurement named INTO (quoted)") << u"SELECT * FROM \"INTO\""_s << true;
    QTest::newRow("INTO in string") << u"SELECT * FROM m WHERE t = 'INTO'"_s << true;
    QTest::newRow("INTO in string with semicolon")
            << u"SELECT * FROM m WHERE t = 'x; SELECT * INTO y FROM m'"_s << true;
    QTest::newRow("INTO in line comment") << u"SELECT * FROM m -- INTO x"_s << true;
    QTest::newRow("INTO in block comment") << u"SELECT * /* INTO x */ FROM m"_s << true;
    QTest::newRow("INTO in regex") << u"SELECT * FROM /INTO/"_s << true;
    QTest::newRow("identifier starting with into") << u"SELECT into_count FROM m"_s << true;

    // Writing statements.
    QTest::newRow("SELECT INTO") << u"SELECT * INTO m2 FROM m"_s << false;
    QTest::newRow("select into lower case") << u"select * into \"m2\" from m"_s << false;
    QTest::newRow("SELECT INTO qualified")
            << u"SELECT mean(v) INTO \"db\".\"rp\".:MEASUREMENT FROM /.*/ GROUP BY *"_s << false;
    QTest::newRow("SELECT INTO after newline") << u"SELECT *\nINTO m2\nFROM m"_s << false;
    QTest::newRow("EXPLAIN ANALYZE") << u"EXPLAIN ANALYZE SELECT * FROM m"_s << false;
    QTest::newRow("explain analyze lower case") << u"explain analyze select * from m"_s << false;
    QTest::newRow("EXPLAIN comment ANALYZE")
            << u"EXPLAIN /* x */ ANALYZE SELECT * FROM m"_s << false;
    QTest::newRow("EXPLAIN with INTO") << u"EXPLAIN SELECT * INTO m2 FROM m"_s << false;
    QTest::newRow("CREATE DATABASE") << u"CREATE DATABASE d"_s << false;
    QTest::newRow("create lower case") << u"create database d"_s << false;
    QTest::newRow("CREATE RETENTION POLICY")
            << u"CREATE RETENTION POLICY rp ON d DURATION 1d REPLICATION 1"_s << false;
    QTest::newRow("CREATE CONTINUOUS QUERY")
            << u"CREATE CONTINUOUS QUERY cq ON d BEGIN SELECT mean(v) INTO m2 FROM m "
               "GROUP BY time(1h) END"_s
            << false;
    QTest::newRow("DROP DATABASE") << u"DROP DATABASE d"_s << false;
    QTest::newRow("DROP SERIES") << u"DROP SERIES FROM m WHERE host = 'a'"_s << false;
    QTest::newRow("ALTER RETENTION POLICY")
            << u"ALTER RETENTION POLICY rp ON d DURATION 2d"_s << false;
    QTest::newRow("GRANT") << u"GRANT ALL ON d TO u"_s << false;
    QTest::newRow("REVOKE") << u"REVOKE ALL PRIVILEGES FROM u"_s << false;
    QTest::newRow("DELETE") << u"DELETE FROM m WHERE time < now() - 1d"_s << false;
    QTest::newRow("KILL QUERY") << u"KILL QUERY 36"_s << false;
    QTest::newRow("SET PASSWORD") << u"SET PASSWORD FOR u = 'secret'"_s << false;
    QTest::newRow("word starting with SELECT") << u"SELECTED * FROM m"_s << false;
    QTest::newRow("parenthesis first") << u"(SELECT 1)"_s << false;

    // Several statements: read-only only when every one is.
    QTest::newRow("two SELECTs") << u"SELECT 1; SELECT 2"_s << true;
    QTest::newRow("SELECT and SHOW") << u"SELECT * FROM m; SHOW DATABASES"_s << true;
    QTest::newRow("trailing semicolon") << u"SELECT * FROM m;"_s << true;
    QTest::newRow("empty statements") << u";SELECT * FROM m;; ;"_s << true;
    QTest::newRow("SELECT then DROP") << u"SELECT * FROM m; DROP MEASUREMENT m"_s << false;
    QTest::newRow("DROP then SELECT") << u"DROP MEASUREMENT m; SELECT * FROM m"_s << false;
    QTest::newRow("SHOW then CREATE") << u"SHOW DATABASES;CREATE DATABASE d"_s << false;
    QTest::newRow("SELECT then SELECT INTO") << u"SELECT 1; select * into x from m"_s << false;
    QTest::newRow("semicolon in string hides nothing")
            << u"SELECT * FROM m WHERE a = 'x;DROP DATABASE d'"_s << true;
    QTest::newRow("semicolon in regex hides nothing")
            << u"SELECT * FROM /a;DROP DATABASE d/"_s << true;
    QTest::newRow("DROP after regex")
            << u"SELECT * FROM m WHERE h =~ /x;y/; DROP DATABASE d"_s << false;
    QTest::newRow("DROP after division") << u"SELECT a / 2 FROM m; DROP SERIES FROM m"_s << false;
    QTest::newRow("DROP after line comment") << u"SELECT 1 -- x\n; DROP DATABASE d"_s << false;

    // Nothing to run: let the server say so.
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("whitespace") << u"  \n "_s << false;
    QTest::newRow("semicolons") << u";;"_s << false;
    QTest::newRow("comment only") << u"-- SELECT 1"_s << false;
    QTest::newRow("comments and semicolons") << u"/* SELECT */ ; -- x"_s << false;
}

void TestInfluxQL::isReadOnly()
{
    QFETCH(QString, query);
    QFETCH(bool, readOnly);
    QCOMPARE(InfluxQL::isReadOnly(query), readOnly);
}

void TestInfluxQL::regexOrDivision_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("regexes");

    QTest::newRow("after FROM") << u"SELECT * FROM /cpu/"_s << QStringList {u"/cpu/"_s};
    QTest::newRow("after from lower case") << u"select * from /cpu/"_s << QStringList {u"/cpu/"_s};
    QTest::newRow("after comma in FROM") << u"SELECT * FROM a, /b/"_s << QStringList {u"/b/"_s};
    QTest::newRow("after SELECT") << u"SELECT /l/ FROM m"_s << QStringList {u"/l/"_s};
    QTest::newRow("after GROUP BY") << u"SELECT * FROM m GROUP BY /h/"_s << QStringList {u"/h/"_s};
    QTest::newRow("after =~") << u"a =~ /x/"_s << QStringList {u"/x/"_s};
    QTest::newRow("after !~ without space") << u"a !~/x/"_s << QStringList {u"/x/"_s};
    QTest::newRow("qualified") << u"FROM \"db\".\"rp\"./m/"_s << QStringList {u"/m/"_s};
    QTest::newRow("default RP") << u"FROM \"db\"../m/"_s << QStringList {u"/m/"_s};
    QTest::newRow("escaped slash") << u"FROM /a\\/b/"_s << QStringList {u"/a\\/b/"_s};
    // influxql only unescapes "\/": "\\/" is a backslash and then an escaped '/'.
    QTest::newRow("double backslash") << u"FROM /a\\\\/b/"_s << QStringList {u"/a\\\\/b/"_s};
    QTest::newRow("division after identifier") << u"SELECT a / b FROM m"_s << QStringList {};
    QTest::newRow("division after number") << u"SELECT 4 / 2"_s << QStringList {};
    QTest::newRow("division after call") << u"SELECT max(a) / 2 FROM m"_s << QStringList {};
    QTest::newRow("division after quoted identifier")
            << u"SELECT \"a\" / 2 FROM m"_s << QStringList {};
    QTest::newRow("division after cast to keyword type")
            << u"SELECT a::field / 2 FROM m"_s << QStringList {};
    QTest::newRow("comment after FROM is a comment")
            << u"SELECT * FROM /* c */ m"_s << QStringList {};
}

void TestInfluxQL::regexOrDivision()
{
    QFETCH(QString, text);
    QFETCH(QStringList, regexes);
    QStringList actual;
    for (const InfluxQL::Token &token : InfluxQL::tokenize(text)) {
        if (token.kind == InfluxQL::Token::Kind::Regex)
            actual.append(token.text(text).toString());
    }
    QCOMPARE(actual, regexes);
}

void TestInfluxQL::unterminatedTokens()
{
    // Cut off by the end of the text: the rest belongs to the token, nothing is split off.
    const QString text = u"SELECT 'a; DROP DATABASE d"_s;
    const QList<InfluxQL::Token> tokens = InfluxQL::tokenize(text);
    QCOMPARE(tokens.size(), 2);
    QCOMPARE(tokens.last().kind, InfluxQL::Token::Kind::String);
    QVERIFY(!tokens.last().terminated);
    QCOMPARE(tokens.last().end, text.size());

    const QList<InfluxQL::Token> comment = InfluxQL::tokenize(u"SELECT 1 /* ; DROP");
    QCOMPARE(comment.last().kind, InfluxQL::Token::Kind::BlockComment);
    QVERIFY(!comment.last().terminated);
    QCOMPARE(InfluxQL::splitStatements(u"SELECT 1 /* ; DROP").size(), 1);
}

void TestInfluxQL::hasTopLevelOr_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("result");

    QTest::newRow("OR") << u"a = 1 OR b = 2"_s << true;
    QTest::newRow("or lower case") << u"a = 1 or b = 2"_s << true;
    QTest::newRow("OR after newline") << u"a = 1\nOR b = 2"_s << true;
    QTest::newRow("AND only") << u"a = 1 AND b = 2"_s << false;
    QTest::newRow("parenthesised OR") << u"(a = 1 OR b = 2)"_s << false;
    QTest::newRow("OR inside call") << u"f(a OR b) > 1"_s << false;
    QTest::newRow("OR between groups") << u"(a) OR (b)"_s << true;
    QTest::newRow("unbalanced groups") << u"a) OR (b"_s << true;
    QTest::newRow("OR in string") << u"a = 'x OR y'"_s << false;
    QTest::newRow("OR as quoted identifier") << u"\"OR\" = 1"_s << false;
    QTest::newRow("OR in comment") << u"a = 1 -- OR b = 2"_s << false;
    QTest::newRow("OR in regex") << u"a =~ /x OR y/"_s << false;
    QTest::newRow("word containing or") << u"origin = 'x' AND color = 'y'"_s << false;
}

void TestInfluxQL::hasTopLevelOr()
{
    QFETCH(QString, expression);
    QFETCH(bool, result);
    QCOMPARE(InfluxQL::hasTopLevelOr(expression), result);
}

void TestInfluxQL::endsInLineComment_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("result");

    QTest::newRow("no comment") << u"a = 1"_s << false;
    QTest::newRow("trailing line comment") << u"a = 1 -- note"_s << true;
    QTest::newRow("line comment then newline") << u"a = 1 -- note\n"_s << false;
    QTest::newRow("block comment") << u"a = 1 /* note */"_s << false;
    QTest::newRow("dashes in string") << u"a = '-- x'"_s << false;
    QTest::newRow("minus sign") << u"a = -1"_s << false;
}

void TestInfluxQL::endsInLineComment()
{
    QFETCH(QString, text);
    QFETCH(bool, result);
    QCOMPARE(InfluxQL::endsInLineComment(text), result);
}

void TestInfluxQL::percentEncode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("semicolon") << u";"_s << "%3B"_ba;
    QTest::newRow("plus") << u"+"_s << "%2B"_ba;
    QTest::newRow("ampersand") << u"&"_s << "%26"_ba;
    QTest::newRow("equals") << u"="_s << "%3D"_ba;
    QTest::newRow("hash") << u"#"_s << "%23"_ba;
    QTest::newRow("percent") << u"%"_s << "%25"_ba;
    QTest::newRow("space") << u" "_s << "%20"_ba;
    QTest::newRow("quotes and slash") << u"'\"/*"_s << "%27%22%2F%2A"_ba;
    QTest::newRow("newline") << u"\n"_s << "%0A"_ba;
    QTest::newRow("unreserved kept") << u"AZaz09-._~"_s << "AZaz09-._~"_ba;
    QTest::newRow("two-byte UTF-8") << u"\u00e4"_s << "%C3%A4"_ba;
    QTest::newRow("three-byte UTF-8") << u"\u20ac"_s << "%E2%82%AC"_ba;
    QTest::newRow("four-byte UTF-8") << u"\U0001F600"_s << "%F0%9F%98%80"_ba;
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("two statements") << u"SELECT * FROM \"m\" WHERE a = 'x+y'; SHOW DATABASES"_s
                                    << "SELECT%20%2A%20FROM%20%22m%22%20WHERE%20a%20%3D%20"
                                       "%27x%2By%27%3B%20SHOW%20DATABASES"_ba;
}

void TestInfluxQL::percentEncode()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(InfluxQL::percentEncode(text), encoded);
    // And the server's decoding gives the text back.
    QCOMPARE(QString::fromUtf8(QByteArray::fromPercentEncoding(encoded)), text);
}

void TestInfluxQL::formEncode()
{
    QCOMPARE(InfluxQL::formEncode({}), QByteArray());
    QCOMPARE(InfluxQL::formEncode({{u"q"_s, u"SELECT 1; SELECT 2"_s}}),
             "q=SELECT%201%3B%20SELECT%202"_ba);
    QCOMPARE(InfluxQL::formEncode({{u"db"_s, u"a&b=c"_s},
                                   {u"q"_s, u"SHOW DATABASES"_s},
                                   {u"empty"_s, QString()}}),
             "db=a%26b%3Dc&q=SHOW%20DATABASES&empty="_ba);
    QCOMPARE(InfluxQL::formEncode({{u"k #"_s, u"\u00e4"_s}}), "k%20%23=%C3%A4"_ba);
}

QTEST_APPLESS_MAIN(TestInfluxQL)
#include "tst_influxql.moc"
