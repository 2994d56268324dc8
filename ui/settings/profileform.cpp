// SPDX-License-Identifier: MIT
#include "profileform.h"

#include <QtCore/QScopedValueRollback>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr int unset = -1; // combo data for "not set" (the server's or client's default)

template<typename Enum>
std::optional<Enum> comboValue(const QComboBox *combo)
{
    const int value = combo->currentData().toInt();
    return value == unset ? std::nullopt : std::optional<Enum>(Enum(value));
}

template<typename Enum>
void setComboValue(QComboBox *combo, std::optional<Enum> value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(value ? int(*value) : unset)));
}

void addPrecisions(QComboBox *combo)
{
    using Influx::Precision;
    combo->addItem(ProfileForm::tr("Nanoseconds (n)"), int(Precision::Nanoseconds));
    combo->addItem(ProfileForm::tr("Microseconds (u)"), int(Precision::Microseconds));
    combo->addItem(ProfileForm::tr("Milliseconds (ms)"), int(Precision::Milliseconds));
    combo->addItem(ProfileForm::tr("Seconds (s)"), int(Precision::Seconds));
    combo->addItem(ProfileForm::tr("Minutes (m)"), int(Precision::Minutes));
    combo->addItem(ProfileForm::tr("Hours (h)"), int(Precision::Hours));
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent),
      m_layout(new QFormLayout(this)),
      m_name(new QLineEdit(this)),
      m_urls(new QPlainTextEdit(this)),
      m_database(new QLineEdit(this)),
      m_auth(new QComboBox(this)),
      m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_token(new QLineEdit(this)),
      m_verifyTls(new QCheckBox(tr("Verify TLS certificates"), this)),
      m_caRow(new QWidget(this)),
      m_caFile(new QLineEdit(m_caRow)),
      m_consistency(new QComboBox(this)),
      m_retentionPolicy(new QLineEdit(this)),
      m_precision(new QComboBox(this)),
      m_epoch(new QComboBox(this)),
      m_compression(new QComboBox(this)),
      m_chunkSize(new QSpinBox(this)),
      m_timeout(new QSpinBox(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_name->setObjectName(u"nameEdit"_s);
    m_urls->setObjectName(u"urlsEdit"_s);
    m_database->setObjectName(u"databaseEdit"_s);
    m_auth->setObjectName(u"authCombo"_s);
    m_username->setObjectName(u"usernameEdit"_s);
    m_password->setObjectName(u"passwordEdit"_s);
    m_token->setObjectName(u"tokenEdit"_s);
    m_verifyTls->setObjectName(u"verifyTlsCheck"_s);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_consistency->setObjectName(u"consistencyCombo"_s);
    m_retentionPolicy->setObjectName(u"retentionPolicyEdit"_s);
    m_precision->setObjectName(u"precisionCombo"_s);
    m_epoch->setObjectName(u"epochCombo"_s);
    m_compression->setObjectName(u"compressionCombo"_s);
    m_chunkSize->setObjectName(u"chunkSizeSpin"_s);
    m_timeout->setObjectName(u"timeoutSpin"_s);

    m_urls->setTabChangesFocus(true);
    m_urls->setPlaceholderText(u"http://localhost:8086"_s);
    m_urls->setFixedHeight(m_urls->fontMetrics().lineSpacing() * 4 + 2 * m_urls->frameWidth() + 8);
    m_urls->setToolTip(
            tr("One server URL per line (http:// or https://). They are tried in order: when a "
               "server cannot be reached the next one is used (failover), and the one that "
               "answered is tried first next time."));
    m_database->setToolTip(tr("The default database of queries and writes (optional)."));

    m_auth->addItem(tr("None"), int(ConnectionProfile::Auth::None));
    m_auth->addItem(tr("Username and password"), int(ConnectionProfile::Auth::UsernamePassword));
    m_auth->addItem(tr("Token"), int(ConnectionProfile::Auth::Token));
    m_auth->setToolTip(tr("Passwords and tokens are kept in the system keychain, never in the "
                          "settings file."));
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setToolTip(tr("Sent as \"Authorization: Token ...\" (InfluxDB 2.x and 3.x through "
                           "their 1.x API)."));

    m_verifyTls->setChecked(true);
    m_verifyTls->setToolTip(tr("Uncheck only for test servers with self-signed certificates: "
                               "the connection is then open to interception."));
    auto *caButton = new QPushButton(tr("Browse..."), m_caRow);
    caButton->setObjectName(u"caFileButton"_s);
    auto *caLayout = new QHBoxLayout(m_caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFile);
    caLayout->addWidget(caButton);
    m_caFile->setPlaceholderText(tr("System certificates only"));
    m_caFile->setToolTip(
            tr("A PEM file with CA certificates trusted in addition to the system's."));

    m_consistency->addItem(tr("Server default"), unset);
    m_consistency->addItem(u"any"_s, int(Influx::Consistency::Any));
    m_consistency->addItem(u"one"_s, int(Influx::Consistency::One));
    m_consistency->addItem(u"quorum"_s, int(Influx::Consistency::Quorum));
    m_consistency->addItem(u"all"_s, int(Influx::Consistency::All));
    m_consistency->setToolTip(tr("Write consistency (InfluxDB Enterprise clusters only)."));
    m_retentionPolicy->setPlaceholderText(tr("Database default"));
    m_precision->addItem(tr("Default (nanoseconds)"), unset);
    addPrecisions(m_precision);
    m_precision->setToolTip(tr("The precision of timestamps in written line protocol."));
    m_epoch->addItem(tr("RFC 3339 (default)"), unset);
    addPrecisions(m_epoch);
    m_epoch->setToolTip(tr("How query results carry their times."));
    m_compression->addItem(tr("Automatic (gzip, except on this computer)"),
                           int(Influx::Compression::Auto));
    m_compression->addItem(tr("gzip"), int(Influx::Compression::Gzip));
    m_compression->addItem(tr("None"), int(Influx::Compression::None));
    m_compression->setToolTip(
            tr("gzip for results and large writes. It saves time over a network link and "
               "costs time on a server on this computer; choose gzip for an SSH tunnel."));
    m_chunkSize->setRange(0, 1'000'000);
    m_chunkSize->setSpecialValueText(tr("Server default"));
    m_chunkSize->setToolTip(tr("Rows per chunk of a streamed result."));
    m_timeout->setRange(0, 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("No timeout"));
    m_timeout->setToolTip(tr("How long to wait for a response, or for more of it."));

    m_layout->addRow(tr("&Name:"), m_name);
    m_layout->addRow(tr("Server &URLs:"), m_urls);
    m_layout->addRow(tr("&Database:"), m_database);
    m_layout->addRow(tr("&Authentication:"), m_auth);
    m_layout->addRow(tr("U&ser name:"), m_username);
    m_layout->addRow(tr("&Password:"), m_password);
    m_layout->addRow(tr("&Token:"), m_token);
    m_layout->addRow(QString(), m_verifyTls);
    m_layout->addRow(tr("&CA file:"), m_caRow);
    m_layout->addRow(tr("&Consistency:"), m_consistency);
    m_layout->addRow(tr("&Retention policy:"), m_retentionPolicy);
    m_layout->addRow(tr("&Write precision:"), m_precision);
    m_layout->addRow(tr("Query &epoch:"), m_epoch);
    m_layout->addRow(tr("Co&mpression:"), m_compression);
    m_layout->addRow(tr("C&hunk size:"), m_chunkSize);
    m_layout->addRow(tr("T&imeout:"), m_timeout);
    updateAuthRows();

    for (QLineEdit *edit :
         {m_name, m_database, m_username, m_password, m_token, m_caFile, m_retentionPolicy})
        connect(edit, &QLineEdit::textChanged, this, &ProfileForm::notifyChanged);
    connect(m_urls, &QPlainTextEdit::textChanged, this, &ProfileForm::notifyChanged);
    for (QComboBox *combo : {m_auth, m_consistency, m_precision, m_epoch, m_compression})
        connect(combo, &QComboBox::currentIndexChanged, this, &ProfileForm::notifyChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ProfileForm::updateAuthRows);
    connect(m_verifyTls, &QCheckBox::toggled, this, &ProfileForm::notifyChanged);
    for (QSpinBox *spin : {m_chunkSize, m_timeout})
        connect(spin, &QSpinBox::valueChanged, this, &ProfileForm::notifyChanged);
    connect(m_password, &QLineEdit::textEdited, this, &ProfileForm::passwordEdited);
    connect(m_token, &QLineEdit::textEdited, this, &ProfileForm::tokenEdited);
    connect(caButton, &QPushButton::clicked, this, &ProfileForm::browseCaFile);
}

void ProfileForm::setProfile(const ConnectionProfile &profile)
{
    const QScopedValueRollback filling(m_filling, true);
    m_name->setText(profile.name);
    QStringList urls;
    for (const QUrl &url : profile.baseUrls)
        urls.append(url.toString());
    m_urls->setPlainText(urls.join(u'\n'));
    m_database->setText(profile.database);
    m_auth->setCurrentIndex(std::max(0, m_auth->findData(int(profile.auth))));
    m_username->setText(profile.username);
    m_verifyTls->setChecked(profile.verifyTls);
    m_caFile->setText(profile.caFile);
    setComboValue(m_consistency, profile.consistency);
    m_retentionPolicy->setText(profile.retentionPolicy);
    setComboValue(m_precision, profile.precision);
    setComboValue(m_epoch, profile.epoch);
    setComboValue(m_compression, std::optional(profile.compression));
    m_chunkSize->setValue(profile.chunkSize);
    m_timeout->setValue(profile.timeoutSeconds);
    updateAuthRows();
}

ConnectionProfile ProfileForm::profile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.baseUrls = parseUrls(m_urls->toPlainText());
    p.database = m_database->text().trimmed();
    p.auth = ConnectionProfile::Auth(m_auth->currentData().toInt());
    p.username = m_username->text();
    p.verifyTls = m_verifyTls->isChecked();
    p.caFile = m_caFile->text().trimmed();
    p.consistency = comboValue<Influx::Consistency>(m_consistency);
    p.retentionPolicy = m_retentionPolicy->text().trimmed();
    p.precision = comboValue<Influx::Precision>(m_precision);
    p.epoch = comboValue<Influx::Precision>(m_epoch);
    p.compression =
            comboValue<Influx::Compression>(m_compression).value_or(Influx::Compression::Auto);
    p.chunkSize = m_chunkSize->value();
    p.timeoutSeconds = m_timeout->value();
    return p;
}

void ProfileForm::setPassword(const QString &password)
{
    const QScopedValueRollback filling(m_filling, true);
    m_password->setText(password);
}

QString ProfileForm::password() const
{
    return m_password->text();
}

void ProfileForm::setToken(const QString &token)
{
    const QScopedValueRollback filling(m_filling, true);
    m_token->setText(token);
}

QString ProfileForm::token() const
{
    return m_token->text();
}

void ProfileForm::focusName()
{
    m_name->setFocus();
    m_name->selectAll();
}

QString ProfileForm::secret() const
{
    switch (ConnectionProfile::Auth(m_auth->currentData().toInt())) {
    case ConnectionProfile::Auth::None:
        break;
    case ConnectionProfile::Auth::UsernamePassword:
        return password();
    case ConnectionProfile::Auth::Token:
        return token();
    }
    return {};
}

QList<QUrl> ProfileForm::parseUrls(const QString &text)
{
    QList<QUrl> urls;
    for (QString line : text.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (!line.contains("://"_L1))
            line.prepend("http://"_L1);
        while (line.endsWith(u'/'))
            line.chop(1);
        urls.append(QUrl(line, QUrl::StrictMode));
    }
    return urls;
}

void ProfileForm::updateAuthRows()
{
    const auto auth = ConnectionProfile::Auth(m_auth->currentData().toInt());
    m_layout->setRowVisible(m_username, auth == ConnectionProfile::Auth::UsernamePassword);
    m_layout->setRowVisible(m_password, auth == ConnectionProfile::Auth::UsernamePassword);
    m_layout->setRowVisible(m_token, auth == ConnectionProfile::Auth::Token);
}

void ProfileForm::browseCaFile()
{
    const QString file =
            QFileDialog::getOpenFileName(this, tr("CA Certificates"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void ProfileForm::notifyChanged()
{
    if (!m_filling)
        Q_EMIT changed();
}

} // namespace Explorer
