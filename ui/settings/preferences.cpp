// SPDX-License-Identifier: MIT
#include "preferences.h"

#include <QtCore/QDateTime>
#include <QtCore/QSettings>
#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

QString offsetText(int seconds)
{
    return QString::asprintf("%c%02d:%02d", seconds < 0 ? '-' : '+', std::abs(seconds) / 3600,
                             std::abs(seconds) % 3600 / 60);
}

} // namespace

QString Preferences::formatTime(Influx::Timestamp time, TimeZone zone, TimeFormat format)
{
    const qint64 ns = time.nanoseconds();
    // Floor division, so times before 1970 keep a positive fraction; written so the most
    // negative timestamp does not overflow.
    const qint64 remainder = ns % 1000000000;
    const qint64 fraction = remainder < 0 ? remainder + 1000000000 : remainder;
    const qint64 seconds = ns / 1000000000 - (remainder < 0 ? 1 : 0);
    switch (format) {
    case TimeFormat::EpochNanoseconds:
        return QString::number(ns);
    case TimeFormat::EpochMilliseconds: {
        // Sign and magnitude, so -1 ns is "-0.000001" (a floor split would read -1.999999);
        // unsigned, so the most negative timestamp has a magnitude too.
        const quint64 magnitude = ns < 0 ? 0 - quint64(ns) : quint64(ns);
        const quint64 subMs = magnitude % 1000000;
        QString text = QString::number(magnitude / 1000000);
        if (ns < 0)
            text.prepend(u'-');
        if (subMs) {
            QString digits = QString::number(subMs).rightJustified(6, u'0');
            while (digits.endsWith(u'0'))
                digits.chop(1);
            text += u'.' + digits;
        }
        return text;
    }
    case TimeFormat::Rfc3339:
        if (zone == TimeZone::Utc)
            return time.toRfc3339();
        break;
    case TimeFormat::DateTime:
        break;
    }
    // QDateTime has milliseconds only: the wall-clock part comes from it, the fraction with
    // all its digits from the timestamp itself.
    const QDateTime dateTime = zone == TimeZone::Utc
            ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
            : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::systemTimeZone());
    if (format == TimeFormat::Rfc3339) {
        QString text = dateTime.toString(u"yyyy-MM-ddTHH:mm:ss"_s);
        if (fraction) {
            QString digits = QString::number(fraction).rightJustified(9, u'0');
            while (digits.endsWith(u'0'))
                digits.chop(1);
            text += u'.' + digits;
        }
        return text + offsetText(dateTime.offsetFromUtc());
    }
    QString text = dateTime.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u'.'
            + QString::number(fraction).rightJustified(9, u'0');
    if (zone == TimeZone::Local)
        text += u' ' + offsetText(dateTime.offsetFromUtc());
    return text;
}

Preferences Preferences::load(QSettings &settings)
{
    Preferences p;
    settings.beginGroup(u"preferences"_s);
    const QString zone = settings.value(u"timeZone"_s).toString();
    if (zone == "local"_L1)
        p.timeZone = TimeZone::Local;
    const QString format = settings.value(u"timeFormat"_s).toString();
    if (format == "datetime"_L1)
        p.timeFormat = TimeFormat::DateTime;
    else if (format == "epoch-ns"_L1)
        p.timeFormat = TimeFormat::EpochNanoseconds;
    else if (format == "epoch-ms"_L1)
        p.timeFormat = TimeFormat::EpochMilliseconds;
    bool ok = false;
    const qint64 limit = settings.value(u"rowLimit"_s).toLongLong(&ok);
    if (ok && limit >= 0)
        p.rowLimit = limit;
    settings.endGroup();
    return p;
}

void Preferences::save(QSettings &settings) const
{
    settings.beginGroup(u"preferences"_s);
    settings.setValue(u"timeZone"_s, timeZone == TimeZone::Local ? u"local"_s : u"utc"_s);
    const char *format = "rfc3339";
    switch (timeFormat) {
    case TimeFormat::Rfc3339:
        break;
    case TimeFormat::DateTime:
        format = "datetime";
        break;
    case TimeFormat::EpochNanoseconds:
        format = "epoch-ns";
        break;
    case TimeFormat::EpochMilliseconds:
        format = "epoch-ms";
        break;
    }
    settings.setValue(u"timeFormat"_s, QString::fromLatin1(format));
    settings.setValue(u"rowLimit"_s, rowLimit);
    settings.endGroup();
}

} // namespace Explorer
