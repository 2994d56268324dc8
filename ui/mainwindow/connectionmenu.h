// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CONNECTIONMENU_H
#define EXPLORER_CONNECTIONMENU_H

#include <QtWidgets/QMenu>

namespace Explorer {

class ConnectionManager;

// The window's Connection menu: the connections dialog, switching profiles, a ping, a schema
// refresh and the demo server. It also asks for a password or token that is not stored (no
// keychain) when a profile needs one. The manager is not owned.
class ConnectionMenu : public QMenu
{
    Q_OBJECT
public:
    ConnectionMenu(ConnectionManager *connections, QWidget *parent);

    QAction *demoAction() const { return m_demoAction; }
    QMenu *profileMenu() const { return m_profiles; }
    void setDemoRunning(bool running);

public Q_SLOTS:
    void showConnectionDialog();

Q_SIGNALS:
    void testRequested();
    void refreshSchemaRequested();
    void demoRequested();

private:
    void rebuildProfileMenu();
    void askForSecret(const QString &profile);

    ConnectionManager *m_connections;
    QMenu *m_profiles;
    QAction *m_demoAction;
};

} // namespace Explorer

#endif // EXPLORER_CONNECTIONMENU_H
