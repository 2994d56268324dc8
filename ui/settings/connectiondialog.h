// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CONNECTIONDIALOG_H
#define EXPLORER_CONNECTIONDIALOG_H

#include "settings/connectionprofile.h"

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace Explorer {

class ConnectionManager;
class ConnectionTester;
class ProfileForm;
class SecretStore;

// Edits the saved connection profiles: a list (Add / Duplicate / Remove) and a ProfileForm for
// the selected one, with "Test connection" (its own temporary client, never the shared one).
// Nothing is saved before OK; then the profiles go to the ConnectionManager and only the
// secrets that changed to the SecretStore. Which profile to connect to afterwards is the
// caller's decision (selectedProfileName()).
//
// Object names for tests: profileList, addButton, duplicateButton, removeButton, testButton,
// testStatus, validationLabel, secretNotice, buttonBox, and those of ProfileForm.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // manager (not owned) must outlive the dialog; its secretStore() holds the secrets.
    explicit ConnectionDialog(ConnectionManager *manager, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // The profiles as edited so far.
    QList<ConnectionProfile> profiles() const;
    QString selectedProfileName() const;
    void selectProfile(const QString &name);

    void accept() override;

private:
    struct Entry;
    void addProfile();
    void duplicateProfile();
    void removeProfile();
    void addEntry(const Entry &entry);
    void showEntry(int row);
    void formChanged();
    void secretRead(const QString &profile, const QString &secret, bool found);
    void testConnection();
    void testFinished(bool success, const QString &message);
    void stopTest();
    QString problemOf(int row) const;
    void updateState();
    void saveSecrets();

    ConnectionManager *m_manager;
    SecretStore *m_secrets;
    QList<Entry> m_entries;
    QStringList m_removed; // saved names of profiles removed in the dialog
    int m_current = -1;
    bool m_showing = false;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    ProfileForm *m_form;
    QPushButton *m_test;
    QLabel *m_testStatus;
    QLabel *m_validation;
    QLabel *m_secretNotice;
    QDialogButtonBox *m_buttons;
    ConnectionTester *m_tester;
};

} // namespace Explorer

#endif // EXPLORER_CONNECTIONDIALOG_H
