// SPDX-License-Identifier: MIT
#include "querydecoder.h"

namespace Influx {

void QueryDecoder::feed(const QByteArray &bytes)
{
    if (m_failed)
        return;
    DecodedBatch batch;
    batch.bytesConsumed = bytes.size();
    if (!m_decoder.feed(bytes)) {
        m_failed = true;
        batch.errorString = m_decoder.errorString();
    }
    batch.documents = m_decoder.takeDocuments();
    // Also without a complete document: the reply counts what is still waiting to decode.
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
