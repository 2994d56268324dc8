// SPDX-License-Identifier: MIT
#include "connectiondialog.h"

#include "settings/connectionmanager.h"
#include "settings/connectiontester.h"
#include "settings/profileform.h"
#include "settings/profilestore.h"
#include "settings/secretstore.h"

#include <QtCore/QScopedValueRollback>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

using Auth = ConnectionProfile::Auth;

struct ConnectionDialog::Entry
{
    ConnectionProfile profile;
    QString savedName; // empty for a profile added in the dialog
    Auth savedAuth = Auth::None;
    QString password;
    QString token;
    bool secretLoaded = false; // the stored secret arrived (or there is none to wait for)
    bool secretEdited = false; // the user typed a password or token
};

ConnectionDialog::ConnectionDialog(ConnectionManager *manager, QWidget *parent)
    : QDialog(parent),
      m_manager(manager),
      m_secrets(manager->secretStore()),
      m_list(new QListWidget(this)),
      m_add(new QPushButton(tr("&Add"), this)),
      m_duplicate(new QPushButton(tr("D&uplicate"), this)),
      m_remove(new QPushButton(tr("Re&move"), this)),
      m_form(new ProfileForm(this)),
      m_test(new QPushButton(tr("Test c&onnection"), this)),
      m_testStatus(new QLabel(this)),
      m_validation(new QLabel(this)),
      m_secretNotice(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_tester(new ConnectionTester(this))
{
    setWindowTitle(tr("Connections"));
    m_list->setObjectName(u"profileList"_s);
    m_add->setObjectName(u"addButton"_s);
    m_duplicate->setObjectName(u"duplicateButton"_s);
    m_remove->setObjectName(u"removeButton"_s);
    m_test->setObjectName(u"testButton"_s);
    m_testStatus->setObjectName(u"testStatus"_s);
    m_validation->setObjectName(u"validationLabel"_s);
    m_secretNotice->setObjectName(u"secretNotice"_s);
    m_buttons->setObjectName(u"buttonBox"_s);

    for (QLabel *label : {m_testStatus, m_validation, m_secretNotice}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_validation->setStyleSheet(u"color: #c62828"_s);
    m_secretNotice->setText(tr("No keychain service is available: the password is kept for this "
                               "session only and will be asked again next time."));
    m_test->setToolTip(tr("Pings the server; with a database or credentials also runs a query, "
                          "since only a query checks them."));

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_duplicate);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testStatus, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    right->addLayout(testRow);
    right->addWidget(m_validation);
    right->addWidget(m_secretNotice);
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::showEntry);
    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::addProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectionDialog::duplicateProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeProfile);
    connect(m_form, &ProfileForm::changed, this, &ConnectionDialog::formChanged);
    connect(m_form, &ProfileForm::passwordEdited, this, [this] {
        if (m_current >= 0)
            m_entries[m_current].secretEdited = true;
    });
    connect(m_form, &ProfileForm::tokenEdited, this, [this] {
        if (m_current >= 0)
            m_entries[m_current].secretEdited = true;
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_tester, &ConnectionTester::finished, this, &ConnectionDialog::testFinished);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_secrets, &SecretStore::secretRead, this, &ConnectionDialog::secretRead);
    connect(m_secrets, &SecretStore::persistenceChanged, this, &ConnectionDialog::updateState);

    // Every stored secret is asked for now, so that renames and duplicates can carry it.
    m_secrets->checkAvailability();
    for (const ConnectionProfile &profile : m_manager->profiles()) {
        Entry entry {.profile = profile, .savedName = profile.name, .savedAuth = profile.auth};
        entry.secretLoaded = profile.auth == Auth::None;
        addEntry(entry);
        if (profile.auth != Auth::None)
            m_secrets->read(profile.name);
    }
    selectProfile(m_manager->activeProfileName());
    if (m_current < 0 && !m_entries.isEmpty())
        m_list->setCurrentRow(0);
    updateState();
    resize(sizeHint());
}

ConnectionDialog::~ConnectionDialog() = default;

QList<ConnectionProfile> ConnectionDialog::profiles() const
{
    QList<ConnectionProfile> result;
    for (const Entry &entry : m_entries)
        result.append(entry.profile);
    return result;
}

QString ConnectionDialog::selectedProfileName() const
{
    return m_current >= 0 ? m_entries.at(m_current).profile.name : QString();
}

void ConnectionDialog::selectProfile(const QString &name)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).profile.name == name)
            m_list->setCurrentRow(row);
    }
}

void ConnectionDialog::addEntry(const Entry &entry)
{
    m_entries.append(entry);
    m_list->addItem(entry.profile.name);
}

void ConnectionDialog::addProfile()
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names.append(entry.profile.name);
    Entry entry;
    entry.profile.name = ProfileStore::uniqueName(tr("New connection"), names);
    entry.profile.baseUrls = {QUrl(u"http://localhost:8086"_s)};
    entry.secretLoaded = true;
    addEntry(entry);
    m_list->setCurrentRow(int(m_entries.size() - 1));
    m_form->focusName();
}

void ConnectionDialog::duplicateProfile()
{
    if (m_current < 0)
        return;
    QStringList names;
    for (const Entry &entry : m_entries)
        names.append(entry.profile.name);
    Entry copy = m_entries.at(m_current);
    copy.profile.name = ProfileStore::uniqueName(copy.profile.name, names);
    copy.savedName.clear();
    copy.savedAuth = Auth::None;
    copy.secretLoaded = true; // the copy has what the form shows, nothing to wait for
    addEntry(copy);
    m_list->setCurrentRow(int(m_entries.size() - 1));
}

void ConnectionDialog::removeProfile()
{
    if (m_current < 0)
        return;
    const int row = m_current;
    if (!m_entries.at(row).savedName.isEmpty())
        m_removed.append(m_entries.at(row).savedName);
    stopTest();
    m_current = -1; // the row being removed must not receive the form's contents
    m_entries.removeAt(row);
    delete m_list->takeItem(row);
    m_list->setCurrentRow(std::min(row, int(m_entries.size()) - 1));
    if (m_entries.isEmpty())
        showEntry(-1);
}

void ConnectionDialog::showEntry(int row)
{
    stopTest();
    m_testStatus->clear();
    m_current = row;
    const QScopedValueRollback showing(m_showing, true);
    if (row >= 0 && row < m_entries.size()) {
        const Entry &entry = m_entries.at(row);
        m_form->setProfile(entry.profile);
        m_form->setPassword(entry.password);
        m_form->setToken(entry.token);
    } else {
        m_current = -1;
        m_form->setProfile({});
        m_form->setPassword({});
        m_form->setToken({});
    }
    updateState();
}

void ConnectionDialog::formChanged()
{
    if (m_showing || m_current < 0)
        return;
    Entry &entry = m_entries[m_current];
    entry.profile = m_form->profile();
    entry.password = m_form->password();
    entry.token = m_form->token();
    m_list->item(m_current)->setText(entry.profile.name);
    updateState();
}

void ConnectionDialog::secretRead(const QString &profile, const QString &secret, bool found)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry &entry = m_entries[row];
        if (entry.savedName != profile || entry.secretLoaded)
            continue;
        entry.secretLoaded = true;
        if (!found || entry.secretEdited)
            continue;
        (entry.savedAuth == Auth::Token ? entry.token : entry.password) = secret;
        if (row == m_current) {
            const QScopedValueRollback showing(m_showing, true);
            m_form->setPassword(entry.password);
            m_form->setToken(entry.token);
        }
    }
}

void ConnectionDialog::testConnection()
{
    if (m_current < 0)
        return;
    m_test->setEnabled(false);
    m_testStatus->setStyleSheet({});
    m_testStatus->setText(tr("Testing..."));
    m_tester->start(m_form->profile(), m_form->secret());
}

void ConnectionDialog::testFinished(bool success, const QString &message)
{
    m_testStatus->setStyleSheet(success ? u"color: #2e7d32"_s : u"color: #c62828"_s);
    m_testStatus->setText(message);
    updateState();
}

void ConnectionDialog::stopTest()
{
    m_tester->cancel();
    updateState();
}

QString ConnectionDialog::problemOf(int row) const
{
    const ConnectionProfile &profile = m_entries.at(row).profile;
    if (const Influx::Error error = profile.validate())
        return error.message();
    for (int other = 0; other < m_entries.size(); ++other) {
        if (other != row && m_entries.at(other).profile.name == profile.name)
            return tr("Another profile is already named \"%1\".").arg(profile.name);
    }
    return {};
}

void ConnectionDialog::updateState()
{
    const bool hasCurrent = m_current >= 0;
    m_form->setEnabled(hasCurrent);
    m_duplicate->setEnabled(hasCurrent);
    m_remove->setEnabled(hasCurrent);
    m_test->setEnabled(hasCurrent && !m_tester->isRunning());

    // The selected profile's problem first; otherwise the first other one, named.
    QString problem = hasCurrent ? problemOf(m_current) : QString();
    for (int row = 0; problem.isEmpty() && row < m_entries.size(); ++row) {
        if (const QString p = problemOf(row); !p.isEmpty())
            problem = tr("Profile \"%1\": %2").arg(m_entries.at(row).profile.name, p);
    }
    m_validation->setText(problem);
    m_validation->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_secretNotice->setVisible(!m_secrets->isPersistent());
}

void ConnectionDialog::accept()
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (!problemOf(row).isEmpty())
            return;
    }
    saveSecrets();
    QHash<QString, QString> renamed;
    for (const Entry &entry : m_entries) {
        if (!entry.savedName.isEmpty() && entry.savedName != entry.profile.name)
            renamed.insert(entry.savedName, entry.profile.name);
    }
    // Secrets first: re-activating an edited active profile then reads the new one.
    m_manager->setProfiles(profiles(), renamed);
    QDialog::accept();
}

void ConnectionDialog::saveSecrets()
{
    QStringList finalNames;
    for (const Entry &entry : m_entries)
        finalNames.append(entry.profile.name);
    for (const QString &name : std::as_const(m_removed)) {
        if (!finalNames.contains(name))
            m_secrets->remove(name);
    }
    for (const Entry &entry : std::as_const(m_entries)) {
        const QString &name = entry.profile.name;
        const QString &saved = entry.savedName;
        const bool renamed = !saved.isEmpty() && saved != name;
        const bool oldNameFree = renamed && !finalNames.contains(saved);
        if (entry.profile.auth == Auth::None) {
            if (!saved.isEmpty() && entry.savedAuth != Auth::None && (oldNameFree || !renamed))
                m_secrets->remove(saved);
            continue;
        }
        const bool changed =
                saved.isEmpty() || entry.secretEdited || entry.profile.auth != entry.savedAuth;
        if (changed || (renamed && entry.secretLoaded)) {
            const QString secret = entry.profile.auth == Auth::Token ? entry.token : entry.password;
            if (secret.isEmpty())
                m_secrets->remove(name);
            else
                m_secrets->write(name, secret);
            if (oldNameFree)
                m_secrets->remove(saved);
        } else if (renamed) {
            // The stored secret has not arrived yet: the store moves it when it does.
            m_secrets->rename(saved, name);
        }
    }
}

} // namespace Explorer
