// SPDX-License-Identifier: MIT
// TLS: certificates are verified by default; a private CA file or verifyTls=false lets a
// self-signed server in. A local HTTPS server on 127.0.0.1 answers /ping.
#include "client.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QSslSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return file.readAll();
}

// Answers every request with 204 and an X-Influxdb-Version header, over TLS.
class HttpsPingServer : public QSslServer
{
public:
    HttpsPingServer()
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(readData(u"server.pem"_s), QSsl::Pem));
        config.setPrivateKey(QSslKey(readData(u"server.key"_s), QSsl::Rsa, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        setSslConfiguration(config);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++m_requests;
                    socket->write("HTTP/1.1 204 No Content\r\nX-Influxdb-Version: tls-test\r\n"
                                  "Content-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        // A handshake the client refused is expected here; nothing to do with it.
        connect(this, &QSslServer::errorOccurred, this,
                [](QSslSocket *, QAbstractSocket::SocketError) {});
    }
    QUrl url() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(serverPort())); }
    // Requests that got through the handshake (what an impostor could read).
    int requests() const { return m_requests; }

private:
    int m_requests = 0;
};

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void selfSignedIsRefusedByDefault();
    void caFileLetsItIn();
    void verificationCanBeTurnedOff();
    void unreadableCaFileIsAnOptionError();
    void credentialsNeverReachAnUnverifiedServer();

private:
    Error ping(const ClientOptions &options, QString *version = nullptr);
    HttpsPingServer m_server;
};

void tst_Tls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend (the openssl plugin of libqt6network6 is missing)");
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

Error tst_Tls::ping(const ClientOptions &options, QString *version)
{
    Client client;
    if (Error error = client.setOptions(options))
        return error;
    PingReply *reply = client.ping();
    reply->waitForFinished(10000);
    if (!reply->isFinished())
        return Error(Error::Kind::Timeout, u"test: no answer"_s);
    if (version)
        *version = reply->version();
    return reply->error();
}

void tst_Tls::selfSignedIsRefusedByDefault()
{
    ClientOptions options;
    options.baseUrls = {m_server.url()};
    QVERIFY(options.verifyTls);
    const Error error = ping(options);
    QVERIFY(error.isError());
    QVERIFY2(error.kind() == Error::Kind::ConnectionError, qPrintable(error.toString()));
    // The reason names the certificate problem, so the user knows what to configure.
    QVERIFY2(error.toString().contains(u"certificate"_s, Qt::CaseInsensitive)
                     || error.toString().contains(u"SSL"_s) || error.toString().contains(u"TLS"_s),
             qPrintable(error.toString()));
}

void tst_Tls::caFileLetsItIn()
{
    ClientOptions options;
    options.baseUrls = {m_server.url()};
    options.caFile = QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem");
    QString version;
    const Error error = ping(options, &version);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(version, u"tls-test"_s);
}

void tst_Tls::verificationCanBeTurnedOff()
{
    ClientOptions options;
    options.baseUrls = {m_server.url()};
    options.verifyTls = false;
    QString version;
    const Error error = ping(options, &version);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(version, u"tls-test"_s);
}

void tst_Tls::unreadableCaFileIsAnOptionError()
{
    QTemporaryDir dir;
    QFile notPem(dir.filePath(u"ca.pem"_s));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("not a certificate\n");
    notPem.close();
    for (const QString &path : {notPem.fileName(), dir.filePath(u"missing.pem"_s)}) {
        ClientOptions options;
        options.caFile = path;
        const Error error = options.validate();
        QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
        QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        Client client;
        QVERIFY(client.setOptions(options).isError());
    }
    Error error;
    const ClientOptions parsed = ClientOptions::fromVariantMap(
            {{u"caFile"_s, QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem")},
             {u"verifyTls"_s, false}},
            &error);
    QVERIFY(!error.isError());
    QVERIFY(!parsed.verifyTls);
    QVERIFY(parsed.caFile.endsWith(u"ca.pem"_s));
}

void tst_Tls::credentialsNeverReachAnUnverifiedServer()
{
    // The handshake fails before any byte of the request, Authorization header included, is
    // sent: a server that cannot prove who it is learns no password or token.
    ClientOptions options;
    options.baseUrls = {m_server.url()};
    options.username = u"admin"_s;
    options.password = u"tls-password"_s;
    const int before = m_server.requests();
    QVERIFY(ping(options).isError());
    Client client(options);
    QueryReply *query = client.rawQuery(u"SHOW DATABASES"_s);
    WriteReply *write = client.writeLines("m v=1\n", {.database = u"db"_s});
    QVERIFY(query->waitForFinished(10000));
    QVERIFY(write->waitForFinished(10000));
    QCOMPARE(query->error().kind(), Error::Kind::ConnectionError);
    QCOMPARE(write->error().kind(), Error::Kind::ConnectionError);
    options.token = u"tls-token"_s;
    QVERIFY(ping(options).isError());
    QCOMPARE(m_server.requests(), before);
    // The counting works: with the CA configured the request arrives.
    options.caFile = QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem");
    QVERIFY(!ping(options).isError());
    QCOMPARE(m_server.requests(), before + 1);
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
