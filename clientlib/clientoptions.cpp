// SPDX-License-Identifier: MIT
#include "clientoptions.h"

#include <QtCore/QFile>
#include <QtNetwork/QSslCertificate>

#include <limits>

using namespace Qt::StringLiterals;

namespace Influx {

namespace {

constexpr std::chrono::milliseconds MaxTimeout {std::numeric_limits<int>::max()};

Error invalid(const QString &message)
{
    return Error(Error::Kind::InvalidArgument, message);
}

void setError(Error *error, const Error &value)
{
    if (error)
        *error = value;
}

} // namespace

std::optional<Consistency> parseConsistencyOption(const QString &text, Error *error)
{
    if (auto c = consistencyFromName(text))
        return c;
    setError(
            error,
            invalid(u"consistency must be one of \"any\", \"one\", \"quorum\", \"all\" or None"_s));
    return std::nullopt;
}

std::optional<Precision> parsePrecisionOption(const QString &text, Error *error)
{
    if (auto p = precisionFromName(text))
        return p;
    setError(
            error,
            invalid(u"precision must be one of \"n\", \"u\", \"ms\", \"s\", \"m\", \"h\" or None"_s));
    return std::nullopt;
}

std::optional<Precision> parseEpochOption(const QString &text, Error *error)
{
    // The reference's message claimed "ns" while accepting only "n"; ours lists what is
    // accepted (DECISIONS.md).
    if (auto p = precisionFromName(text))
        return p;
    setError(error,
             invalid(u"epoch must be one of \"n\", \"u\", \"ms\", \"s\", \"m\", \"h\" or None"_s));
    return std::nullopt;
}

QList<QSslCertificate> ClientOptions::loadCaCertificates(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslCertificate::fromData(file.readAll(), QSsl::Pem);
}

Error ClientOptions::validate() const
{
    for (const QUrl &url : baseUrls) {
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
            return invalid(u"invalid base URL: %1 (expected http://host:port or https://...)"_s.arg(
                    url.toString(QUrl::RemoveUserInfo)));
        }
        if (!url.userInfo().isEmpty())
            return invalid(
                    u"credentials in a base URL are not allowed; use username and password"_s);
    }
    if (chunkSize < 0)
        return invalid(u"chunk size must not be negative"_s);
    if (!caFile.isEmpty() && loadCaCertificates(caFile).isEmpty())
        return invalid(u"no PEM certificate could be read from the CA file %1"_s.arg(caFile));
    if (timeout.count() < 0)
        return invalid(u"timeout must not be negative"_s);
    // QTimer takes an int of milliseconds: a longer timeout would wrap around and fire early.
    if (timeout > MaxTimeout) {
        return invalid(u"timeout must be at most %1 seconds (about 24 days); 0 means none"_s.arg(
                std::chrono::duration_cast<std::chrono::seconds>(MaxTimeout).count()));
    }
    return writeRetry.validate();
}

std::chrono::milliseconds RetryPolicy::delayBefore(int retry) const
{
    double delay = double(initialDelay.count());
    for (int i = 1; i < retry && delay < double(maxDelay.count()); ++i)
        delay *= multiplier;
    return std::chrono::milliseconds(qint64(std::min(delay, double(maxDelay.count()))));
}

bool RetryPolicy::isRetryable(const Error &error)
{
    switch (error.kind()) {
    case Error::Kind::NoServersReachable:
    case Error::Kind::Timeout:
        return true;
    case Error::Kind::ServerError: {
        const int status = error.httpStatus();
        return status == 429 || (status >= 500 && status != 501 && status != 505);
    }
    default:
        return false;
    }
}

Error RetryPolicy::validate() const
{
    if (maxRetries < 0 || maxRetries > MaxRetries)
        return invalid(u"write retries must be from 0 to %1"_s.arg(MaxRetries));
    if (initialDelay.count() < 1 || maxDelay < initialDelay || maxDelay > MaxDelayLimit)
        return invalid(u"retry delays must be at least 1 ms, the longest no shorter than the "
                       u"first and at most %1 s"_s.arg(MaxDelayLimit.count()));
    if (!(multiplier >= 1 && multiplier <= 100) || !(jitter >= 0 && jitter <= 1))
        return invalid(u"the retry delay multiplier must be from 1 to 100 and the jitter from "
                       u"0 to 1"_s);
    if (maxQueuedBytes < 0)
        return invalid(u"the retry queue limit must not be negative"_s);
    return {};
}

static QUrl normalisedUrl(const QString &text)
{
    QString t = text.trimmed();
    while (t.endsWith(u'/'))
        t.chop(1);
    return QUrl(t, QUrl::StrictMode);
}

ClientOptions ClientOptions::fromVariantMap(const QVariantMap &map, Error *error)
{
    ClientOptions options;
    Error problem;
    auto text = [&map](const char *key) { return map.value(QString::fromLatin1(key)).toString(); };
    auto has = [&map](const char *key) {
        const QVariant v = map.value(QString::fromLatin1(key));
        return v.isValid() && !v.isNull();
    };

    if (has("baseUrls")) {
        options.baseUrls.clear();
        const QVariant urls = map.value(u"baseUrls"_s);
        const QStringList list =
                urls.typeId() == QMetaType::QStringList || urls.typeId() == QMetaType::QVariantList
                ? urls.toStringList()
                : QStringList {urls.toString()};
        for (const QString &u : list)
            options.baseUrls.append(normalisedUrl(u));
    }
    options.database = text("database");
    options.username = text("username");
    options.password = text("password");
    options.token = text("token");
    options.retentionPolicy = text("retentionPolicy");
    // Order of checks as in the reference: consistency, precision, then epoch.
    if (has("consistency") && !problem)
        options.consistency = parseConsistencyOption(text("consistency"), &problem);
    if (has("precision") && !problem)
        options.precision = parsePrecisionOption(text("precision"), &problem);
    if (has("epoch") && !problem)
        options.epoch = parseEpochOption(text("epoch"), &problem);
    if (has("chunked"))
        options.chunked = map.value(u"chunked"_s).toBool();
    if (has("chunkSize") && !problem) {
        bool ok = false;
        const int size = map.value(u"chunkSize"_s).toInt(&ok);
        if (!ok || size < 0)
            problem =
                    invalid(u"chunk size must be a positive integer: %1"_s.arg(text("chunkSize")));
        options.chunkSize = size;
    }
    if (has("timeout") && !problem) {
        bool ok = false;
        const double seconds = map.value(u"timeout"_s).toDouble(&ok);
        if (!ok || !(seconds >= 0))
            problem = invalid(u"timeout must be a number of seconds: %1"_s.arg(text("timeout")));
        else // bounded so that the conversion cannot overflow; validate() names the limit
            options.timeout = std::chrono::milliseconds(qint64(std::min(seconds, 1e12) * 1000));
    }
    if (has("compression") && !problem) {
        if (const auto compression = compressionFromName(text("compression")))
            options.compression = *compression;
        else
            problem =
                    invalid(u"compression must be one of \"auto\", \"gzip\" or \"none\": %1"_s.arg(
                            text("compression")));
    }
    if (has("verifyTls"))
        options.verifyTls = map.value(u"verifyTls"_s).toBool();
    options.caFile = text("caFile");
    if (has("writeRetries") && !problem) {
        bool ok = false;
        const int retries = map.value(u"writeRetries"_s).toInt(&ok);
        if (!ok || retries < 0 || retries > RetryPolicy::MaxRetries)
            problem = invalid(u"write retries must be a whole number from 0 to %1: %2"_s.arg(
                    QString::number(RetryPolicy::MaxRetries), text("writeRetries")));
        else
            options.writeRetry.maxRetries = retries;
    }
    if (has("writeRetryMaxDelay") && !problem) {
        bool ok = false;
        const double seconds = map.value(u"writeRetryMaxDelay"_s).toDouble(&ok);
        if (!ok || !(seconds >= 0.001) || seconds > RetryPolicy::MaxDelayLimit.count())
            problem = invalid(u"the longest delay between write retries must be a number of "
                              u"seconds from 0.001 to %1: %2"_s.arg(
                                      QString::number(RetryPolicy::MaxDelayLimit.count()),
                                      text("writeRetryMaxDelay")));
        else
            options.writeRetry.maxDelay = std::chrono::milliseconds(qint64(seconds * 1000));
        options.writeRetry.initialDelay =
                std::min(options.writeRetry.initialDelay, options.writeRetry.maxDelay);
    }
    if (!problem)
        problem = options.validate();
    setError(error, problem);
    return options;
}

} // namespace Influx
