// SPDX-License-Identifier: MIT
#include "influxglobal.h"

using namespace Qt::StringLiterals;

namespace Influx {

Q_LOGGING_CATEGORY(lcClient, "influx.client")

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Nanoseconds:
        return u"n"_s;
    case Precision::Microseconds:
        return u"u"_s;
    case Precision::Milliseconds:
        return u"ms"_s;
    case Precision::Seconds:
        return u"s"_s;
    case Precision::Minutes:
        return u"m"_s;
    case Precision::Hours:
        return u"h"_s;
    }
    Q_UNREACHABLE();
    return u"n"_s;
}

std::optional<Precision> precisionFromName(QStringView name)
{
    if (name == u"n")
        return Precision::Nanoseconds;
    if (name == u"u")
        return Precision::Microseconds;
    if (name == u"ms")
        return Precision::Milliseconds;
    if (name == u"s")
        return Precision::Seconds;
    if (name == u"m")
        return Precision::Minutes;
    if (name == u"h")
        return Precision::Hours;
    return std::nullopt;
}

QString consistencyName(Consistency consistency)
{
    switch (consistency) {
    case Consistency::Any:
        return u"any"_s;
    case Consistency::One:
        return u"one"_s;
    case Consistency::Quorum:
        return u"quorum"_s;
    case Consistency::All:
        return u"all"_s;
    }
    Q_UNREACHABLE();
    return u"one"_s;
}

std::optional<Consistency> consistencyFromName(QStringView name)
{
    if (name == u"any")
        return Consistency::Any;
    if (name == u"one")
        return Consistency::One;
    if (name == u"quorum")
        return Consistency::Quorum;
    if (name == u"all")
        return Consistency::All;
    return std::nullopt;
}

QString compressionName(Compression compression)
{
    switch (compression) {
    case Compression::Auto:
        return u"auto"_s;
    case Compression::Gzip:
        return u"gzip"_s;
    case Compression::None:
        return u"none"_s;
    }
    return {};
}

std::optional<Compression> compressionFromName(QStringView name)
{
    for (const Compression c : {Compression::Auto, Compression::Gzip, Compression::None}) {
        if (name.compare(compressionName(c), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

qint64 nanosecondsPerUnit(Precision precision)
{
    switch (precision) {
    case Precision::Nanoseconds:
        return 1;
    case Precision::Microseconds:
        return 1'000;
    case Precision::Milliseconds:
        return 1'000'000;
    case Precision::Seconds:
        return 1'000'000'000;
    case Precision::Minutes:
        return 60'000'000'000;
    case Precision::Hours:
        return 3'600'000'000'000;
    }
    Q_UNREACHABLE();
    return 1;
}

} // namespace Influx
