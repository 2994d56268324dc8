// SPDX-License-Identifier: MIT
#ifndef EXPLORER_WRITEOPTIONSBAR_H
#define EXPLORER_WRITEOPTIONSBAR_H

#include <clientoptions.h>

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QSpinBox;
QT_END_NAMESPACE

namespace Explorer {

// The per-write overrides, in one row: timestamp precision (n, u, ms, s, m, h), retention
// policy (editable; empty = the database's default) and consistency (default, any, one,
// quorum, all; only InfluxDB Enterprise clusters use it) and retries (0 = off: a batch that
// fails because the server cannot be reached, times out or answers 5xx is sent again up to this
// many times, with exponential back-off; see Influx::RetryPolicy).
//
// Child object names: "precisionCombo", "retentionPolicyCombo", "consistencyCombo",
// "retriesSpin".
class WriteOptionsBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxRetries = 20;

    explicit WriteOptionsBar(QWidget *parent = nullptr);

    Influx::Precision precision() const;
    void setPrecision(Influx::Precision precision);
    // Empty: the database's default retention policy.
    QString retentionPolicy() const;
    void setRetentionPolicy(const QString &name);
    // The names offered; the current text is kept.
    void setRetentionPolicies(const QStringList &names);
    std::optional<Influx::Consistency> consistency() const;
    void setConsistency(std::optional<Influx::Consistency> consistency);
    int retries() const;
    void setRetries(int retries);
    // The policy options() carries: retries() with the library's default back-off (0.5 s
    // doubling to 30 s), or off.
    Influx::RetryPolicy retryPolicy() const;

    // The options for a write to database. The precision is always set, so the client's
    // default precision never changes what the user sees.
    Influx::WriteOptions options(const QString &database) const;

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_precision;
    QComboBox *m_retentionPolicy;
    QComboBox *m_consistency;
    QSpinBox *m_retries;
};

} // namespace Explorer

#endif // EXPLORER_WRITEOPTIONSBAR_H
