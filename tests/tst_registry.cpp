// SPDX-License-Identifier: MIT
// ClientRegistry: the reference's Asphalt component tests (spec §11, tests 17-19) for our
// registry of named clients, with the same log lines, plus deep merging and validation.
#include "clientregistry.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;

class tst_Registry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultClient();
    void clusteredClient();
    void multipleClients();
    void clientOptionsAreDeepMerged();
    void invalidOptionBuildsNothing();
};

void tst_Registry::defaultClient()
{
    QTest::ignoreMessage(QtInfoMsg,
                         "Configured InfluxDB client (default / ctx.influxdb; "
                         "base_urls=['http://localhost:8086'])");
    QTest::ignoreMessage(QtInfoMsg, "InfluxDB client (default) shut down");
    auto registry = std::make_unique<ClientRegistry>();
    QVERIFY(!registry->configure({}).isError());
    QCOMPARE(registry->names(), QStringList {u"default"_s});
    QVERIFY(registry->clientByAlias(u"influxdb"_s));
    QCOMPARE(registry->clientByAlias(u"influxdb"_s), registry->client(u"default"_s));
    registry.reset();
}

void tst_Registry::clusteredClient()
{
    QTest::ignoreMessage(QtInfoMsg,
                         "Configured InfluxDB client (default / ctx.influxdb; "
                         "base_urls=['http://influx1.example.org:8086', "
                         "'http://influx2.example.org:8087/prefix'])");
    QTest::ignoreMessage(QtInfoMsg, "InfluxDB client (default) shut down");
    ClientRegistry registry;
    QVERIFY(!registry.configure({{u"baseUrls"_s,
                                  QStringList {u"http://influx1.example.org:8086"_s,
                                               u"http://influx2.example.org:8087/prefix"_s}}})
                     .isError());
    QCOMPARE(registry.client(u"default"_s)->baseUrls().size(), 2);
}

void tst_Registry::multipleClients()
{
    QTest::ignoreMessage(
            QtInfoMsg,
            "Configured InfluxDB client (db1 / ctx.db1; base_urls=['http://localhost:9999'])");
    QTest::ignoreMessage(QtInfoMsg,
                         "Configured InfluxDB client (db2 / ctx.db2; "
                         "base_urls=['https://remotehost.example.org:443/influx'])");
    QTest::ignoreMessage(QtInfoMsg, "InfluxDB client (db1) shut down");
    QTest::ignoreMessage(QtInfoMsg, "InfluxDB client (db2) shut down");
    ClientRegistry registry;
    const QVariantMap clients {
            {u"db1"_s, QVariantMap {{u"baseUrls"_s, u"http://localhost:9999"_s}}},
            {u"db2"_s,
             QVariantMap {{u"baseUrls"_s, u"https://remotehost.example.org:443/influx"_s}}}};
    QVERIFY(!registry.configure({{u"clients"_s, clients}}).isError());
    QCOMPARE(registry.names(), (QStringList {u"db1"_s, u"db2"_s}));
    QVERIFY(registry.clientByAlias(u"db1"_s));
    QVERIFY(registry.clientByAlias(u"db2"_s));
    QVERIFY(registry.clientByAlias(u"db1"_s) != registry.clientByAlias(u"db2"_s));
}

void tst_Registry::clientOptionsAreDeepMerged()
{
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u".*"_s));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u".*"_s));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u".*"_s));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u".*"_s));
    ClientRegistry registry;
    const QVariantMap clients {
            {u"influx1"_s, QVariantMap {{u"baseUrls"_s, u"http://influx.example.org:8886"_s}}},
            {u"influx2"_s,
             QVariantMap {{u"contextAttr"_s, u"influxalter"_s},
                          {u"database"_s, u"anotherdb"_s},
                          {u"username"_s, u"testuser"_s}}}};
    QVERIFY(!registry.configure({{u"database"_s, u"mydb"_s},
                                 {u"precision"_s, u"ms"_s},
                                 {u"clients"_s, clients}})
                     .isError());
    const ClientOptions one = registry.client(u"influx1"_s)->options();
    QCOMPARE(one.database, u"mydb"_s);
    QCOMPARE(one.precision, Precision::Milliseconds);
    QCOMPARE(registry.alias(u"influx2"_s), u"influxalter"_s);
    const ClientOptions two = registry.clientByAlias(u"influxalter"_s)->options();
    QCOMPARE(two.database, u"anotherdb"_s);
    QCOMPARE(two.username, u"testuser"_s);
    QCOMPARE(two.precision, Precision::Milliseconds);
}

void tst_Registry::invalidOptionBuildsNothing()
{
    ClientRegistry registry;
    const QVariantMap clients {{u"good"_s, QVariantMap {}},
                               {u"bad"_s, QVariantMap {{u"epoch"_s, u"ns"_s}}}};
    const Error error = registry.configure({{u"clients"_s, clients}});
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(
            error.message(),
            u"client bad: epoch must be one of \"n\", \"u\", \"ms\", \"s\", \"m\", \"h\" or None"_s);
    QVERIFY(registry.names().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Registry)
#include "tst_registry.moc"
