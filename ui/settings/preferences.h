// SPDX-License-Identifier: MIT
#ifndef EXPLORER_PREFERENCES_H
#define EXPLORER_PREFERENCES_H

#include <timestamp.h>

#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Explorer {

// The application preferences every panel follows. The main window hands a copy to each panel
// (setPreferences()) whenever the user changes them; nothing here is secret.
struct Preferences
{
    enum class TimeZone { Utc, Local };
    enum class TimeFormat {
        Rfc3339, // 2016-12-03T19:26:51.053212Z (UTC) or 2016-12-03T20:26:51.053212+01:00
        DateTime, // 2016-12-03 19:26:51.053212000, all nine digits, offset shown in Local
        EpochNanoseconds, // 1480793211053212000 (zone does not apply)
        EpochMilliseconds, // 1480793211053.212 (fraction kept, zone does not apply)
    };

    TimeZone timeZone = TimeZone::Utc;
    TimeFormat timeFormat = TimeFormat::Rfc3339;
    // A query that streams more rows than this pauses and asks before fetching the rest.
    // 0 = never ask.
    qint64 rowLimit = 1'000'000;

    // Every digit of the timestamp is kept in every format.
    static QString formatTime(Influx::Timestamp time, TimeZone zone, TimeFormat format);
    QString formatTime(Influx::Timestamp time) const
    {
        return formatTime(time, timeZone, timeFormat);
    }

    // Group "preferences" of the given settings; missing or invalid values give the defaults.
    static Preferences load(QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

} // namespace Explorer

#endif // EXPLORER_PREFERENCES_H
