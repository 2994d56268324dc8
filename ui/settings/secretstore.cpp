// SPDX-License-Identifier: MIT
#include "secretstore.h"

#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Explorer {

Q_LOGGING_CATEGORY(lcSecrets, "explorer.secrets")

namespace {

QString keyFor(const QString &profile)
{
    return u"profile:"_s + profile;
}

// Without a session bus, QtDBus may try to autolaunch one (dbus-launch) instead of failing;
// there is no Secret Service to reach anyway, so the keychain is not even tried.
bool sessionBusMissing()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    // libdbus's default when the variable is unset.
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return runtimeDir.isEmpty() || !QFileInfo::exists(runtimeDir + "/bus"_L1);
#else
    return false;
#endif
}

} // namespace

SecretStore::SecretStore(Backend backend, QObject *parent)
    : QObject(parent), m_persistent(backend == Backend::Keychain && !sessionBusMissing())
{
    if (backend == Backend::Keychain && !m_persistent)
        qCInfo(lcSecrets) << "no D-Bus session bus: secrets are kept for this session only";
}

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return u"influx-explorer"_s;
}

void SecretStore::emitLater(auto &&emitter)
{
    QMetaObject::invokeMethod(this, std::forward<decltype(emitter)>(emitter), Qt::QueuedConnection);
}

void SecretStore::checkAvailability()
{
    if (m_persistent && !m_checked && !m_probing) {
        m_probing = true;
        startJob(Operation::Probe, {});
    }
}

void SecretStore::read(const QString &profile)
{
    if (!m_persistent || m_cache.contains(profile) || m_absent.contains(profile)) {
        emitLater([this, profile] { emitRead(profile); });
        return;
    }
    if (m_reading.contains(profile))
        return; // the read already running answers for both
    m_reading.insert(profile);
    startJob(Operation::Read, profile);
}

void SecretStore::write(const QString &profile, const QString &secret)
{
    ++m_generation[profile];
    m_cache.insert(profile, secret);
    m_absent.remove(profile);
    if (!m_persistent) {
        emitLater([this, profile] { Q_EMIT secretWritten(profile, false); });
        return;
    }
    startJob(Operation::Write, profile, secret);
}

void SecretStore::remove(const QString &profile)
{
    ++m_generation[profile];
    m_cache.remove(profile);
    m_absent.insert(profile);
    if (!m_persistent) {
        emitLater([this, profile] { Q_EMIT secretRemoved(profile); });
        return;
    }
    startJob(Operation::Remove, profile);
}

void SecretStore::rename(const QString &oldName, const QString &newName)
{
    if (oldName == newName)
        return;
    if (m_cache.contains(oldName) || !m_persistent || m_absent.contains(oldName)) {
        if (m_cache.contains(oldName)) {
            write(newName, m_cache.value(oldName));
            remove(oldName);
        }
        return;
    }
    // Unknown yet: read it from the keychain first; the jobs run in the order started.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &SecretStore::secretRead, this,
                          [this, connection, oldName, newName](const QString &profile,
                                                               const QString &secret, bool found) {
                              if (profile != oldName)
                                  return;
                              disconnect(*connection);
                              if (found) {
                                  write(newName, secret);
                                  remove(oldName);
                              }
                          });
    read(oldName);
}

void SecretStore::startJob(Operation operation, const QString &profile, const QString &secret)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
    case Operation::Probe:
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
        break;
    }
    job->setKey(operation == Operation::Probe ? u"availability-check"_s : keyFor(profile));
    job->setAutoDelete(true); // deletes itself after finished()
    const quint64 generation = m_generation.value(profile);
    // A keychain that never answers must not leave the caller waiting: the watchdog lives
    // with the job (gone when the job deletes itself) and gives up on it.
    auto *watchdog = new QTimer(job);
    watchdog->setSingleShot(true);
    connect(watchdog, &QTimer::timeout, this, [this, job, operation, profile, generation] {
        job->disconnect(this);
        const QString reason =
                tr("the keychain did not answer within %1 ms").arg(m_timeout.count());
        finishOperation(operation, profile, generation, Outcome::Failed, {}, reason);
    });
    connect(job, &QKeychain::Job::finished, this,
            [this, watchdog, operation, profile, generation](QKeychain::Job *j) {
                watchdog->stop();
                jobFinished(j, operation, profile, generation);
            });
    watchdog->start(m_timeout);
    job->start();
}

void SecretStore::jobFinished(QKeychain::Job *job, Operation operation, const QString &profile,
                              quint64 generation)
{
    Outcome outcome = Outcome::Done;
    if (job->error() == QKeychain::EntryNotFound)
        outcome = Outcome::NotFound;
    else if (job->error() != QKeychain::NoError)
        outcome = Outcome::Failed;
    QString secret;
    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
        secret = read->textData();
    finishOperation(operation, profile, generation, outcome, secret,
                    tr("%1 (QtKeychain error %2)").arg(job->errorString()).arg(int(job->error())));
}

void SecretStore::finishOperation(Operation operation, const QString &profile, quint64 generation,
                                  Outcome outcome, const QString &secret, const QString &reason)
{
    if (outcome == Outcome::Failed)
        fallBackToSession(reason);
    else
        m_checked = true;
    switch (operation) {
    case Operation::Probe:
        m_probing = false;
        break;
    case Operation::Read:
        m_reading.remove(profile);
        // A write or remove since the read started is newer than what the keychain said.
        if (generation == m_generation.value(profile)) {
            if (outcome == Outcome::Done)
                m_cache.insert(profile, secret);
            else if (outcome == Outcome::NotFound)
                m_absent.insert(profile);
        }
        emitRead(profile);
        break;
    case Operation::Write:
        Q_EMIT secretWritten(profile, outcome == Outcome::Done);
        break;
    case Operation::Remove:
        Q_EMIT secretRemoved(profile);
        break;
    }
}

void SecretStore::fallBackToSession(const QString &reason)
{
    if (!m_persistent)
        return;
    qCWarning(lcSecrets).noquote()
            << "keychain unavailable, secrets are kept for this session only:" << reason;
    m_persistent = false;
    Q_EMIT persistenceChanged(false);
}

void SecretStore::emitRead(const QString &profile)
{
    const auto it = m_cache.constFind(profile);
    if (it != m_cache.constEnd())
        Q_EMIT secretRead(profile, *it, true);
    else
        Q_EMIT secretRead(profile, QString(), false);
}

} // namespace Explorer
