// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RETENTIONPOLICYDIALOG_H
#define EXPLORER_RETENTIONPOLICYDIALOG_H

#include "schema/schemastatements.h"

#include <QtWidgets/QDialog>

#include <optional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace Explorer {

// Asks for a new retention policy of one database: name, duration, replication, optional shard
// duration, default flag. Shows the CREATE RETENTION POLICY statement it builds and accepts
// only valid durations. Runs nothing itself.
class RetentionPolicyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RetentionPolicyDialog(const QString &database, QWidget *parent = nullptr);

    QString database() const { return m_database; }
    SchemaStatements::RetentionPolicySpec spec() const;
    void setSpec(const SchemaStatements::RetentionPolicySpec &spec);
    // The statement the current input gives.
    QString statement() const;
    // A name, a valid duration, and a valid shard duration when one is given.
    bool isInputValid() const;

    // Runs the dialog modally; the spec when the user accepted.
    static std::optional<SchemaStatements::RetentionPolicySpec> ask(QWidget *parent,
                                                                    const QString &database);

private:
    void updateState();

    QString m_database;
    QLineEdit *m_name;
    QLineEdit *m_duration;
    QSpinBox *m_replication;
    QLineEdit *m_shardDuration;
    QCheckBox *m_default;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
};

} // namespace Explorer

#endif // EXPLORER_RETENTIONPOLICYDIALOG_H
