// SPDX-License-Identifier: MIT
// Ordered failover across base URLs (spec §4.2) with several real influxd servers, each started
// by this test with Influx::LocalServer: the first URL refuses connections, the next answers and
// goes to the front; when it dies, the request moves on in order.
#include "client.h"
#include "localserver.h"
#include "testserver.h"

#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;

class tst_Failover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refusedFirstUrlFailsOverAndIsDemoted();
    void deadServerMovesToTheNextInOrder();
    void nothingReachable();

private:
    static QUrl refusingUrl();
    LocalServer m_a;
    LocalServer m_b;
};

QUrl tst_Failover::refusingUrl()
{
    // A port that was free a moment ago: nothing listens there, so connections are refused.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

void tst_Failover::initTestCase()
{
    QVERIFY2(m_a.start(), qPrintable(m_a.errorString()));
    QVERIFY2(m_b.start(), qPrintable(m_b.errorString()));
    QVERIFY(m_a.url() != m_b.url());
    QCOMPARE(m_a.url().host(), u"127.0.0.1"_s);
}

void tst_Failover::refusedFirstUrlFailsOverAndIsDemoted()
{
    const QUrl refused = refusingUrl();
    Client client(ClientOptions {.baseUrls = {refused, m_a.url(), m_b.url()}});
    PingReply *reply = client.ping();
    QVERIFY(reply->waitForFinished(20000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->serverUrl(), m_a.url());
    // The server that answered goes first; the others keep their relative order.
    QCOMPARE(client.baseUrls(), (QList<QUrl> {m_a.url(), refused, m_b.url()}));

    // Writes and queries follow the same path, to the same server.
    QVERIFY(!TestSupport::query(client, u"CREATE DATABASE fo"_s).hasErrors());
    QVERIFY(!TestSupport::writeLines(client, "m v=1 1", {.database = u"fo"_s}).isError());
    const QueryResult result =
            TestSupport::query(client, u"SELECT * FROM m"_s, {.database = u"fo"_s});
    QCOMPARE(result.series().rowCount(), 1);
}

void tst_Failover::deadServerMovesToTheNextInOrder()
{
    const QUrl refused = refusingUrl();
    LocalServer c;
    QVERIFY2(c.start(), qPrintable(c.errorString()));
    Client client(ClientOptions {.baseUrls = {c.url(), refused, m_b.url()}});
    PingReply *first = client.ping();
    QVERIFY(first->waitForFinished(20000));
    QCOMPARE(first->serverUrl(), c.url());

    c.stop(); // the server that answered last dies
    PingReply *second = client.ping();
    QVERIFY(second->waitForFinished(20000));
    QVERIFY2(second->isSuccess(), qPrintable(second->error().toString()));
    QCOMPARE(second->serverUrl(), m_b.url());
    QCOMPARE(client.baseUrls(), (QList<QUrl> {m_b.url(), c.url(), refused}));
}

void tst_Failover::nothingReachable()
{
    Client client(ClientOptions {.baseUrls = {refusingUrl(), refusingUrl()}});
    QueryReply *reply = client.rawQuery(u"SHOW DATABASES"_s);
    QVERIFY(reply->waitForFinished(20000));
    QCOMPARE(reply->error().kind(), Error::Kind::NoServersReachable);
    QCOMPARE(reply->error().message(), u"no servers could be reached"_s);
    QVERIFY(reply->error().detail().contains(u"refused"_s, Qt::CaseInsensitive));
}

QTEST_GUILESS_MAIN(tst_Failover)
#include "tst_failover.moc"
