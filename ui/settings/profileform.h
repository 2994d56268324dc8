// SPDX-License-Identifier: MIT
#ifndef EXPLORER_PROFILEFORM_H
#define EXPLORER_PROFILEFORM_H

#include "settings/connectionprofile.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace Explorer {

// The form for every field of one ConnectionProfile, plus the password and token (which the
// profile itself does not hold). Only the fields of the chosen authentication are shown.
// Widgets carry object names (nameEdit, urlsEdit, databaseEdit, authCombo, usernameEdit,
// passwordEdit, tokenEdit, verifyTlsCheck, caFileEdit, caFileButton, consistencyCombo,
// retentionPolicyEdit, precisionCombo, epochCombo, chunkSizeSpin, timeoutSpin) for tests.
class ProfileForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileForm(QWidget *parent = nullptr);

    // Fills the form without emitting changed() or the *Edited() signals.
    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    void setPassword(const QString &password);
    QString password() const;
    void setToken(const QString &token);
    QString token() const;
    // Focuses the name with its text selected, for a profile just added.
    void focusName();
    // The password or the token, whichever the chosen authentication uses.
    QString secret() const;

    // One URL per line; "host:port" means http://host:port; trailing '/' removed.
    static QList<QUrl> parseUrls(const QString &text);

Q_SIGNALS:
    void changed(); // any field, by the user
    void passwordEdited();
    void tokenEdited();

private:
    void updateAuthRows();
    void browseCaFile();
    void notifyChanged();

    QFormLayout *m_layout;
    QLineEdit *m_name;
    QPlainTextEdit *m_urls;
    QLineEdit *m_database;
    QComboBox *m_auth;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_token;
    QCheckBox *m_verifyTls;
    QWidget *m_caRow;
    QLineEdit *m_caFile;
    QComboBox *m_consistency;
    QLineEdit *m_retentionPolicy;
    QComboBox *m_precision;
    QComboBox *m_epoch;
    QComboBox *m_compression;
    QSpinBox *m_chunkSize;
    QSpinBox *m_timeout;
    bool m_filling = false;
};

} // namespace Explorer

#endif // EXPLORER_PROFILEFORM_H
