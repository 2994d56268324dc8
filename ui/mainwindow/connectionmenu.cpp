// SPDX-License-Identifier: MIT
#include "mainwindow/connectionmenu.h"

#include "settings/connectiondialog.h"
#include "settings/connectionmanager.h"

#include <QtWidgets/QInputDialog>

namespace Explorer {

ConnectionMenu::ConnectionMenu(ConnectionManager *connections, QWidget *parent)
    : QMenu(tr("&Connection"), parent), m_connections(connections)
{
    addAction(tr("&Connections…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
              &ConnectionMenu::showConnectionDialog);
    m_profiles = addMenu(tr("&Switch to"));
    addAction(tr("&Test connection"), QKeySequence(Qt::Key_F5), this,
              &ConnectionMenu::testRequested);
    addAction(tr("&Refresh schema"), this, &ConnectionMenu::refreshSchemaRequested);
    addSeparator();
    m_demoAction = addAction(tr("Start &demo server"), this, &ConnectionMenu::demoRequested);
    m_demoAction->setToolTip(tr("Start a private InfluxDB on 127.0.0.1 with sample data"));

    connect(connections, &ConnectionManager::profilesChanged, this,
            &ConnectionMenu::rebuildProfileMenu);
    connect(connections, &ConnectionManager::activeProfileChanged, this,
            &ConnectionMenu::rebuildProfileMenu);
    connect(connections, &ConnectionManager::secretRequired, this, &ConnectionMenu::askForSecret);
    rebuildProfileMenu();
}

void ConnectionMenu::setDemoRunning(bool running)
{
    m_demoAction->setEnabled(!running);
    m_demoAction->setText(running ? tr("Demo server running") : tr("Start &demo server"));
}

void ConnectionMenu::rebuildProfileMenu()
{
    m_profiles->clear();
    const QString active = m_connections->activeProfileName();
    const auto profiles = m_connections->profiles();
    for (const auto &profile : profiles) {
        QAction *action = m_profiles->addAction(
                profile.name, this, [this, name = profile.name] { m_connections->activate(name); });
        action->setCheckable(true);
        action->setChecked(profile.name == active);
    }
    m_profiles->setEnabled(!profiles.isEmpty());
}

void ConnectionMenu::showConnectionDialog()
{
    ConnectionDialog dialog(m_connections, parentWidget());
    if (!m_connections->activeProfileName().isEmpty() && !m_connections->isTemporary())
        dialog.selectProfile(m_connections->activeProfileName());
    // OK means "connect with the selected profile".
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedProfileName().isEmpty())
        m_connections->activate(dialog.selectedProfileName());
}

void ConnectionMenu::askForSecret(const QString &profile)
{
    bool ok = false;
    const QString secret = QInputDialog::getText(
            parentWidget(), tr("Connect to %1").arg(profile),
            tr("The password or token of \"%1\" is not stored (no keychain is available).\n"
               "It is kept for this session only.")
                    .arg(profile),
            QLineEdit::Password, QString(), &ok);
    if (ok)
        m_connections->activate(profile, secret);
}

} // namespace Explorer
