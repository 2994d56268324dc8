// SPDX-License-Identifier: MIT
#ifndef EXPLORER_WRITEDOCK_H
#define EXPLORER_WRITEDOCK_H

#include <QtCore/QTimer>
#include <QtWidgets/QDockWidget>

namespace Influx {
class Client;
} // namespace Influx

namespace Explorer {

class BuilderSchemaLoader;
class WritePanel;

// The "Write data" dock: a WritePanel whose retention-policy choices follow its database
// (SHOW RETENTION POLICIES through the shared client, not owned, must outlive the dock).
// The window connects pointsWritten() to refresh the schema it shows.
//
// Object names: "writeDock", and the panel's "writePanel".
class WriteDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit WriteDock(Influx::Client *client, QWidget *parent = nullptr);

    WritePanel *panel() const { return m_panel; }
    // Shows the dock, brings it to the front and puts the focus in the point form.
    void present();

private:
    WritePanel *m_panel;
    BuilderSchemaLoader *m_policies;
    QTimer m_policyTimer; // a typed database name is looked up once the typing pauses
};

} // namespace Explorer

#endif // EXPLORER_WRITEDOCK_H
