// SPDX-License-Identifier: MIT
// Authentication against a real influxd with auth-enabled = true (started by this test):
// HTTP Basic credentials work, a wrong password is the server's 401, nothing leaks into URLs.
#include "client.h"
#include "localserver.h"
#include "testserver.h"

#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;

class tst_Auth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void basicAuthentication();
    void wrongPassword();
    void missingCredentials();
    void perCallCredentialsOverrideDefaults();
    void tokenHeaderReachesServer();

private:
    ClientOptions options(const QString &user, const QString &password) const;
    LocalServer m_server;
};

ClientOptions tst_Auth::options(const QString &user, const QString &password) const
{
    ClientOptions o;
    o.baseUrls = {m_server.url()};
    o.username = user;
    o.password = password;
    return o;
}

void tst_Auth::initTestCase()
{
    m_server.setAuthEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    // With no user yet, influxd lets exactly this statement through unauthenticated.
    Client bootstrap(options({}, {}));
    Error error;
    TestSupport::query(bootstrap,
                       u"CREATE USER admin WITH PASSWORD 'pä$$ wörd' WITH ALL PRIVILEGES"_s, {},
                       &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    Client admin(options(u"admin"_s, u"pä$$ wörd"_s));
    TestSupport::query(admin,
                       u"CREATE DATABASE secured; CREATE USER reader WITH PASSWORD 'r'; "
                       u"GRANT READ ON secured TO reader"_s,
                       {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_Auth::basicAuthentication()
{
    Client client(options(u"admin"_s, u"pä$$ wörd"_s));
    QVERIFY(!TestSupport::writeLines(client, "m v=1 1", {.database = u"secured"_s}).isError());
    Error error;
    const QueryResult result =
            TestSupport::query(client, u"SELECT * FROM m"_s, {.database = u"secured"_s}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(result.series().rowCount(), 1);
}

void tst_Auth::wrongPassword()
{
    Client client(options(u"admin"_s, u"wrong"_s));
    QueryReply *reply = client.rawQuery(u"SHOW DATABASES"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().httpStatus(), 401);
    QCOMPARE(reply->error().message(), u"authorization failed"_s);
    QVERIFY(!reply->error().toString().contains(u"wrong"_s));
    QVERIFY(!reply->error().url().toString().contains(u"wrong"_s));
}

void tst_Auth::missingCredentials()
{
    Client client(options({}, {}));
    WriteReply *reply = client.writeLines("m v=1", {.database = u"secured"_s});
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().httpStatus(), 401);
    QCOMPARE(reply->error().message(), u"unable to parse authentication credentials"_s);
}

void tst_Auth::perCallCredentialsOverrideDefaults()
{
    Client client(options(u"admin"_s, u"pä$$ wörd"_s));
    // The read-only user may read but not write: the server's 403 names the user.
    WriteReply *write = client.writeLines(
            "m v=2", {.database = u"secured"_s, .username = u"reader"_s, .password = u"r"_s});
    QVERIFY(write->waitForFinished(10000));
    QCOMPARE(write->error().httpStatus(), 403);
    QVERIFY2(write->error().message().contains(u"reader"_s), qPrintable(write->error().message()));
    Error error;
    TestSupport::query(client, u"SELECT * FROM m"_s,
                       {.database = u"secured"_s, .username = u"reader"_s, .password = u"r"_s},
                       &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_Auth::tokenHeaderReachesServer()
{
    // InfluxDB 1.6 predates "Authorization: Token" (added for the 2.x compatibility API), so it
    // answers with its credentials error: the header arrived and was used instead of Basic
    // credentials, which would have been accepted. (tst_faults checks the header's bytes.)
    ClientOptions o = options(u"admin"_s, u"pä$$ wörd"_s);
    o.token = u"admin:pä$$ wörd"_s;
    Client client(o);
    QueryReply *reply = client.rawQuery(u"SHOW DATABASES"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().httpStatus(), 401);
    QCOMPARE(reply->error().message(), u"unable to parse authentication credentials"_s);
}

QTEST_GUILESS_MAIN(tst_Auth)
#include "tst_auth.moc"
