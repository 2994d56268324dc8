// SPDX-License-Identifier: MIT
// The strict line-protocol parser that the encoder fuzzer checks the library's output with
// (tests/fuzz/strictlineparser.h): hand-written lines it must read, and lines it must reject.

#include "strictlineparser.h"

#include <QtTest/QTest>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;
using Influx::FieldValue;
using StrictLineProtocol::parse;

class tst_StrictLineParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullLine();
    void escapes();
    void fieldTypes();
    void floatsExact();
    void rejects_data();
    void rejects();
};

void tst_StrictLineParser::fullLine()
{
    const auto point = parse("cpu,host=a,region=eu\\ west usage=1.5,n=7i,ok=true,s=\"x\" 42");
    QVERIFY(point);
    QCOMPARE(point->measurement, u"cpu"_s);
    QCOMPARE(point->tags.size(), 2);
    QCOMPARE(point->tags[0], std::pair(u"host"_s, u"a"_s));
    QCOMPARE(point->tags[1], std::pair(u"region"_s, u"eu west"_s));
    QCOMPARE(point->fields.size(), 4);
    QCOMPARE(point->fields[0].second, FieldValue(1.5));
    QCOMPARE(point->fields[1].second, FieldValue(qint64(7)));
    QCOMPARE(point->fields[2].second, FieldValue(true));
    QCOMPARE(point->fields[3].second, FieldValue(u"x"_s));
    QCOMPARE(point->time, std::optional<qint64>(42));

    const auto noTime = parse("m f=-1i");
    QVERIFY(noTime);
    QVERIFY(noTime->tags.isEmpty());
    QCOMPARE(noTime->time, std::nullopt);
    QCOMPARE(parse("m f=1 -9223372036854775806")->time,
             std::optional<qint64>(-9223372036854775806));
}

void tst_StrictLineParser::escapes()
{
    // Measurement: comma and space escaped; '=' and '"' literal; other backslashes literal.
    auto point = parse(R"(a\,b\ c=d"\x f=1)");
    QVERIFY(point);
    QCOMPARE(point->measurement, uR"(a,b c=d"\x)"_s);
    // Tags: '\\=' is a literal backslash then an escaped '=' (InfluxDB stores `a\=b`).
    point = parse(R"(m,k\=1\,2=a\\=b f=1)");
    QVERIFY(point);
    QCOMPARE(point->tags[0], std::pair(u"k=1,2"_s, uR"(a\=b)"_s));
    // Field key with escapes; string with \" and \\; UTF-8.
    point = parse(R"(m f\ k\=\,=1,s="say \"hi\" \\ é😀")");
    QVERIFY(point);
    QCOMPARE(point->fields[0].first, u"f k=,"_s);
    QCOMPARE(point->fields[1].second, FieldValue(uR"(say "hi" \ é😀)"_s));
    // A leading U+FEFF is text like any other (QString::fromUtf8() alone would drop it).
    point = parse("\xEF\xBB\xBFm,\xEF\xBB\xBFk=\xEF\xBB\xBFv s=\"\xEF\xBB\xBFx\"");
    QVERIFY(point);
    const QString bom(QChar(0xfeff));
    QCOMPARE(point->measurement, bom + u"m"_s);
    QCOMPARE(point->tags[0], std::pair(QString(bom + u"k"_s), QString(bom + u"v"_s)));
    QCOMPARE(point->fields[0].second, FieldValue(bom + u"x"_s));
}

void tst_StrictLineParser::fieldTypes()
{
    const auto point =
            parse("m a=t,b=T,c=TRUE,d=True,e=f,f=F,g=false,h=FALSE,i=9223372036854775807i,j=-0,"
                  "k=.5,l=1.,m=1e+21,n=007,o=1e-400");
    QVERIFY(point);
    const QList<FieldValue> expected = {
            true, true, true, true, false, false, false, false, qint64(9223372036854775807),
            -0.0, 0.5,  1.0,  1e21, 7.0,   0.0};
    QCOMPARE(point->fields.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(point->fields[i].second, expected[i]);
    QVERIFY(std::signbit(point->fields[9].second.toDouble())); // -0 stays negative
}

void tst_StrictLineParser::floatsExact()
{
    for (const double value :
         {0.1, 1.0 / 3, 5e-324, 1.7976931348623157e308, -2.2250738585072014e-308}) {
        const QByteArray text = QByteArray::number(value, 'g', 17);
        const auto point = parse(QByteArray("m f=" + text));
        QVERIFY2(point, text.constData());
        const double parsed = point->fields[0].second.toDouble();
        QVERIFY(std::memcmp(&parsed, &value, sizeof value) == 0);
    }
}

void tst_StrictLineParser::rejects_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no fields") << QByteArray("m");
    QTest::newRow("no fields after tags") << QByteArray("m,k=v");
    QTest::newRow("empty field set") << QByteArray("m ");
    QTest::newRow("comment") << QByteArray("#m f=1");
    QTest::newRow("leading tab") << QByteArray("\tm f=1");
    QTest::newRow("newline") << QByteArray("m f=1\nm f=2");
    QTest::newRow("carriage return") << QByteArray("m f=1\r");
    QTest::newRow("invalid UTF-8") << QByteArray("m f=\"\xff\"");
    QTest::newRow("empty tag value") << QByteArray("m,k= f=1");
    QTest::newRow("empty tag key") << QByteArray("m,=v f=1");
    QTest::newRow("tag without value") << QByteArray("m,k f=1");
    QTest::newRow("bare = in tag value") << QByteArray("m,k=a=b f=1");
    QTest::newRow("tag key time") << QByteArray("m,time=1 f=1");
    QTest::newRow("field key time") << QByteArray("m time=1");
    QTest::newRow("duplicate tag") << QByteArray("m,k=a,k=b f=1");
    QTest::newRow("duplicate field") << QByteArray("m f=1,f=2");
    QTest::newRow("empty field key") << QByteArray("m =1");
    QTest::newRow("field without value") << QByteArray("m f=");
    QTest::newRow("trailing comma") << QByteArray("m f=1,");
    QTest::newRow("two spaces") << QByteArray("m  f=1");
    QTest::newRow("trailing space") << QByteArray("m f=1 ");
    QTest::newRow("time with text") << QByteArray("m f=1 12x");
    QTest::newRow("time overflow") << QByteArray("m f=1 9223372036854775808");
    QTest::newRow("plus sign") << QByteArray("m f=+1");
    QTest::newRow("inf") << QByteArray("m f=inf");
    QTest::newRow("nan") << QByteArray("m f=NaN");
    QTest::newRow("hex") << QByteArray("m f=0x10");
    QTest::newRow("float overflow") << QByteArray("m f=1e400");
    QTest::newRow("exponent without digits") << QByteArray("m f=1e");
    QTest::newRow("lone dot") << QByteArray("m f=.");
    QTest::newRow("integer overflow") << QByteArray("m f=9223372036854775808i");
    QTest::newRow("float integer") << QByteArray("m f=1.5i");
    QTest::newRow("unsigned") << QByteArray("m f=1u");
    QTest::newRow("bare word") << QByteArray("m f=yes");
    QTest::newRow("unterminated string") << QByteArray("m f=\"abc");
    QTest::newRow("lone backslash in string") << QByteArray("m f=\"a\\b\"");
    QTest::newRow("text after string") << QByteArray("m f=\"a\"b");
    QTest::newRow("measurement backslash before comma") << QByteArray("a\\\\,b f=1");
    QTest::newRow("measurement ends in backslash") << QByteArray("a\\ f=1");
    QTest::newRow("field key backslash before quote") << QByteArray("m a\\\"=1");
    QTest::newRow("tag value backslash before space") << QByteArray("m,k=a\\\\\\ b f=1");
    QTest::newRow("tag value ends in backslash") << QByteArray("m,k=a\\");
}

void tst_StrictLineParser::rejects()
{
    QFETCH(QByteArray, line);
    QString error;
    const auto point = parse(line, &error);
    QVERIFY2(!point, line.constData());
    QVERIFY(!error.isEmpty());
}

QTEST_APPLESS_MAIN(tst_StrictLineParser)
#include "tst_strictlineparser.moc"
