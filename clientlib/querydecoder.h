// SPDX-License-Identifier: MIT
#ifndef INFLUX_QUERYDECODER_H
#define INFLUX_QUERYDECODER_H

#include "responsedecoder.h"

#include <QtCore/QObject>

namespace Influx {

// What the decoder thread hands back to a QueryReply after each piece of the body.
struct DecodedBatch
{
    QList<DecodedDocument> documents;
    QString errorString; // set when the body is malformed; decoding stopped
    bool atEnd = false; // the whole body was decoded
    qint64 bytesConsumed = 0; // body bytes fed for this batch (the reply's backlog count)
};

// Runs a ResponseDecoder in the client's decoder thread, so that a large result never
// decodes on the GUI thread. Internal: created by QueryReply, moved to the decoder thread,
// fed with queued calls, reports through the decoded() signal (queued back to the reply).
class QueryDecoder : public QObject
{
    Q_OBJECT
public:
    QueryDecoder() = default;

    void feed(const QByteArray &bytes);
    void finish();

Q_SIGNALS:
    void decoded(const Influx::DecodedBatch &batch);

private:
    ResponseDecoder m_decoder;
    bool m_failed = false;
};

} // namespace Influx

Q_DECLARE_METATYPE(Influx::DecodedBatch)

#endif // INFLUX_QUERYDECODER_H
