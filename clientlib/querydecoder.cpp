// SPDX-License-Identifier: MIT
#include "querydecoder.h"

namespace Influx {

void QueryDecoder::feed(const QByteArray &bytes)
{
    if (m_failed)
        return;
    DecodedBatch batch;
    if (!m_decoder.feed(bytes)) {
        m_failed = true;
        batch.errorString = m_decoder.errorString();
    }
    batch.documents = m_decoder.takeDocuments();
    if (!batch.documents.isEmpty() || m_failed)
        Q_EMIT decoded(batch);
}

void QueryDecoder::finish()
{
    if (m_failed)
        return;
    DecodedBatch batch;
    if (!m_decoder.finish()) {
        m_failed = true;
        batch.errorString = m_decoder.errorString();
    }
    batch.documents = m_decoder.takeDocuments();
    batch.atEnd = true;
    Q_EMIT decoded(batch);
}

} // namespace Influx
