// SPDX-License-Identifier: MIT
#include "writeoptionsbar.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSpinBox>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr Influx::Precision Precisions[] = {
        Influx::Precision::Nanoseconds,  Influx::Precision::Microseconds,
        Influx::Precision::Milliseconds, Influx::Precision::Seconds,
        Influx::Precision::Minutes,      Influx::Precision::Hours,
};
constexpr Influx::Consistency Consistencies[] = {
        Influx::Consistency::Any,
        Influx::Consistency::One,
        Influx::Consistency::Quorum,
        Influx::Consistency::All,
};

} // namespace

WriteOptionsBar::WriteOptionsBar(QWidget *parent)
    : QWidget(parent),
      m_precision(new QComboBox(this)),
      m_retentionPolicy(new QComboBox(this)),
      m_consistency(new QComboBox(this)),
      m_retries(new QSpinBox(this))
{
    m_precision->setObjectName(u"precisionCombo"_s);
    const QStringList precisionLabels {tr("n (nanoseconds)"),   tr("u (microseconds)"),
                                       tr("ms (milliseconds)"), tr("s (seconds)"),
                                       tr("m (minutes)"),       tr("h (hours)")};
    for (qsizetype i = 0; i < qsizetype(std::size(Precisions)); ++i)
        m_precision->addItem(precisionLabels[i], QVariant::fromValue(Precisions[i]));
    m_precision->setToolTip(tr("The unit of the timestamps written"));

    m_retentionPolicy->setObjectName(u"retentionPolicyCombo"_s);
    m_retentionPolicy->setEditable(true);
    m_retentionPolicy->setInsertPolicy(QComboBox::NoInsert);
    m_retentionPolicy->addItem(QString());
    m_retentionPolicy->lineEdit()->setPlaceholderText(tr("default"));
    m_retentionPolicy->setMinimumContentsLength(10);
    m_retentionPolicy->setToolTip(tr("Retention policy to write to; empty writes to the "
                                     "database's default"));

    m_consistency->setObjectName(u"consistencyCombo"_s);
    m_consistency->addItem(tr("default"));
    for (const Influx::Consistency c : Consistencies)
        m_consistency->addItem(Influx::consistencyName(c), QVariant::fromValue(c));
    m_consistency->setToolTip(tr("Write consistency (InfluxDB Enterprise clusters only)"));

    m_retries->setObjectName(u"retriesSpin"_s);
    m_retries->setRange(0, MaxRetries);
    m_retries->setSpecialValueText(tr("off"));
    m_retries->setToolTip(tr("Send a batch again when the server cannot be reached, does not "
                             "answer in time or answers with a server error (5xx): up to this "
                             "many times, waiting 0.5 s, 1 s, 2 s … (at most 30 s) in between. "
                             "Data the server rejects is never sent again."));

    // Two rows, so the write panel fits a dock beside the query tabs.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addLabelled = [this, layout](const QString &text, QWidget *widget, int row,
                                            int column) {
        auto *label = new QLabel(text, this);
        label->setBuddy(widget);
        layout->addWidget(label, row, column);
        layout->addWidget(widget, row, column + 1);
    };
    addLabelled(tr("&Precision:"), m_precision, 0, 0);
    addLabelled(tr("Retention &policy:"), m_retentionPolicy, 0, 2);
    addLabelled(tr("Co&nsistency:"), m_consistency, 1, 0);
    addLabelled(tr("Re&tries:"), m_retries, 1, 2);
    layout->setColumnStretch(4, 1);

    connect(m_precision, &QComboBox::currentIndexChanged, this, &WriteOptionsBar::changed);
    connect(m_retentionPolicy, &QComboBox::currentTextChanged, this, &WriteOptionsBar::changed);
    connect(m_consistency, &QComboBox::currentIndexChanged, this, &WriteOptionsBar::changed);
    connect(m_retries, &QSpinBox::valueChanged, this, &WriteOptionsBar::changed);
}

Influx::Precision WriteOptionsBar::precision() const
{
    return m_precision->currentData().value<Influx::Precision>();
}

void WriteOptionsBar::setPrecision(Influx::Precision precision)
{
    m_precision->setCurrentIndex(m_precision->findData(QVariant::fromValue(precision)));
}

QString WriteOptionsBar::retentionPolicy() const
{
    return m_retentionPolicy->currentText().trimmed();
}

void WriteOptionsBar::setRetentionPolicy(const QString &name)
{
    m_retentionPolicy->setCurrentText(name);
}

void WriteOptionsBar::setRetentionPolicies(const QStringList &names)
{
    const QString current = m_retentionPolicy->currentText();
    const QSignalBlocker blocker(m_retentionPolicy);
    m_retentionPolicy->clear();
    m_retentionPolicy->addItem(QString());
    m_retentionPolicy->addItems(names);
    m_retentionPolicy->setCurrentText(current);
}

std::optional<Influx::Consistency> WriteOptionsBar::consistency() const
{
    const QVariant data = m_consistency->currentData();
    if (!data.isValid())
        return std::nullopt;
    return data.value<Influx::Consistency>();
}

void WriteOptionsBar::setConsistency(std::optional<Influx::Consistency> consistency)
{
    m_consistency->setCurrentIndex(
            consistency ? m_consistency->findData(QVariant::fromValue(*consistency)) : 0);
}

int WriteOptionsBar::retries() const
{
    return m_retries->value();
}

void WriteOptionsBar::setRetries(int retries)
{
    m_retries->setValue(retries);
}

Influx::RetryPolicy WriteOptionsBar::retryPolicy() const
{
    Influx::RetryPolicy policy;
    policy.maxRetries = retries();
    return policy;
}

Influx::WriteOptions WriteOptionsBar::options(const QString &database) const
{
    Influx::WriteOptions options;
    if (!database.isEmpty())
        options.database = database;
    options.precision = precision();
    if (const QString rp = retentionPolicy(); !rp.isEmpty())
        options.retentionPolicy = rp;
    options.consistency = consistency();
    // Always set, so that what the bar shows is what happens whatever the client's default.
    options.retry = retryPolicy();
    return options;
}

} // namespace Explorer
