// SPDX-License-Identifier: MIT
#ifndef INFLUX_POINTBATCH_P_H
#define INFLUX_POINTBATCH_P_H

// Private storage of PointBatch, shared by pointbatch.cpp and the bulk encoder
// (lineprotocolbatch.cpp). Not part of the public API.

#include "pointbatch.h"

#include <QtCore/QHash>
#include <QtCore/QSharedData>

namespace Influx {

struct PointBatchTagColumn
{
    QString key;
    QList<quint32> ids; // per row; 0 = absent, else values[id - 1]
    QList<QString> values; // distinct values in order of first use
    QHash<QString, quint32> index; // value → id
};

struct PointBatchText
{
    qsizetype offset; // into PointBatchFieldColumn::text
    qsizetype size;
};

struct PointBatchFieldColumn
{
    QString key;
    FieldValue::Type type = FieldValue::Type::Float;
    QList<quint8> present; // per row: 1 when the field is set
    // Per row, the one list of the column's type; the others stay empty.
    QList<double> floats;
    QList<qint64> integers;
    QList<quint8> booleans;
    QList<PointBatchText> strings;
    QString text; // the characters of every string set, one after the other
};

enum class PointBatchTime : quint8 { None, Timestamp, Raw };

struct PointBatchData : QSharedData
{
    QString measurement;
    qsizetype rows = 0;
    QList<PointBatchTagColumn> tags; // in order of declaration
    QList<PointBatchFieldColumn> fields; // in order of declaration
    QList<qint64> times; // per row: nanoseconds, or the raw value
    QList<PointBatchTime> timeKinds; // per row

    static const PointBatchData &get(const PointBatch &batch) { return *batch.d; }
};

} // namespace Influx

#endif // INFLUX_POINTBATCH_P_H
