// SPDX-License-Identifier: MIT
#include "schema/retentionpolicydialog.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace S = SchemaStatements;

RetentionPolicyDialog::RetentionPolicyDialog(const QString &database, QWidget *parent)
    : QDialog(parent),
      m_database(database),
      m_name(new QLineEdit(this)),
      m_duration(new QLineEdit(this)),
      m_replication(new QSpinBox(this)),
      m_shardDuration(new QLineEdit(this)),
      m_default(new QCheckBox(tr("Make it the database's default policy"), this)),
      m_preview(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create Retention Policy on %1").arg(database));
    m_name->setObjectName(u"name"_s);
    m_duration->setObjectName(u"duration"_s);
    m_duration->setPlaceholderText(tr("e.g. 30d, 12h, INF"));
    m_replication->setObjectName(u"replication"_s);
    m_replication->setRange(1, 99);
    m_shardDuration->setObjectName(u"shardDuration"_s);
    m_shardDuration->setPlaceholderText(tr("optional, e.g. 1d"));
    m_default->setObjectName(u"makeDefault"_s);
    m_preview->setObjectName(u"preview"_s);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(tr("&Replication:"), m_replication);
    form->addRow(tr("&Shard duration:"), m_shardDuration);
    form->addRow(QString(), m_default);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_duration, m_shardDuration})
        connect(edit, &QLineEdit::textChanged, this, &RetentionPolicyDialog::updateState);
    connect(m_replication, &QSpinBox::valueChanged, this, &RetentionPolicyDialog::updateState);
    connect(m_default, &QCheckBox::toggled, this, &RetentionPolicyDialog::updateState);
    setSpec(S::RetentionPolicySpec {});
}

S::RetentionPolicySpec RetentionPolicyDialog::spec() const
{
    return {.name = m_name->text(),
            .duration = m_duration->text().trimmed(),
            .replication = m_replication->value(),
            .shardDuration = m_shardDuration->text().trimmed(),
            .makeDefault = m_default->isChecked()};
}

void RetentionPolicyDialog::setSpec(const S::RetentionPolicySpec &spec)
{
    m_name->setText(spec.name);
    m_duration->setText(spec.duration);
    m_replication->setValue(spec.replication);
    m_shardDuration->setText(spec.shardDuration);
    m_default->setChecked(spec.makeDefault);
    updateState();
}

QString RetentionPolicyDialog::statement() const
{
    return S::createRetentionPolicy(m_database, spec());
}

bool RetentionPolicyDialog::isInputValid() const
{
    const S::RetentionPolicySpec s = spec();
    return !s.name.isEmpty() && S::isValidDuration(s.duration, true)
            && (s.shardDuration.isEmpty() || S::isValidDuration(s.shardDuration));
}

std::optional<S::RetentionPolicySpec> RetentionPolicyDialog::ask(QWidget *parent,
                                                                 const QString &database)
{
    RetentionPolicyDialog dialog(database, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.spec();
}

void RetentionPolicyDialog::updateState()
{
    const bool valid = isInputValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_preview->setText(valid ? statement() : tr("Enter a name and a duration such as 30d."));
}

} // namespace Explorer
