// SPDX-License-Identifier: MIT
#ifndef INFLUX_CLIENTOPTIONS_H
#define INFLUX_CLIENTOPTIONS_H

#include "error.h"

#include <QtCore/QList>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>

#include <chrono>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QSslCertificate;
QT_END_NAMESPACE

namespace Influx {

using namespace std::chrono_literals;

// Whether and how a write that failed for a reason that may pass is sent again. Opt-in: the
// reference client never retries, and neither does a default RetryPolicy.
//
// Retried: every base URL refused or unreachable, no response within the timeout, HTTP 429 and
// 5xx (but 501 and 505). Never retried: data the server rejected (400, partial writes),
// authentication, a missing database, TLS and other connection errors, abort().
// Each retry tries the base URLs again in the client's failover order, in which the server that
// timed out or answered 5xx has gone to the back, after a delay that grows
// from initialDelay by multiplier up to maxDelay, randomised by +-jitter so that many writers do
// not retry in step; a longer Retry-After from the server (in seconds) is waited for, up to
// maxDelay.
//
// Retrying is safe for points with a timestamp: the server overwrites a point with the same
// series and time. A line without a timestamp gets the server's clock at each attempt, so an
// attempt whose outcome is unknown (a timeout, a connection lost after sending) may store it twice.
struct RetryPolicy
{
    static constexpr int MaxRetries = 100;
    static constexpr std::chrono::seconds MaxDelayLimit = std::chrono::hours(1);

    int maxRetries = 0; // attempts after the first; 0 = never retry
    std::chrono::milliseconds initialDelay = std::chrono::milliseconds(500);
    std::chrono::milliseconds maxDelay = std::chrono::seconds(30);
    double multiplier = 2.0; // at least 1
    double jitter = 0.2; // 0 to 1
    // Writes that wait for a retry keep their bodies in memory. Past this many bytes in all
    // (across the client), a failed write is not queued for a retry but fails at once, saying so.
    qint64 maxQueuedBytes = 64 * 1024 * 1024;

    bool isEnabled() const { return maxRetries > 0; }
    // The delay before retry n (1 = the first retry), without jitter.
    std::chrono::milliseconds delayBefore(int retry) const;
    // Whether a write that failed with error may succeed when sent again.
    static bool isRetryable(const Error &error);
    Error validate() const;

    friend bool operator==(const RetryPolicy &, const RetryPolicy &) = default;
};

// How a Client is configured once: every option of the reference client plus a token.
// Credentials never go into a URL: username/password are sent as HTTP Basic authentication and
// a token as "Authorization: Token <token>" (InfluxDB 2.x/3.x v1 API); the token wins when both
// are set.
struct ClientOptions
{
    // Tried in order; the last one that answered goes first next time (ordered failover).
    QList<QUrl> baseUrls {QUrl(QStringLiteral("http://localhost:8086"))};
    QString database;
    QString username;
    QString password;
    QString token;
    QString retentionPolicy; // sent as "rp" on writes and queries when not empty
    std::optional<Consistency> consistency; // writes
    std::optional<Precision> precision; // writes; absent = nanoseconds
    std::optional<Precision> epoch; // queries; absent = RFC 3339 time strings
    bool chunked = true; // queries stream as newline-separated JSON documents
    int chunkSize = 0; // rows per chunk; 0 = the server's default (10000)
    // Covers the wait for a response and any stall while it streams; a long result that keeps
    // arriving is not cut off. 0 disables it.
    std::chrono::milliseconds timeout = 60s;
    Compression compression = Compression::Auto; // see Compression
    bool verifyTls = true; // https: verify the server certificate (false = accept any)
    QString caFile; // https: extra CA certificates (PEM) trusted besides the system's
    // Used when set (not owned, must outlive the Client); otherwise the Client owns one.
    QNetworkAccessManager *networkAccessManager = nullptr;
    // Writes only (queries are never retried: the user runs them again); off by default.
    RetryPolicy writeRetry;

    // Normalises base URLs (trailing '/' removed) and checks them (http or https, with a host),
    // and that caFile, when set, holds at least one PEM certificate. Returns the first problem
    // found, or no error.
    Error validate() const;

    // Reads options from text, as settings files and command lines hold them. Keys: baseUrls
    // (string or list), database, username, password, token, retentionPolicy, consistency,
    // precision, epoch, chunked (bool), chunkSize, timeout (seconds), compression ("auto",
    // "gzip", "none"), verifyTls (bool), caFile, writeRetries (writeRetry.maxRetries),
    // writeRetryMaxDelay (seconds).
    // Invalid values give an InvalidArgument Error with the reference client's messages, e.g.
    // `precision must be one of "n", "u", "ms", "s", "m", "h" or None`.
    static ClientOptions fromVariantMap(const QVariantMap &map, Error *error);

    // The PEM certificates in a file (empty when it cannot be read or holds none).
    static QList<QSslCertificate> loadCaCertificates(const QString &path);
};

// The reference client's validation messages, shared by every place that parses options.
std::optional<Consistency> parseConsistencyOption(const QString &text, Error *error);
std::optional<Precision> parsePrecisionOption(const QString &text, Error *error);
std::optional<Precision> parseEpochOption(const QString &text, Error *error);

// Per-call overrides for queries. An unset member keeps the client's default; an override
// never removes a default.
struct QueryOptions
{
    std::optional<QString> database;
    std::optional<QString> username;
    std::optional<QString> password;
    std::optional<QString> token;
    std::optional<QString> retentionPolicy;
    std::optional<Precision> epoch;
    std::optional<bool> chunked;
    std::optional<int> chunkSize; // a size implies chunked
    // "GET" or "POST"; unset = GET only when every statement is read-only.
    std::optional<QByteArray> httpVerb;
};

// Per-call overrides for writes.
struct WriteOptions
{
    std::optional<QString> database;
    std::optional<QString> username;
    std::optional<QString> password;
    std::optional<QString> token;
    std::optional<QString> retentionPolicy;
    std::optional<Consistency> consistency;
    std::optional<Precision> precision;
    std::optional<RetryPolicy> retry;
};

} // namespace Influx

#endif // INFLUX_CLIENTOPTIONS_H
