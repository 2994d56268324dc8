// SPDX-License-Identifier: MIT
#ifndef INFLUX_ERROR_H
#define INFLUX_ERROR_H

#include "influxglobal.h"

#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QUrl>

namespace Influx {

// The one error type of the library. A default-constructed Error means "no error".
// message() is the reference client's exact text (see DECISIONS.md); detail() adds what the
// reference did not say (the underlying network error, the timeout, a Location header ...).
class Error
{
    Q_GADGET
public:
    enum class Kind {
        NoError,
        InvalidArgument, // bad option, bad point, bad query text: nothing was sent
        NoServersReachable, // every base URL refused or could not be resolved
        ConnectionError, // "unexpected error when connecting to <url>" (TLS, protocol, ...)
        Timeout, // no response, or the response stalled, for longer than the timeout
        ServerError, // HTTP status >= 400; message is the server's "error" text or body
        UnexpectedStatus, // a status that is neither success nor error (1xx, 3xx, 201 ...)
        StatementError, // a statement failed inside a 200 response; see statementIndex()
        ProtocolError, // the response could not be understood (malformed JSON, missing header)
        Aborted, // abort() was called
    };
    Q_ENUM(Kind)

    Error() = default;
    Error(Kind kind, const QString &message) : m_kind(kind), m_message(message) { }

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::NoError; }
    explicit operator bool() const { return isError(); }

    QString message() const { return m_message; }
    QString detail() const { return m_detail; }
    // 0 when no HTTP response was received.
    int httpStatus() const { return m_httpStatus; }
    // The URL the failing request went to, without credentials or query parameters.
    QUrl url() const { return m_url; }
    // Index of the failing statement for StatementError, otherwise -1.
    int statementIndex() const { return m_statementIndex; }

    Error &setDetail(const QString &detail)
    {
        m_detail = detail;
        return *this;
    }
    Error &setHttpStatus(int status)
    {
        m_httpStatus = status;
        return *this;
    }
    Error &setUrl(const QUrl &url);
    Error &setStatementIndex(int index)
    {
        m_statementIndex = index;
        return *this;
    }
    // True when the server may have carried the request out all the same: it was sent whole,
    // and then no answer came (a timeout, a connection closed before the response). A write
    // that failed so may be stored; one refused before sending is known not to be.
    bool isOutcomeUnknown() const { return m_outcomeUnknown; }
    // The server's Retry-After (429, 503), in seconds; 0 when it sent none.
    int retryAfter() const { return m_retryAfter; }
    Error &setRetryAfter(int seconds)
    {
        m_retryAfter = seconds;
        return *this;
    }
    Error &setOutcomeUnknown(bool unknown)
    {
        m_outcomeUnknown = unknown;
        return *this;
    }

    // "message (detail)" — what a user should read.
    QString toString() const;

    friend bool operator==(const Error &, const Error &) = default;

private:
    Kind m_kind = Kind::NoError;
    QString m_message;
    QString m_detail;
    int m_httpStatus = 0;
    QUrl m_url;
    int m_statementIndex = -1;
    bool m_outcomeUnknown = false;
    int m_retryAfter = 0;
};

} // namespace Influx

Q_DECLARE_METATYPE(Influx::Error)

#endif // INFLUX_ERROR_H
