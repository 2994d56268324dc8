// SPDX-License-Identifier: MIT
#include "mainwindow/writedock.h"

#include "builder/builderschemaloader.h"
#include "write/pointform.h"
#include "write/writepanel.h"

using namespace Qt::StringLiterals;

namespace Explorer {

WriteDock::WriteDock(Influx::Client *client, QWidget *parent)
    : QDockWidget(tr("Write data"), parent),
      m_panel(new WritePanel(client, this)),
      m_policies(new BuilderSchemaLoader(client, this))
{
    setObjectName(u"writeDock"_s);
    m_panel->setObjectName(u"writePanel"_s);
    setWidget(m_panel);
    m_policyTimer.setSingleShot(true);
    m_policyTimer.setInterval(300);
    connect(m_panel, &WritePanel::databaseChanged, &m_policyTimer, qOverload<>(&QTimer::start));
    connect(&m_policyTimer, &QTimer::timeout, this,
            [this] { m_policies->loadDatabase(m_panel->database()); });
    connect(m_policies, &BuilderSchemaLoader::databaseLoaded, this,
            [this](const QString &database, const QStringList &policies,
                   const QString &defaultPolicy, const QStringList &) {
                if (database == m_panel->database())
                    m_panel->setRetentionPolicies(policies, defaultPolicy);
            });
}

void WriteDock::present()
{
    show();
    raise();
    m_panel->pointForm()->setFocus();
}

} // namespace Explorer
