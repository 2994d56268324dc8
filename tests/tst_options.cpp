// SPDX-License-Identifier: MIT
// ClientOptions: defaults, validation with the reference client's messages (spec §2.2, §9.4),
// and how per-call overrides combine with the defaults (they never remove one).
#include "client.h"
#include "clientoptions.h"

#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;

class tst_Options : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void badValues_data();
    void badValues();
    void goodValues();
    void epochAcceptsWhatItsMessageLists_data();
    void epochAcceptsWhatItsMessageLists();
    void valuesAreCaseSensitive();
    void trailingSlashesAreStripped();
    void severalBaseUrlsKeepTheirOrder();
    void invalidBaseUrls_data();
    void invalidBaseUrls();
    void setOptionsKeepsOldOptionsWhenInvalid();
    void errorUrlNeverCarriesCredentials();
    void timeoutsATimerCannotHoldAreRefused();
};

void tst_Options::defaults()
{
    const ClientOptions o;
    QCOMPARE(o.baseUrls, QList<QUrl> {QUrl(u"http://localhost:8086"_s)});
    QCOMPARE(o.timeout, std::chrono::milliseconds(60000));
    QVERIFY(o.chunked);
    QCOMPARE(o.chunkSize, 0);
    QVERIFY(!o.precision);
    QVERIFY(!o.epoch);
    QVERIFY(!o.consistency);
    QVERIFY(!o.validate().isError());
}

void tst_Options::badValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("consistency")
            << u"consistency"_s << u"blah"_s
            << u"consistency must be one of \"any\", \"one\", \"quorum\", \"all\" or None"_s;
    QTest::newRow("precision")
            << u"precision"_s << u"blah"_s
            << u"precision must be one of \"n\", \"u\", \"ms\", \"s\", \"m\", \"h\" or None"_s;
    QTest::newRow("epoch")
            << u"epoch"_s << u"blah"_s
            << u"epoch must be one of \"n\", \"u\", \"ms\", \"s\", \"m\", \"h\" or None"_s;
    QTest::newRow("empty precision")
            << u"precision"_s << QString(u""_s)
            << u"precision must be one of \"n\", \"u\", \"ms\", \"s\", \"m\", \"h\" or None"_s;
}

void tst_Options::badValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, message);
    Error error;
    ClientOptions::fromVariantMap({{key, value}}, &error);
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(), message);
}

void tst_Options::goodValues()
{
    Error error;
    const ClientOptions o = ClientOptions::fromVariantMap(
            {{u"baseUrls"_s, QStringList {u"http://a:8086"_s, u"https://b/influx/"_s}},
             {u"database"_s, u"testdb"_s},
             {u"username"_s, u"testuser"_s},
             {u"password"_s, u"testpass"_s},
             {u"consistency"_s, u"all"_s},
             {u"retentionPolicy"_s, u"policy1"_s},
             {u"precision"_s, u"ms"_s},
             {u"epoch"_s, u"u"_s},
             {u"chunkSize"_s, 5000},
             {u"timeout"_s, 2.5}},
            &error);
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QCOMPARE(o.baseUrls, (QList<QUrl> {QUrl(u"http://a:8086"_s), QUrl(u"https://b/influx"_s)}));
    QCOMPARE(o.database, u"testdb"_s);
    QCOMPARE(o.username, u"testuser"_s);
    QCOMPARE(o.password, u"testpass"_s);
    QCOMPARE(o.consistency, Consistency::All);
    QCOMPARE(o.retentionPolicy, u"policy1"_s);
    QCOMPARE(o.precision, Precision::Milliseconds);
    QCOMPARE(o.epoch, Precision::Microseconds);
    QCOMPARE(o.chunkSize, 5000);
    // Unlike the reference (int seconds only), fractions of a second are kept.
    QCOMPARE(o.timeout, std::chrono::milliseconds(2500));
}

void tst_Options::epochAcceptsWhatItsMessageLists_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Precision>("precision");
    QTest::newRow("n") << u"n"_s << Precision::Nanoseconds;
    QTest::newRow("u") << u"u"_s << Precision::Microseconds;
    QTest::newRow("ms") << u"ms"_s << Precision::Milliseconds;
    QTest::newRow("s") << u"s"_s << Precision::Seconds;
    QTest::newRow("m") << u"m"_s << Precision::Minutes;
    QTest::newRow("h") << u"h"_s << Precision::Hours;
}

void tst_Options::epochAcceptsWhatItsMessageLists()
{
    // Reference QUIRK fixed: its message offered "ns", which it then rejected. Every value the
    // message lists is accepted, for epoch and precision alike.
    QFETCH(QString, name);
    QFETCH(Precision, precision);
    Error error;
    QCOMPARE(parseEpochOption(name, &error), precision);
    QCOMPARE(parsePrecisionOption(name, &error), precision);
    QVERIFY(!error.isError());
    QVERIFY(error.message().isEmpty());
    Error bad;
    QVERIFY(!parseEpochOption(u"ns"_s, &bad));
    QVERIFY(bad.message().contains(u"\"n\", \"u\""_s));
    QVERIFY(!bad.message().contains(u"\"ns\""_s));
}

void tst_Options::valuesAreCaseSensitive()
{
    Error error;
    QVERIFY(!parsePrecisionOption(u"MS"_s, &error));
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QVERIFY(!parseConsistencyOption(u"ALL"_s, &error));
}

void tst_Options::trailingSlashesAreStripped()
{
    Client client(ClientOptions {
            .baseUrls = {QUrl(u"http://h:8086//"_s), QUrl(u"https://host:443/influx/"_s)}});
    QCOMPARE(client.baseUrls(),
             (QList<QUrl> {QUrl(u"http://h:8086"_s), QUrl(u"https://host:443/influx"_s)}));
}

void tst_Options::severalBaseUrlsKeepTheirOrder()
{
    const QList<QUrl> urls {QUrl(u"http://c:1"_s), QUrl(u"http://a:2"_s), QUrl(u"http://b:3"_s)};
    Client client(ClientOptions {.baseUrls = urls});
    QCOMPARE(client.baseUrls(), urls);
}

void tst_Options::invalidBaseUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("no scheme") << u"localhost:8086"_s;
    QTest::newRow("ftp") << u"ftp://host/"_s;
    QTest::newRow("no host") << u"http://"_s;
    QTest::newRow("credentials") << u"http://user:secret@host:8086"_s;
}

void tst_Options::invalidBaseUrls()
{
    QFETCH(QString, url);
    Error error;
    ClientOptions::fromVariantMap({{u"baseUrls"_s, url}}, &error);
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QVERIFY2(!error.message().contains(u"secret"_s), "a password must never reach a message");
}

void tst_Options::setOptionsKeepsOldOptionsWhenInvalid()
{
    Client client(ClientOptions {.baseUrls = {QUrl(u"http://good:8086"_s)}, .database = u"db"_s});
    const Error error = client.setOptions(ClientOptions {.baseUrls = {QUrl(u"gopher://x"_s)}});
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(client.options().database, u"db"_s);
    QCOMPARE(client.baseUrls(), QList<QUrl> {QUrl(u"http://good:8086"_s)});
}

void tst_Options::errorUrlNeverCarriesCredentials()
{
    Error error(Error::Kind::ServerError, u"x"_s);
    error.setUrl(QUrl(u"http://user:pw@host:8086/query?u=user&p=pw&q=SELECT"_s));
    QCOMPARE(error.url(), QUrl(u"http://host:8086/query"_s));
}

void tst_Options::timeoutsATimerCannotHoldAreRefused()
{
    // QTimer counts in int milliseconds: 4294968 s used to wrap around to a 704 ms timeout.
    const std::chrono::milliseconds longest {std::numeric_limits<int>::max()};
    QVERIFY(!ClientOptions {.timeout = longest}.validate().isError());
    const Error error = ClientOptions {.timeout = longest + 1ms}.validate();
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(),
             u"timeout must be at most 2147483 seconds (about 24 days); 0 means none"_s);
    for (const QVariant &seconds :
         {QVariant(4294968), QVariant(u"1e300"_s), QVariant(u"inf"_s), QVariant(u"nan"_s)}) {
        Error parsed;
        ClientOptions::fromVariantMap({{u"timeout"_s, seconds}}, &parsed);
        QVERIFY2(parsed.message().startsWith(u"timeout must be"_s), qPrintable(parsed.message()));
    }
    Client client;
    QVERIFY(client.setOptions(ClientOptions {.timeout = 4294968s}).isError());
    QCOMPARE(client.options().timeout, ClientOptions().timeout);
}

QTEST_GUILESS_MAIN(tst_Options)
#include "tst_options.moc"
