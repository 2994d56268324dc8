// SPDX-License-Identifier: MIT
#ifndef EXPLORER_WRITEPANEL_H
#define EXPLORER_WRITEPANEL_H

#include "settings/preferences.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
QT_END_NAMESPACE

namespace Influx {
class Client;
class WriteReply;
} // namespace Influx

namespace Explorer {

class BatchPage;
class PointForm;

// Writing data: a database selector above two tabs, "Point" (a PointForm, Write, and the
// result: "Written 1 point to demo (autogen)" or the server's error; the form keeps what was
// entered) and "Batch" (a BatchPage: pasted or opened line protocol, checked, written in
// batches). All I/O goes through the shared Client.
//
// Not owned: the Client (must outlive the panel). Child object names: "databaseCombo",
// "writeTabs", "pointForm", "writePointButton", "pointResultLabel", "batchPage".
class WritePanel : public QWidget
{
    Q_OBJECT
public:
    explicit WritePanel(Influx::Client *client, QWidget *parent = nullptr);
    ~WritePanel() override;

    // The databases offered (editable: any name can be typed); the current one is kept.
    void setDatabases(const QStringList &names);
    void setDatabase(const QString &name);
    QString database() const;
    // The current database's retention policies; defaultPolicy names the default in messages.
    void setRetentionPolicies(const QStringList &names, const QString &defaultPolicy = {});
    // The zone the point form's chosen time is entered in.
    void setPreferences(const Preferences &preferences);

    PointForm *pointForm() const { return m_form; }
    BatchPage *batchPage() const { return m_batch; }

public Q_SLOTS:
    // Writes the point form's point (does nothing while invalid or already writing).
    void writePoint();

Q_SIGNALS:
    // The user chose another database: the window may answer with setRetentionPolicies().
    void databaseChanged(const QString &database);
    // Points were stored (the window may refresh the schema).
    void pointsWritten(const QString &database, qint64 count);

private:
    QWidget *createPointTab();
    void onPointWritten();
    void updatePointButton();

    Influx::Client *m_client;
    QComboBox *m_database;
    QTabWidget *m_tabs;
    PointForm *m_form;
    QPushButton *m_writePoint;
    QLabel *m_pointResult;
    BatchPage *m_batch;
    QString m_defaultPolicy;
    QPointer<Influx::WriteReply> m_reply;
    QString m_replyDatabase; // where the point in flight goes
    QString m_replyPolicy;
};

} // namespace Explorer

#endif // EXPLORER_WRITEPANEL_H
