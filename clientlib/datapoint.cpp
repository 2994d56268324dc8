// SPDX-License-Identifier: MIT
#include "datapoint.h"

#include "lineprotocol.h"

#include <QtCore/QVariant>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Influx {

FieldValue FieldValue::decimal(const QString &text)
{
    FieldValue value;
    value.m_value = DecimalText {text};
    return value;
}

QStringView FieldValue::stringView() const
{
    if (const auto *s = std::get_if<QString>(&m_value))
        return *s;
    if (const auto *decimal = std::get_if<DecimalText>(&m_value))
        return decimal->text;
    return {};
}

double FieldValue::toDouble() const
{
    if (const auto *d = std::get_if<double>(&m_value))
        return *d;
    if (const auto *i = std::get_if<qint64>(&m_value))
        return double(*i);
    if (const auto *decimal = std::get_if<DecimalText>(&m_value))
        return LineProtocol::decimalToDouble(decimal->text).value_or(qQNaN());
    return 0.0;
}

qint64 FieldValue::toInteger() const
{
    const auto *i = std::get_if<qint64>(&m_value);
    return i ? *i : 0;
}

bool FieldValue::toBool() const
{
    const auto *b = std::get_if<bool>(&m_value);
    return b && *b;
}

QString FieldValue::toString() const
{
    if (const auto *s = std::get_if<QString>(&m_value))
        return *s;
    if (const auto *decimal = std::get_if<DecimalText>(&m_value))
        return decimal->text;
    // Other types as line protocol writes them, without the integer's 'i'.
    if (const auto *i = std::get_if<qint64>(&m_value))
        return QString::number(*i);
    if (const auto *b = std::get_if<bool>(&m_value))
        return *b ? u"true"_s : u"false"_s;
    return QString::fromLatin1(LineProtocol::formatFloat(std::get<double>(m_value)));
}

QVariant FieldValue::toVariant() const
{
    switch (type()) {
    case Type::Float:
        return QVariant(std::get<double>(m_value));
    case Type::Integer:
        return QVariant(std::get<qint64>(m_value));
    case Type::Boolean:
        return QVariant(std::get<bool>(m_value));
    case Type::String:
        return QVariant(std::get<QString>(m_value));
    case Type::Decimal:
        break;
    }
    return QVariant(std::get<DecimalText>(m_value).text);
}

PointTime::PointTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return;
    if (const std::optional<Timestamp> timestamp = Timestamp::fromDateTime(dateTime))
        m_time = *timestamp;
    else
        m_time = OutOfRange {dateTime.toMSecsSinceEpoch()};
}

PointTime PointTime::raw(qint64 valueInWritePrecision)
{
    PointTime time;
    time.m_time = valueInWritePrecision;
    return time;
}

std::optional<Timestamp> PointTime::timestamp() const
{
    if (const auto *t = std::get_if<Timestamp>(&m_time))
        return *t;
    return std::nullopt;
}

std::optional<qint64> PointTime::valueIn(Precision precision) const
{
    if (const auto *t = std::get_if<Timestamp>(&m_time))
        return t->toPrecision(precision);
    if (const auto *raw = std::get_if<qint64>(&m_time))
        return *raw;
    return std::nullopt;
}

Error DataPoint::validate() const
{
    return LineProtocol::validate(*this, Precision::Nanoseconds);
}

QByteArray DataPoint::toLineProtocol(Precision precision, Error *error) const
{
    QByteArray line;
    const Error e = LineProtocol::appendPoint(line, *this, precision);
    if (error)
        *error = e;
    return line;
}

} // namespace Influx
