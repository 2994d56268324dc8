// SPDX-License-Identifier: MIT
// Connection profiles end to end: ProfileStore round trip through an INI file (which never
// holds a secret), SecretStore in session-only mode and its fallback when no keychain can be
// reached, ConnectionManager configuring the shared client, and the ConnectionDialog driven
// like a user against the fixture's influxd.
#include "client.h"
#include "settings/connectiondialog.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "settings/profilestore.h"
#include "settings/secretstore.h"
#include "testserver.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>

using namespace Qt::StringLiterals;
using namespace Explorer;
using Auth = ConnectionProfile::Auth;

namespace {

ConnectionProfile fullProfile(const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.baseUrls = {QUrl(u"https://influx-a.example:8086"_s), QUrl(u"http://10.0.0.2:8087"_s)};
    p.database = u"metrics db"_s;
    p.auth = Auth::UsernamePassword;
    p.username = u"jörg"_s;
    p.verifyTls = false;
    p.caFile = QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem");
    p.consistency = Influx::Consistency::Quorum;
    p.retentionPolicy = u"autogen"_s;
    p.precision = Influx::Precision::Seconds;
    p.epoch = Influx::Precision::Milliseconds;
    p.chunkSize = 5000;
    p.timeoutSeconds = 17;
    p.compression = Influx::Compression::Gzip;
    return p;
}

// A port on 127.0.0.1 that nobody listens on (free a moment ago).
quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

void replaceText(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, lines.at(i));
    }
}

} // namespace

class tst_Settings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void profileToClientOptions();
    void profileValidation_data();
    void profileValidation();
    void uniqueNames();
    void profileStoreRoundTrip();
    void profileStoreSkipsInvalidEntries();
    void sessionOnlySecrets();
    void sessionOnlyRename();
    void keychainWithoutSessionBusIsSessionOnly();
    void managerActivatesProfile();
    void managerReportsInvalidProfiles();
    void managerAsksForMissingSecret();
    void managerTemporaryProfileIsNotSaved();
    void managerFollowsEditsOfTheActiveProfile();
    void dialogCreatesAndTestsProfiles();
    void dialogDuplicateAndRemove();
    void dialogValidationDisablesOk();
    void dialogRenameMovesSecret();
    void dialogRefusesAbsurdValues();
    // Last: it points this process's D-Bus at an unreachable bus, which QtDBus then keeps.
    void keychainFallsBackWhenUnreachable();

private:
    QString settingsPath() const { return m_dir->filePath(u"explorer.ini"_s); }
    QByteArray settingsBytes() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QUrl m_fixture;
};

void tst_Settings::initTestCase()
{
    m_fixture = TestSupport::fixtureUrl();
    QVERIFY2(m_fixture.isValid() && !m_fixture.isEmpty(), "no influxd fixture (run through ctest)");
}

void tst_Settings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray tst_Settings::settingsBytes() const
{
    QFile file(settingsPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void tst_Settings::profileToClientOptions()
{
    const ConnectionProfile p = fullProfile(u"full"_s);
    const Influx::ClientOptions o = p.toClientOptions(u"s3cret"_s);
    QCOMPARE(o.baseUrls, p.baseUrls);
    QCOMPARE(o.database, u"metrics db"_s);
    QCOMPARE(o.username, u"jörg"_s);
    QCOMPARE(o.password, u"s3cret"_s);
    QVERIFY(o.token.isEmpty());
    QCOMPARE(o.retentionPolicy, u"autogen"_s);
    QCOMPARE(o.consistency, Influx::Consistency::Quorum);
    QCOMPARE(o.precision, Influx::Precision::Seconds);
    QCOMPARE(o.epoch, Influx::Precision::Milliseconds);
    QVERIFY(o.chunked);
    QCOMPARE(o.chunkSize, 5000);
    QCOMPARE(o.timeout, std::chrono::milliseconds(17000));
    QCOMPARE(o.verifyTls, false);
    QCOMPARE(o.compression, Influx::Compression::Gzip);
    QCOMPARE(o.caFile, QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem"));
    QVERIFY(!o.validate());

    ConnectionProfile token = p;
    token.auth = Auth::Token;
    const Influx::ClientOptions t = token.toClientOptions(u"tok"_s);
    QCOMPARE(t.token, u"tok"_s);
    QVERIFY(t.username.isEmpty() && t.password.isEmpty());

    ConnectionProfile none = p;
    none.auth = Auth::None;
    const Influx::ClientOptions n = none.toClientOptions(u"ignored"_s);
    QVERIFY(n.username.isEmpty() && n.password.isEmpty() && n.token.isEmpty());

    const ConnectionProfile defaults;
    QVERIFY(defaults.verifyTls);
    QCOMPARE(defaults.timeoutSeconds, 60);
    QCOMPARE(defaults.chunkSize, 0);
    QVERIFY(defaults.toClientOptions({}).chunked);
    QVERIFY(!defaults.toClientOptions({}).epoch);
    QCOMPARE(defaults.toClientOptions({}).compression, Influx::Compression::Auto);
}

void tst_Settings::profileValidation_data()
{
    QTest::addColumn<ConnectionProfile>("profile");
    QTest::addColumn<QString>("messagePart"); // empty = valid

    ConnectionProfile good;
    good.name = u"ok"_s;
    good.baseUrls = {QUrl(u"http://localhost:8086"_s)};
    QTest::newRow("valid") << good << QString();
    ConnectionProfile p = good;
    p.name = u"  "_s;
    QTest::newRow("no name") << p << u"name"_s;
    p = good;
    p.baseUrls.clear();
    QTest::newRow("no url") << p << u"URL"_s;
    p = good;
    p.baseUrls = {QUrl(u"ftp://host"_s)};
    QTest::newRow("ftp") << p << u"invalid base URL: ftp://host"_s;
    p = good;
    p.baseUrls = {QUrl(u"http://localhost:8086"_s), QUrl(u"http://"_s)};
    QTest::newRow("second url bad") << p << u"invalid base URL"_s;
    p = good;
    p.baseUrls = {QUrl(u"http://u:pw@host"_s)};
    QTest::newRow("credentials in url") << p << u"credentials"_s;
    p = good;
    p.auth = Auth::UsernamePassword;
    QTest::newRow("no user name") << p << u"user name"_s;
    p = good;
    p.timeoutSeconds = -1;
    QTest::newRow("negative timeout") << p << u"timeout"_s;
    p = good;
    p.chunkSize = -1;
    QTest::newRow("negative chunk size") << p << u"chunk size"_s;
    p = good;
    p.baseUrls = {QUrl(u"https://secure.example"_s)};
    p.auth = Auth::Token;
    QTest::newRow("https with token") << p << QString();
    p = good;
    p.timeoutSeconds = 3'000'000; // beyond what a timer holds (ProfileStore reads any int)
    QTest::newRow("timeout of 35 days") << p << u"timeout must be at most"_s;
    p = good;
    p.name = QString(200, u'n');
    QTest::newRow("200 characters") << p << QString();
    p.name += u'n';
    QTest::newRow("201 characters") << p << u"too long: 201 characters, at most 200"_s;
    p = good;
    p.name = u"a\nb"_s;
    QTest::newRow("line break in name") << p << u"control characters"_s;
    p.name = u"ä, 名前 and 🙂"_s;
    QTest::newRow("non-ASCII name") << p << QString();
}

void tst_Settings::profileValidation()
{
    QFETCH(ConnectionProfile, profile);
    QFETCH(QString, messagePart);
    const Influx::Error error = profile.validate();
    if (messagePart.isEmpty()) {
        QVERIFY2(!error, qPrintable(error.toString()));
    } else {
        QCOMPARE(error.kind(), Influx::Error::Kind::InvalidArgument);
        QVERIFY2(error.message().contains(messagePart), qPrintable(error.message()));
    }
}

void tst_Settings::uniqueNames()
{
    QCOMPARE(ProfileStore::uniqueName(u"demo"_s, {}), u"demo"_s);
    QCOMPARE(ProfileStore::uniqueName(u"demo"_s, {u"demo"_s}), u"demo (2)"_s);
    QCOMPARE(ProfileStore::uniqueName(u"demo"_s, {u"demo"_s, u"demo (2)"_s}), u"demo (3)"_s);
    QCOMPARE(ProfileStore::uniqueName(u"demo (2)"_s, {u"demo"_s, u"demo (2)"_s}), u"demo (3)"_s);

    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    ConnectionProfile a = fullProfile(u"demo"_s);
    store.setProfiles({a, a, a}); // the same name thrice is made unique, in order
    QCOMPARE(store.names(), (QStringList {u"demo"_s, u"demo (2)"_s, u"demo (3)"_s}));
    QCOMPARE(store.uniqueName(u"demo"_s), u"demo (4)"_s);
    QCOMPARE(store.uniqueName(u"other"_s), u"other"_s);
}

void tst_Settings::profileStoreRoundTrip()
{
    ConnectionProfile a = fullProfile(u"production"_s);
    ConnectionProfile b;
    b.name = u"local"_s;
    b.baseUrls = {QUrl(u"http://127.0.0.1:8086"_s)};
    ConnectionProfile c = fullProfile(u"cloud \"eu\"/west"_s);
    c.auth = Auth::Token;
    c.baseUrls = {QUrl(u"https://eu.example/influx"_s)};
    c.consistency = Influx::Consistency::Any;
    c.precision = Influx::Precision::Nanoseconds; // explicit, not the same as unset
    c.epoch = Influx::Precision::Hours;
    c.compression = Influx::Compression::None;
    c.verifyTls = true;
    c.caFile.clear();
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.profiles().isEmpty());
        store.setProfiles({a, b, c});
        store.setActiveProfileName(u"local"_s);
        store.save();
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore reloaded(&settings);
    QCOMPARE(reloaded.profiles().size(), 3);
    QCOMPARE(reloaded.profiles().at(0), a);
    QCOMPARE(reloaded.profiles().at(1), b);
    QCOMPARE(reloaded.profiles().at(2), c);
    QCOMPARE(reloaded.activeProfileName(), u"local"_s);
    QCOMPARE(reloaded.profile(u"production"_s), std::optional<ConnectionProfile>(a));
    QVERIFY(!reloaded.profile(u"nope"_s));

    // Saving fewer profiles leaves nothing of the removed ones behind.
    reloaded.setProfiles({b});
    reloaded.save();
    QSettings again(settingsPath(), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&again).profiles(), QList<ConnectionProfile> {b});
    QVERIFY(!settingsBytes().contains("production"));
}

void tst_Settings::profileStoreSkipsInvalidEntries()
{
    {
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[profiles]\n"
                   "active=ghost\n"
                   "list\\size=6\n"
                   "list\\1\\name=good\n"
                   "list\\1\\baseUrls=http://a:1\n"
                   "list\\1\\auth=martian\n"
                   "list\\1\\consistency=most\n"
                   "list\\1\\precision=fortnight\n"
                   "list\\1\\chunkSize=-3\n"
                   "list\\1\\timeoutSeconds=soon\n"
                   "list\\2\\baseUrls=http://nameless:1\n"
                   "list\\3\\name=no urls\n"
                   "list\\4\\name=good\n"
                   "list\\4\\baseUrls=http://b:2, http://c:3\n"
                   "list\\4\\auth=token\n"
                   "list\\5\\name=   \n"
                   "list\\5\\baseUrls=http://blank:1\n");
        // entry 6 is missing altogether
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&settings);
    QCOMPARE(store.names(), (QStringList {u"good"_s, u"good (2)"_s}));
    const ConnectionProfile first = store.profiles().at(0);
    QCOMPARE(first.baseUrls, QList<QUrl> {QUrl(u"http://a:1"_s)});
    QCOMPARE(first.auth, Auth::None);
    QVERIFY(!first.consistency);
    QVERIFY(!first.precision);
    QCOMPARE(first.chunkSize, 0);
    QCOMPARE(first.timeoutSeconds, 60);
    QVERIFY(first.verifyTls);
    const ConnectionProfile second = store.profiles().at(1);
    QCOMPARE(second.baseUrls, (QList<QUrl> {QUrl(u"http://b:2"_s), QUrl(u"http://c:3"_s)}));
    QCOMPARE(second.auth, Auth::Token);
    QCOMPARE(store.activeProfileName(), u"ghost"_s); // kept; activating it fails cleanly
}

void tst_Settings::sessionOnlySecrets()
{
    SecretStore store(SecretStore::Backend::SessionOnly);
    QVERIFY(!store.isPersistent());
    QSignalSpy written(&store, &SecretStore::secretWritten);
    QSignalSpy read(&store, &SecretStore::secretRead);
    QSignalSpy removed(&store, &SecretStore::secretRemoved);

    store.write(u"prod"_s, u"pä$$wörd"_s);
    QCOMPARE(written.size(), 0); // results always come from the event loop
    QVERIFY(written.wait(2000));
    QCOMPARE(written.first(), (QVariantList {u"prod"_s, false}));

    store.read(u"prod"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.takeFirst(), (QVariantList {u"prod"_s, u"pä$$wörd"_s, true}));
    store.read(u"unknown"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.takeFirst(), (QVariantList {u"unknown"_s, QString(), false}));

    // Kept for this session only: another store (the next start) does not have it.
    SecretStore next(SecretStore::Backend::SessionOnly);
    QSignalSpy nextRead(&next, &SecretStore::secretRead);
    next.read(u"prod"_s);
    QVERIFY(nextRead.wait(2000));
    QCOMPARE(nextRead.first().at(2).toBool(), false);

    store.remove(u"prod"_s);
    QVERIFY(removed.wait(2000));
    store.read(u"prod"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.takeFirst().at(2).toBool(), false);

    // Session-only mode never touches the keychain, so it cannot change its mind.
    QSignalSpy persistence(&store, &SecretStore::persistenceChanged);
    store.checkAvailability();
    QTest::qWait(50);
    QCOMPARE(persistence.size(), 0);
}

void tst_Settings::sessionOnlyRename()
{
    SecretStore store(SecretStore::Backend::SessionOnly);
    QSignalSpy read(&store, &SecretStore::secretRead);
    store.write(u"old"_s, u"pw"_s);
    store.rename(u"old"_s, u"new"_s);
    store.read(u"new"_s);
    store.read(u"old"_s);
    QTRY_COMPARE(read.size(), 2);
    QCOMPARE(read.at(0), (QVariantList {u"new"_s, u"pw"_s, true}));
    QCOMPARE(read.at(1), (QVariantList {u"old"_s, QString(), false}));
}

void tst_Settings::keychainWithoutSessionBusIsSessionOnly()
{
    // As in CI and in a bare ssh session: no D-Bus session bus at all. The keychain is not
    // even tried, so nothing can hang.
    const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray savedRuntime = qgetenv("XDG_RUNTIME_DIR");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toLocal8Bit()); // no "bus" socket in there
    SecretStore store(SecretStore::Backend::Keychain);
    qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
    qputenv("XDG_RUNTIME_DIR", savedRuntime);
    QVERIFY(!store.isPersistent());

    QElapsedTimer timer;
    timer.start();
    QSignalSpy written(&store, &SecretStore::secretWritten);
    QSignalSpy read(&store, &SecretStore::secretRead);
    store.write(u"p"_s, u"in-memory"_s);
    store.read(u"p"_s);
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(written.first(), (QVariantList {u"p"_s, false}));
    QCOMPARE(read.first(), (QVariantList {u"p"_s, u"in-memory"_s, true}));
    QVERIFY(timer.elapsed() < 1000);
}

void tst_Settings::keychainFallsBackWhenUnreachable()
{
    // A session bus address that leads nowhere: QtKeychain itself has to fail, and the store
    // must notice quickly and keep the secret in memory.
    const QString noBus = m_dir->filePath(u"no-bus"_s);
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(noBus));
    SecretStore store(SecretStore::Backend::Keychain);
    QVERIFY(store.isPersistent()); // not known yet
    QSignalSpy persistence(&store, &SecretStore::persistenceChanged);
    QSignalSpy written(&store, &SecretStore::secretWritten);
    QSignalSpy read(&store, &SecretStore::secretRead);

    QElapsedTimer timer;
    timer.start();
    store.write(u"prod"_s, u"kept-in-session"_s);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 5000);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(written.first(), (QVariantList {u"prod"_s, false}));
    QCOMPARE(persistence.size(), 1);
    QCOMPARE(persistence.first().first().toBool(), false);
    QVERIFY(!store.isPersistent());

    store.read(u"prod"_s);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 1000);
    QCOMPARE(read.first(), (QVariantList {u"prod"_s, u"kept-in-session"_s, true}));

    // A dialog on a fresh store finds out by itself (checkAvailability) and shows the notice.
    QSettings settings(settingsPath(), QSettings::IniFormat);
    Influx::Client client;
    SecretStore fresh(SecretStore::Backend::Keychain);
    ConnectionManager manager(&client, &settings, &fresh);
    ConnectionDialog dialog(&manager);
    auto *notice = child<QLabel>(&dialog, u"secretNotice"_s);
    QVERIFY(notice);
    QCOMPARE(notice->isHidden(), fresh.isPersistent());
    QTRY_VERIFY_WITH_TIMEOUT(!fresh.isPersistent(), 5000);
    QVERIFY(!notice->isHidden());
    QVERIFY(notice->text().contains(u"session only"_s));
}

void tst_Settings::managerActivatesProfile()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    QSignalSpy profilesChanged(&manager, &ConnectionManager::profilesChanged);
    QSignalSpy changed(&manager, &ConnectionManager::activeProfileChanged);
    QSignalSpy failed(&manager, &ConnectionManager::activationFailed);

    ConnectionProfile p;
    p.name = u"fixture"_s;
    p.baseUrls = {QUrl(u"http://127.0.0.1:%1"_s.arg(deadPort())), m_fixture}; // failover
    p.database = u"_internal"_s;
    p.auth = Auth::UsernamePassword;
    p.username = u"admin"_s;
    p.verifyTls = false;
    p.caFile = QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem");
    p.timeoutSeconds = 9;
    manager.setProfiles({p});
    QCOMPARE(profilesChanged.size(), 1);
    QCOMPARE(manager.profiles(), QList<ConnectionProfile> {p});
    secrets.write(u"fixture"_s, u"hunter2"_s);

    manager.activate(u"fixture"_s);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(changed.first().first().value<ConnectionProfile>(), p);
    QCOMPARE(manager.activeProfileName(), u"fixture"_s);
    QCOMPARE(manager.activeProfile(), p);
    QVERIFY(!manager.isTemporary());
    const Influx::ClientOptions o = client.options();
    QCOMPARE(o.baseUrls, p.baseUrls);
    QCOMPARE(o.database, u"_internal"_s);
    QCOMPARE(o.username, u"admin"_s);
    QCOMPARE(o.password, u"hunter2"_s);
    QCOMPARE(o.verifyTls, false);
    QCOMPARE(o.caFile, QStringLiteral(INFLUX_TEST_DATA_DIR "/tls/ca.pem"));
    QCOMPARE(o.timeout, std::chrono::milliseconds(9000));

    // The shared client really reaches the server (past the dead first URL).
    Influx::PingReply *ping = client.ping();
    QVERIFY(ping->waitForFinished(10000));
    QVERIFY2(!ping->error(), qPrintable(ping->error().toString()));
    QVERIFY(ping->version().startsWith(u"1.6.7"_s));
    ping->deleteLater();

    // Remembered for the next start, without the secret.
    QSettings reread(settingsPath(), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&reread).activeProfileName(), u"fixture"_s);
    QVERIFY(!settingsBytes().contains("hunter2"));
    QVERIFY(settingsBytes().contains("admin"));
}

void tst_Settings::managerReportsInvalidProfiles()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    QSignalSpy changed(&manager, &ConnectionManager::activeProfileChanged);
    QSignalSpy failed(&manager, &ConnectionManager::activationFailed);

    ConnectionProfile good;
    good.name = u"good"_s;
    good.baseUrls = {m_fixture};
    ConnectionProfile bad;
    bad.name = u"bad"_s;
    bad.baseUrls = {QUrl(u"gopher://old.example"_s)};
    manager.setProfiles({good, bad});
    manager.activate(u"good"_s);
    QTRY_COMPARE(changed.size(), 1);

    manager.activate(u"bad"_s);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), u"bad"_s);
    const auto error = failed.first().at(1).value<Influx::Error>();
    QCOMPARE(error.kind(), Influx::Error::Kind::InvalidArgument);
    QVERIFY2(error.message().contains(u"gopher"_s), qPrintable(error.message()));
    // The client keeps working with the last good profile.
    QCOMPARE(client.options().baseUrls, QList<QUrl> {m_fixture});
    QCOMPARE(manager.activeProfileName(), u"good"_s);

    manager.activate(u"no such profile"_s);
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(failed.at(1).at(0).toString(), u"no such profile"_s);
    QCOMPARE(changed.size(), 1);
}

void tst_Settings::managerAsksForMissingSecret()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    QSignalSpy required(&manager, &ConnectionManager::secretRequired);
    QSignalSpy changed(&manager, &ConnectionManager::activeProfileChanged);
    ConnectionProfile p;
    p.name = u"tokened"_s;
    p.baseUrls = {m_fixture};
    p.auth = Auth::Token;
    manager.setProfiles({p});

    manager.activate(u"tokened"_s);
    QTRY_COMPARE(required.size(), 1);
    QCOMPARE(required.first().first().toString(), u"tokened"_s);
    QCOMPARE(changed.size(), 0);

    // The user types it: used at once and remembered (for this session here).
    manager.activate(u"tokened"_s, u"typed-token"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(client.options().token, u"typed-token"_s);
    QSignalSpy read(&secrets, &SecretStore::secretRead);
    secrets.read(u"tokened"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.first().at(1).toString(), u"typed-token"_s);
    QVERIFY(!settingsBytes().contains("typed-token"));
}

void tst_Settings::managerTemporaryProfileIsNotSaved()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    ConnectionProfile saved;
    saved.name = u"saved"_s;
    saved.baseUrls = {QUrl(u"http://saved.example:8086"_s)};
    manager.setProfiles({saved});
    manager.activate(u"saved"_s);
    QCOMPARE(manager.activeProfileName(), u"saved"_s);

    ConnectionProfile demo;
    demo.name = u"Demo server"_s;
    demo.baseUrls = {m_fixture};
    demo.auth = Auth::UsernamePassword;
    demo.username = u"demo"_s;
    QSignalSpy changed(&manager, &ConnectionManager::activeProfileChanged);
    manager.activateTemporary(demo, u"demo-secret"_s);
    QCOMPARE(changed.size(), 1);
    QVERIFY(manager.isTemporary());
    QCOMPARE(manager.activeProfileName(), u"Demo server"_s);
    QCOMPARE(client.options().baseUrls, QList<QUrl> {m_fixture});
    QCOMPARE(client.options().password, u"demo-secret"_s);
    QCOMPARE(manager.profiles(), QList<ConnectionProfile> {saved});

    QSettings reread(settingsPath(), QSettings::IniFormat);
    ProfileStore store(&reread);
    QCOMPARE(store.names(), QStringList {u"saved"_s});
    QCOMPARE(store.activeProfileName(), u"saved"_s);
    QVERIFY(!settingsBytes().contains("Demo"));
    QVERIFY(!settingsBytes().contains("demo-secret"));
    QSignalSpy read(&secrets, &SecretStore::secretRead);
    secrets.read(u"Demo server"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.first().at(2).toBool(), false); // not even in the session's store
}

void tst_Settings::managerFollowsEditsOfTheActiveProfile()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    QSignalSpy changed(&manager, &ConnectionManager::activeProfileChanged);
    ConnectionProfile p;
    p.name = u"a"_s;
    p.baseUrls = {m_fixture};
    manager.setProfiles({p});
    manager.activate(u"a"_s);
    QCOMPARE(changed.size(), 1);

    // Renamed and edited: the client follows, under the new name.
    p.name = u"b"_s;
    p.database = u"edited"_s;
    manager.setProfiles({p}, {{u"a"_s, u"b"_s}});
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(manager.activeProfileName(), u"b"_s);
    QCOMPARE(client.options().database, u"edited"_s);
    QCOMPARE(manager.lastActiveProfileName(), u"b"_s);

    // Unchanged: nothing happens.
    manager.setProfiles({p});
    QTest::qWait(20);
    QCOMPARE(changed.size(), 2);

    // Removed: no profile active any more.
    manager.setProfiles({});
    QCOMPARE(changed.size(), 3);
    QVERIFY(manager.activeProfileName().isEmpty());
    QVERIFY(manager.lastActiveProfileName().isEmpty());
}

void tst_Settings::dialogCreatesAndTestsProfiles()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    ConnectionDialog dialog(&manager);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *list = child<QListWidget>(&dialog, u"profileList"_s);
    auto *add = child<QPushButton>(&dialog, u"addButton"_s);
    auto *name = child<QLineEdit>(&dialog, u"nameEdit"_s);
    auto *urls = child<QPlainTextEdit>(&dialog, u"urlsEdit"_s);
    auto *database = child<QLineEdit>(&dialog, u"databaseEdit"_s);
    auto *auth = child<QComboBox>(&dialog, u"authCombo"_s);
    auto *username = child<QLineEdit>(&dialog, u"usernameEdit"_s);
    auto *password = child<QLineEdit>(&dialog, u"passwordEdit"_s);
    auto *token = child<QLineEdit>(&dialog, u"tokenEdit"_s);
    auto *verifyTls = child<QCheckBox>(&dialog, u"verifyTlsCheck"_s);
    auto *test = child<QPushButton>(&dialog, u"testButton"_s);
    auto *status = child<QLabel>(&dialog, u"testStatus"_s);
    auto *notice = child<QLabel>(&dialog, u"secretNotice"_s);
    auto *buttons = child<QDialogButtonBox>(&dialog, u"buttonBox"_s);
    QVERIFY(list && add && name && urls && database && auth && username && password && token
            && verifyTls && test && status && notice && buttons);

    // Session-only secrets: the user is told.
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(u"session only"_s));
    QCOMPARE(list->count(), 0);
    QVERIFY(!test->isEnabled());

    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QVERIFY(verifyTls->isChecked());
    QVERIFY(!username->isVisible() && !password->isVisible() && !token->isVisible());
    replaceText(name, u"fixture"_s);
    QCOMPARE(list->item(0)->text(), u"fixture"_s);
    replaceText(urls, m_fixture.toString());

    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(!test->isEnabled()); // while running
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"1.6.7"_s), 15000);
    QVERIFY2(status->text().startsWith(u"Connected: InfluxDB 1.6.7"_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u" ms"_s), qPrintable(status->text()));
    QTRY_VERIFY(test->isEnabled());
    // The test used a client of its own.
    QCOMPARE(client.options().baseUrls, Influx::ClientOptions().baseUrls);

    // A database that does not exist: the ping works, the query says what is wrong.
    const QString dbName = TestSupport::uniqueName(u"settings_db"_s);
    replaceText(database, dbName);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 15000);
    QVERIFY2(status->text().contains(u"database not found"_s), qPrintable(status->text()));
    QVERIFY(status->text().contains(u"1.6.7"_s));

    Influx::Client admin(Influx::ClientOptions {.baseUrls = {m_fixture}});
    Influx::Error error;
    TestSupport::query(admin, u"CREATE DATABASE \"%1\""_s.arg(dbName), {}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 15000);
    QVERIFY2(!status->text().contains(u"but"_s), qPrintable(status->text()));
    QVERIFY(status->text().startsWith(u"Connected"_s));

    // Nobody listens there: an error, not "Connected".
    const QString deadUrl = u"http://127.0.0.1:%1"_s.arg(deadPort());
    replaceText(urls, deadUrl);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 15000);
    QVERIFY2(!status->text().isEmpty() && !status->text().contains(u"Connected"_s),
             qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"127.0.0.1"_s), qPrintable(status->text()));

    // Failover: the dead URL first, the fixture second.
    replaceText(urls, deadUrl + u'\n' + m_fixture.toString());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 15000);
    QVERIFY2(status->text().startsWith(u"Connected"_s), qPrintable(status->text()));

    // Credentials: only the relevant fields are shown, secrets are masked.
    auth->setCurrentIndex(auth->findData(int(Auth::UsernamePassword)));
    QVERIFY(username->isVisible() && password->isVisible() && !token->isVisible());
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    replaceText(username, u"admin"_s);
    replaceText(password, u"pw-never-on-disk"_s);

    auto *compression = child<QComboBox>(&dialog, u"compressionCombo"_s);
    QVERIFY(compression);
    QCOMPARE(compression->currentData().toInt(), int(Influx::Compression::Auto));
    compression->setCurrentIndex(compression->findData(int(Influx::Compression::Gzip)));

    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.selectedProfileName(), u"fixture"_s);

    QCOMPARE(manager.profiles().size(), 1);
    const ConnectionProfile saved = manager.profiles().first();
    QCOMPARE(saved.name, u"fixture"_s);
    QCOMPARE(saved.baseUrls, (QList<QUrl> {QUrl(deadUrl), m_fixture}));
    QCOMPARE(saved.database, dbName);
    QCOMPARE(saved.auth, Auth::UsernamePassword);
    QCOMPARE(saved.username, u"admin"_s);
    QCOMPARE(saved.compression, Influx::Compression::Gzip);
    QSettings reread(settingsPath(), QSettings::IniFormat);
    QCOMPARE(ProfileStore(&reread).profiles(), QList<ConnectionProfile> {saved});

    QSignalSpy read(&secrets, &SecretStore::secretRead);
    secrets.read(u"fixture"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.first(), (QVariantList {u"fixture"_s, u"pw-never-on-disk"_s, true}));
    const QByteArray bytes = settingsBytes();
    QVERIFY(bytes.contains("fixture") && bytes.contains("admin"));
    QVERIFY(!bytes.contains("pw-never-on-disk"));

    // The dialog opened again shows the stored password (masked) for the profile.
    ConnectionDialog again(&manager);
    auto *againPassword = child<QLineEdit>(&again, u"passwordEdit"_s);
    QTRY_COMPARE(againPassword->text(), u"pw-never-on-disk"_s);
}

void tst_Settings::dialogDuplicateAndRemove()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    ConnectionProfile base = fullProfile(u"prod"_s);
    manager.setProfiles({base});
    secrets.write(u"prod"_s, u"prod-password"_s);

    ConnectionDialog dialog(&manager);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = child<QListWidget>(&dialog, u"profileList"_s);
    auto *duplicate = child<QPushButton>(&dialog, u"duplicateButton"_s);
    auto *remove = child<QPushButton>(&dialog, u"removeButton"_s);
    auto *auth = child<QComboBox>(&dialog, u"authCombo"_s);
    auto *token = child<QLineEdit>(&dialog, u"tokenEdit"_s);
    auto *password = child<QLineEdit>(&dialog, u"passwordEdit"_s);
    auto *buttons = child<QDialogButtonBox>(&dialog, u"buttonBox"_s);
    QVERIFY(list && duplicate && remove && auth && token && password && buttons);
    QCOMPARE(list->count(), 1);
    QTRY_COMPARE(password->text(), u"prod-password"_s);

    QTest::mouseClick(duplicate, Qt::LeftButton);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(list->item(1)->text(), u"prod (2)"_s);
    ConnectionProfile copy = base;
    copy.name = u"prod (2)"_s;
    QCOMPARE(dialog.profiles().at(1), copy);
    QCOMPARE(password->text(), u"prod-password"_s); // the copy has the secret too

    // The copy uses a token instead.
    auth->setCurrentIndex(auth->findData(int(Auth::Token)));
    replaceText(token, u"token-never-on-disk"_s);

    QTest::mouseClick(duplicate, Qt::LeftButton);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(2)->text(), u"prod (3)"_s);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(dialog.selectedProfileName(), u"prod (2)"_s);

    // Removing the original: its stored secret goes too.
    list->setCurrentRow(0);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), u"prod (2)"_s);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    copy.auth = Auth::Token;
    QCOMPARE(manager.profiles(), QList<ConnectionProfile> {copy});
    QSignalSpy read(&secrets, &SecretStore::secretRead);
    secrets.read(u"prod (2)"_s);
    secrets.read(u"prod"_s);
    QTRY_COMPARE(read.size(), 2);
    QCOMPARE(read.at(0), (QVariantList {u"prod (2)"_s, u"token-never-on-disk"_s, true}));
    QCOMPARE(read.at(1), (QVariantList {u"prod"_s, QString(), false}));
    const QByteArray bytes = settingsBytes();
    QVERIFY(bytes.contains("prod (2)"));
    QVERIFY(!bytes.contains("token-never-on-disk"));
    QVERIFY(!bytes.contains("prod-password"));
}

void tst_Settings::dialogValidationDisablesOk()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    ConnectionDialog dialog(&manager);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *add = child<QPushButton>(&dialog, u"addButton"_s);
    auto *name = child<QLineEdit>(&dialog, u"nameEdit"_s);
    auto *urls = child<QPlainTextEdit>(&dialog, u"urlsEdit"_s);
    auto *auth = child<QComboBox>(&dialog, u"authCombo"_s);
    auto *list = child<QListWidget>(&dialog, u"profileList"_s);
    auto *validation = child<QLabel>(&dialog, u"validationLabel"_s);
    auto *buttons = child<QDialogButtonBox>(&dialog, u"buttonBox"_s);
    QVERIFY(add && name && urls && auth && list && validation && buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);

    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(ok->isEnabled());
    QVERIFY(validation->isHidden());

    replaceText(urls, u"ftp://wrong.example"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(validation->isVisible());
    QVERIFY2(validation->text().contains(u"ftp://wrong.example"_s), qPrintable(validation->text()));
    replaceText(urls, u"influx.example:8086"_s); // scheme added
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.profiles().first().baseUrls,
             QList<QUrl> {QUrl(u"http://influx.example:8086"_s)});

    replaceText(name, QString());
    QVERIFY(!ok->isEnabled());
    QVERIFY(validation->text().contains(u"name"_s));
    replaceText(name, u"one"_s);
    QVERIFY(ok->isEnabled());

    auth->setCurrentIndex(auth->findData(int(Auth::UsernamePassword)));
    QVERIFY(!ok->isEnabled()); // no user name yet
    auth->setCurrentIndex(auth->findData(int(Auth::None)));
    QVERIFY(ok->isEnabled());

    // Two profiles of the same name; the other one's problem is named while it is not shown.
    QTest::mouseClick(add, Qt::LeftButton);
    replaceText(name, u"one"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(validation->text().contains(u"already named"_s), qPrintable(validation->text()));
    replaceText(name, u"two"_s);
    QVERIFY(ok->isEnabled());
    replaceText(urls, u"http://"_s);
    list->setCurrentRow(0);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(validation->text().startsWith(u"Profile \"two\""_s), qPrintable(validation->text()));

    // accept() refuses too (e.g. Enter pressed): nothing saved.
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(manager.profiles().isEmpty());
}

void tst_Settings::dialogRenameMovesSecret()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    ConnectionProfile p = fullProfile(u"old name"_s);
    manager.setProfiles({p});
    secrets.write(u"old name"_s, u"moving-secret"_s);
    manager.activate(u"old name"_s);
    QTRY_COMPARE(manager.activeProfileName(), u"old name"_s);

    ConnectionDialog dialog(&manager);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = child<QLineEdit>(&dialog, u"nameEdit"_s);
    auto *buttons = child<QDialogButtonBox>(&dialog, u"buttonBox"_s);
    QVERIFY(name && buttons);
    QCOMPARE(dialog.selectedProfileName(), u"old name"_s); // the active one is preselected
    replaceText(name, u"new name"_s);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);

    // The active profile followed the rename and still has its password.
    QTRY_COMPARE(manager.activeProfileName(), u"new name"_s);
    QCOMPARE(client.options().password, u"moving-secret"_s);
    QCOMPARE(manager.lastActiveProfileName(), u"new name"_s);

    QSignalSpy read(&secrets, &SecretStore::secretRead);
    secrets.read(u"new name"_s);
    secrets.read(u"old name"_s);
    QTRY_COMPARE(read.size(), 2);
    QCOMPARE(read.at(0), (QVariantList {u"new name"_s, u"moving-secret"_s, true}));
    QCOMPARE(read.at(1), (QVariantList {u"old name"_s, QString(), false}));
    QVERIFY(!settingsBytes().contains("moving-secret"));
}

void tst_Settings::dialogRefusesAbsurdValues()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    SecretStore secrets(SecretStore::Backend::SessionOnly);
    Influx::Client client;
    ConnectionManager manager(&client, &settings, &secrets);
    const ConnectionProfile saved = fullProfile(u"prod"_s);
    manager.setProfiles({saved});
    secrets.write(u"prod"_s, u"prod-password"_s);
    settings.sync();
    const QByteArray savedBytes = settingsBytes();

    ConnectionDialog dialog(&manager);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = child<QLineEdit>(&dialog, u"nameEdit"_s);
    auto *urls = child<QPlainTextEdit>(&dialog, u"urlsEdit"_s);
    auto *password = child<QLineEdit>(&dialog, u"passwordEdit"_s);
    auto *timeout = child<QSpinBox>(&dialog, u"timeoutSpin"_s);
    auto *chunkSize = child<QSpinBox>(&dialog, u"chunkSizeSpin"_s);
    auto *validation = child<QLabel>(&dialog, u"validationLabel"_s);
    auto *buttons = child<QDialogButtonBox>(&dialog, u"buttonBox"_s);
    QVERIFY(name && urls && password && timeout && chunkSize && validation && buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QTRY_COMPARE(password->text(), u"prod-password"_s);
    QVERIFY(ok->isEnabled());

    // Each absurd value: a message naming the problem, OK disabled; a good value again: OK.
    const auto refused = [&](const QString &expected) {
        return !ok->isEnabled() && validation->isVisible() && validation->text().contains(expected);
    };
    replaceText(urls, u"htp://influx.example:8086"_s);
    QVERIFY2(refused(u"invalid base URL: htp://influx.example:8086"_s),
             qPrintable(validation->text()));
    replaceText(urls, u"http://"_s);
    QVERIFY2(refused(u"invalid base URL"_s), qPrintable(validation->text()));
    // Credentials in the URL would end up in the settings file: refused, and not repeated.
    replaceText(urls, u"http://admin:pw-in-url@influx.example:8086"_s);
    QVERIFY2(refused(u"credentials in a base URL are not allowed"_s),
             qPrintable(validation->text()));
    QVERIFY(!validation->text().contains(u"pw-in-url"_s));
    replaceText(urls, u"influx.example:8086"_s);
    QVERIFY(ok->isEnabled());

    // Pasted names: 10,000 characters, control characters, a lone surrogate.
    const QStringList badNames {QString(10000, u'n'), u"tab\there"_s, u"bell\x07"_s,
                                u"nul"_s + QChar(0) + u"x"_s, u"line\u2028break"_s,
                                u"lone "_s + QChar(0xd800)};
    for (const QString &bad : badNames) {
        name->selectAll();
        name->insert(bad); // as a paste does
        QVERIFY2(refused(bad.size() > 1000 ? u"too long: 10000 characters, at most 200"_s
                                           : u"control characters"_s),
                 qPrintable(validation->text().left(200)));
        dialog.accept(); // Enter: refused as well
        QVERIFY(dialog.isVisible());
    }
    replaceText(name, u"prod renamed"_s);
    QVERIFY(ok->isEnabled());

    // The spin boxes do not take absurd numbers at all.
    timeout->setFocus();
    timeout->selectAll();
    QTest::keyClicks(timeout, u"99999999999"_s);
    QVERIFY(timeout->value() <= 24 * 3600);
    QTest::keyClick(timeout, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(timeout, u"-5"_s);
    QVERIFY(timeout->value() >= 0);
    chunkSize->setFocus();
    chunkSize->selectAll();
    QTest::keyClicks(chunkSize, u"99999999999"_s);
    QVERIFY(chunkSize->value() <= 1'000'000);
    QVERIFY(!dialog.profiles().first().validate().isError());

    // Cancel: nothing of it is kept, the stored profile, file and secret are as before.
    replaceText(password, u"changed-password"_s);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(manager.profiles(), QList<ConnectionProfile> {saved});
    settings.sync();
    QCOMPARE(settingsBytes(), savedBytes);
    QSignalSpy read(&secrets, &SecretStore::secretRead);
    secrets.read(u"prod"_s);
    QVERIFY(read.wait(2000));
    QCOMPARE(read.first(), (QVariantList {u"prod"_s, u"prod-password"_s, true}));
}

QTEST_MAIN(tst_Settings)
#include "tst_settings.moc"
