// SPDX-License-Identifier: MIT
#include "error.h"

namespace Influx {

Error &Error::setUrl(const QUrl &url)
{
    // An error travels into logs and message boxes: never let credentials or query text ride
    // along with it.
    m_url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return *this;
}

QString Error::toString() const
{
    if (m_detail.isEmpty() || m_detail == m_message)
        return m_message;
    return m_message + u" (" + m_detail + u')';
}

} // namespace Influx
