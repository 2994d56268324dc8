// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SECRETSTORE_H
#define EXPLORER_SECRETSTORE_H

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QString>

#include <chrono>

namespace QKeychain {
class Job;
}

namespace Explorer {

// Passwords and tokens of connection profiles, keyed by profile name, in the OS keychain
// (QtKeychain, service "influx-explorer"). Every secret seen is also cached in memory, so
// repeated reads answer at once.
//
// When the keychain cannot be used (no Secret Service / no D-Bus session bus, access denied,
// or a job that does not finish within timeout()), the store switches for the rest of the
// session to keeping secrets in memory only: isPersistent() turns false and
// persistenceChanged(false) is emitted, so the UI can tell the user the password will be
// asked again next time. It never falls back to a plain-text file.
//
// All results arrive through signals, always from the event loop (never from inside the call).
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)
public:
    enum class Backend {
        Keychain, // the OS keychain, falling back to SessionOnly when it is unavailable
        SessionOnly, // memory only, for this process (tests, or when asked to)
    };
    Q_ENUM(Backend)

    explicit SecretStore(Backend backend = Backend::Keychain, QObject *parent = nullptr);
    ~SecretStore() override;

    static QString serviceName();

    // false once secrets are kept for this session only.
    bool isPersistent() const { return m_persistent; }
    // How long a keychain job may take before the keychain counts as unavailable. A desktop
    // keychain may ask the user to unlock it, so the default is generous (10 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Tries the keychain once (a harmless read) so that isPersistent() is known before the
    // first real secret is needed, e.g. when a dialog opens. Does nothing in SessionOnly mode.
    void checkAvailability();

    void read(const QString &profile);
    void write(const QString &profile, const QString &secret);
    void remove(const QString &profile);
    // Moves the secret (if any) to a new profile name, e.g. after the profile was renamed.
    void rename(const QString &oldName, const QString &newName);

Q_SIGNALS:
    // found is false when there is no secret for the profile (secret is then empty).
    void secretRead(const QString &profile, const QString &secret, bool found);
    // persistent is false when the secret is only kept for this session.
    void secretWritten(const QString &profile, bool persistent);
    void secretRemoved(const QString &profile);
    void persistenceChanged(bool persistent);

private:
    enum class Operation { Read, Write, Remove, Probe };
    enum class Outcome { Done, NotFound, Failed };
    void startJob(Operation operation, const QString &profile, const QString &secret = {});
    void jobFinished(QKeychain::Job *job, Operation operation, const QString &profile,
                     quint64 generation);
    void finishOperation(Operation operation, const QString &profile, quint64 generation,
                         Outcome outcome, const QString &secret, const QString &reason);
    void fallBackToSession(const QString &reason);
    void emitRead(const QString &profile);
    void emitLater(auto &&emitter);

    QHash<QString, QString> m_cache; // secrets known in this session
    QSet<QString> m_absent; // profiles known to have no secret
    QSet<QString> m_reading; // keychain reads in progress
    // Bumped by every write and remove, so that a read started before them cannot overwrite
    // their result when it finishes later.
    QHash<QString, quint64> m_generation;
    bool m_persistent = true;
    bool m_checked = false; // the keychain answered at least once
    bool m_probing = false;
    std::chrono::milliseconds m_timeout {10000};
};

} // namespace Explorer

#endif // EXPLORER_SECRETSTORE_H
