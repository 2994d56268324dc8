// SPDX-License-Identifier: MIT
#include "writepanel.h"

#include "write/batchpage.h"
#include "write/pointform.h"
#include "write/writeoptionsbar.h"

#include <client.h>

#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

WritePanel::WritePanel(Influx::Client *client, QWidget *parent)
    : QWidget(parent),
      m_client(client),
      m_database(new QComboBox(this)),
      m_tabs(new QTabWidget(this)),
      m_form(new PointForm(this)),
      m_writePoint(new QPushButton(tr("&Write Point"), this)),
      m_pointResult(new QLabel(this)),
      m_batch(new BatchPage(client, this))
{
    m_database->setObjectName(u"databaseCombo"_s);
    m_database->setEditable(true);
    m_database->setInsertPolicy(QComboBox::NoInsert);
    m_database->setMinimumContentsLength(16);
    m_database->lineEdit()->setPlaceholderText(tr("database"));
    m_tabs->setObjectName(u"writeTabs"_s);
    m_form->setObjectName(u"pointForm"_s);
    m_batch->setObjectName(u"batchPage"_s);
    m_writePoint->setObjectName(u"writePointButton"_s);
    m_pointResult->setObjectName(u"pointResultLabel"_s);
    m_pointResult->setWordWrap(true);
    m_pointResult->setTextFormat(Qt::PlainText);
    m_pointResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("&Database:"), this);
    label->setBuddy(m_database);
    top->addWidget(label);
    top->addWidget(m_database);
    top->addStretch(1);

    m_tabs->addTab(createPointTab(), tr("&Point"));
    m_tabs->addTab(m_batch, tr("&Batch"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    connect(m_database, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const QString name = text.trimmed();
        m_defaultPolicy.clear(); // belonged to the previous database
        m_form->setDatabase(name);
        m_batch->setDatabase(name);
        updatePointButton();
        Q_EMIT databaseChanged(name);
    });
    connect(m_form, &PointForm::changed, this, &WritePanel::updatePointButton);
    connect(m_writePoint, &QPushButton::clicked, this, &WritePanel::writePoint);
    connect(m_batch, &BatchPage::pointsWritten, this,
            [this](qint64 count) { Q_EMIT pointsWritten(database(), count); });
    updatePointButton();
}

WritePanel::~WritePanel()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QWidget *WritePanel::createPointTab()
{
    auto *tab = new QWidget(this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_pointResult, 1);
    bottom->addWidget(m_writePoint);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_form);
    layout->addStretch(1);
    layout->addLayout(bottom);
    return tab;
}

void WritePanel::setDatabases(const QStringList &names)
{
    const QString current = m_database->currentText();
    const QSignalBlocker blocker(m_database);
    m_database->clear();
    m_database->addItems(names);
    m_database->setCurrentText(current);
}

void WritePanel::setDatabase(const QString &name)
{
    m_database->setCurrentText(name);
}

QString WritePanel::database() const
{
    return m_database->currentText().trimmed();
}

void WritePanel::setRetentionPolicies(const QStringList &names, const QString &defaultPolicy)
{
    m_defaultPolicy = defaultPolicy;
    m_form->setRetentionPolicies(names);
    m_batch->setRetentionPolicies(names);
}

void WritePanel::setPreferences(const Preferences &preferences)
{
    m_form->setPreferences(preferences);
}

void WritePanel::updatePointButton()
{
    const bool ready = m_form->isValid() && !database().isEmpty() && !m_reply;
    m_writePoint->setEnabled(ready);
    m_writePoint->setToolTip(database().isEmpty() ? tr("Choose a database first")
                                                  : m_form->validationMessage());
}

void WritePanel::writePoint()
{
    if (!m_form->isValid() || database().isEmpty() || m_reply)
        return;
    const Influx::WriteOptions options = m_form->options();
    m_replyDatabase = database();
    m_replyPolicy = options.retentionPolicy.value_or(QString());
    m_reply = m_client->write(m_form->point(), options);
    connect(m_reply, &Influx::Reply::finished, this, &WritePanel::onPointWritten);
    m_pointResult->setText(tr("Writing…"));
    updatePointButton();
}

void WritePanel::onPointWritten()
{
    Influx::WriteReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (const Influx::Error error = reply->error()) {
        m_pointResult->setText(tr("Not written: %1").arg(error.toString()));
    } else {
        const QString policy = !m_replyPolicy.isEmpty() ? m_replyPolicy
                : !m_defaultPolicy.isEmpty()            ? m_defaultPolicy
                                                        : tr("default retention policy");
        m_pointResult->setText(tr("Written 1 point to %1 (%2)").arg(m_replyDatabase, policy));
        Q_EMIT pointsWritten(m_replyDatabase, 1);
    }
    updatePointButton();
}

} // namespace Explorer
