// SPDX-License-Identifier: MIT
#ifndef INFLUX_DATAPOINT_H
#define INFLUX_DATAPOINT_H

#include "error.h"
#include "timestamp.h"

#include <QtCore/QMap>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <variant>

namespace Influx {

// A field value: float, integer, boolean, string, or a decimal number kept exactly as written.
class FieldValue
{
public:
    enum class Type { Float, Integer, Boolean, String, Decimal };

    FieldValue() : m_value(0.0) { }
    FieldValue(double value) : m_value(value) { }
    FieldValue(int value) : m_value(qint64(value)) { }
    FieldValue(qint64 value) : m_value(value) { }
    FieldValue(bool value) : m_value(value) { }
    FieldValue(const QString &value) : m_value(value) { }
    FieldValue(const char *utf8) : m_value(QString::fromUtf8(utf8)) { }
    // A decimal number written exactly as given ("4301.2142", "1E+2"); the text must be a
    // valid number, which DataPoint's validation checks.
    static FieldValue decimal(const QString &text);

    // The alternatives of m_value are in the order of Type.
    Type type() const { return Type(m_value.index()); }
    double toDouble() const; // Float, Integer, Decimal
    qint64 toInteger() const; // Integer
    bool toBool() const; // Boolean
    QString toString() const; // String and Decimal: the text
    // String and Decimal: the text without a copy, valid while this value lives; else empty.
    QStringView stringView() const;
    QVariant toVariant() const;

    friend bool operator==(const FieldValue &, const FieldValue &) = default;

private:
    struct DecimalText
    {
        QString text;
        friend bool operator==(const DecimalText &, const DecimalText &) = default;
    };
    std::variant<double, qint64, bool, QString, DecimalText> m_value;
};

// When a point happened: nothing (the server's time), an exact Timestamp (converted to the
// write precision with integer arithmetic), or an integer already in the write precision,
// written verbatim.
class PointTime
{
public:
    PointTime() = default;
    PointTime(Timestamp timestamp) : m_time(timestamp) { }
    // Invalid QDateTimes mean "no time".
    PointTime(const QDateTime &dateTime);
    static PointTime raw(qint64 valueInWritePrecision);

    bool isNull() const { return std::holds_alternative<std::monostate>(m_time); }
    bool isRaw() const { return std::holds_alternative<qint64>(m_time); }
    // A valid QDateTime outside the nanosecond range (1677-2262). It is kept rather than
    // dropped so that validation can reject the point instead of writing it without a time.
    bool isOutOfRange() const { return std::holds_alternative<OutOfRange>(m_time); }
    std::optional<Timestamp> timestamp() const;
    // The integer written for this time with the given write precision (nullopt when null).
    std::optional<qint64> valueIn(Precision precision) const;

    friend bool operator==(const PointTime &, const PointTime &) = default;

private:
    struct OutOfRange
    {
        qint64 msecsSinceEpoch;
        friend bool operator==(const OutOfRange &, const OutOfRange &) = default;
    };
    std::variant<std::monostate, Timestamp, qint64, OutOfRange> m_time;
};

using Tags = QMap<QString, QString>;
using Fields = QMap<QString, FieldValue>;

// One point to write. Tags and fields are kept sorted by key, which is also the order they
// are written in (InfluxDB recommends sorted tags).
class DataPoint
{
public:
    DataPoint() = default;
    DataPoint(const QString &measurement, const Tags &tags, const Fields &fields,
              const PointTime &time = {})
        : m_measurement(measurement), m_tags(tags), m_fields(fields), m_time(time)
    { }

    QString measurement() const { return m_measurement; }
    void setMeasurement(const QString &measurement) { m_measurement = measurement; }
    Tags tags() const { return m_tags; }
    void setTags(const Tags &tags) { m_tags = tags; }
    void setTag(const QString &key, const QString &value) { m_tags.insert(key, value); }
    Fields fields() const { return m_fields; }
    void setFields(const Fields &fields) { m_fields = fields; }
    void setField(const QString &key, const FieldValue &value) { m_fields.insert(key, value); }
    PointTime time() const { return m_time; }
    void setTime(const PointTime &time) { m_time = time; }

    // Why this point cannot be written (InvalidArgument), or no error: no fields
    // ("at least one field is required"), an empty measurement or key, a newline anywhere,
    // NaN or infinity, a malformed decimal, a measurement starting with '#', an empty tag
    // value, a name InfluxDB would store differently (see lineprotocol.cpp), a tag or field
    // key "time", a time outside InfluxDB's range (raw times checked as nanoseconds here).
    Error validate() const;
    // One line of line protocol, escaped per the v1 reference, without a trailing newline.
    // Empty (and *error set) when validate() fails.
    QByteArray toLineProtocol(Precision precision = Precision::Nanoseconds,
                              Error *error = nullptr) const;

    friend bool operator==(const DataPoint &, const DataPoint &) = default;

private:
    QString m_measurement;
    Tags m_tags;
    Fields m_fields;
    PointTime m_time;
};

} // namespace Influx

Q_DECLARE_METATYPE(Influx::FieldValue)
Q_DECLARE_METATYPE(Influx::PointTime)
Q_DECLARE_METATYPE(Influx::DataPoint)

#endif // INFLUX_DATAPOINT_H
