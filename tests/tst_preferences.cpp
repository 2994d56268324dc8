// SPDX-License-Identifier: MIT
// Preferences: settings round trip and defaults, every time format in both zones (times
// before 1970 and all nine fraction digits included), and the PreferencesDialog.
#include "settings/preferences.h"
#include "settings/preferencesdialog.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>

using namespace Qt::StringLiterals;
using Explorer::Preferences;
using Influx::Timestamp;
using Format = Preferences::TimeFormat;
using Zone = Preferences::TimeZone;

Q_DECLARE_METATYPE(Preferences::TimeFormat)

class tst_Preferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void defaultsWhenNothingIsSaved();
    void saveAndLoadRoundTrip();
    void invalidValuesGiveDefaults();
    void formatUtc_data();
    void formatUtc();
    void formatLocal_data();
    void formatLocal();
    void epochFormatsIgnoreTheZone();
    void dialogEditsPreferences();
    void dialogShowsTheCurrentTimeInTheChosenFormat();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString settingsPath() const { return m_dir->filePath(u"settings.ini"_s); }
};

void tst_Preferences::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Preferences::defaultsWhenNothingIsSaved()
{
    QSettings settings(settingsPath(), QSettings::IniFormat);
    const Preferences p = Preferences::load(settings);
    QCOMPARE(p.timeZone, Zone::Utc);
    QCOMPARE(p.timeFormat, Format::Rfc3339);
    QCOMPARE(p.rowLimit, 1'000'000);
}

void tst_Preferences::saveAndLoadRoundTrip()
{
    const QList<Preferences> cases {
            {Zone::Local, Format::DateTime, 0},
            {Zone::Utc, Format::EpochNanoseconds, 5'000'000'000},
            {Zone::Local, Format::EpochMilliseconds, 1},
            {Zone::Utc, Format::Rfc3339, 250},
    };
    for (const Preferences &p : cases) {
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            p.save(settings);
        }
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QCOMPARE(Preferences::load(settings), p);
    }
}

void tst_Preferences::invalidValuesGiveDefaults()
{
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        settings.setValue(u"preferences/timeZone"_s, u"mars"_s);
        settings.setValue(u"preferences/timeFormat"_s, u"sundial"_s);
        settings.setValue(u"preferences/rowLimit"_s, u"-5"_s);
    }
    QSettings settings(settingsPath(), QSettings::IniFormat);
    QCOMPARE(Preferences::load(settings), Preferences());
}

void tst_Preferences::formatUtc_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("expected");
    const qint64 t = 1480793211053212000; // 2016-12-03T19:26:51.053212Z
    QTest::newRow("rfc3339") << t << Format::Rfc3339 << u"2016-12-03T19:26:51.053212Z"_s;
    QTest::newRow("datetime") << t << Format::DateTime << u"2016-12-03 19:26:51.053212000"_s;
    QTest::newRow("epoch-ns") << t << Format::EpochNanoseconds << u"1480793211053212000"_s;
    QTest::newRow("epoch-ms") << t << Format::EpochMilliseconds << u"1480793211053.212"_s;
    const qint64 nine = 1480793211123456789; // every fraction digit in use
    QTest::newRow("rfc3339 9 digits")
            << nine << Format::Rfc3339 << u"2016-12-03T19:26:51.123456789Z"_s;
    QTest::newRow("datetime 9 digits")
            << nine << Format::DateTime << u"2016-12-03 19:26:51.123456789"_s;
    QTest::newRow("epoch-ms 9 digits")
            << nine << Format::EpochMilliseconds << u"1480793211123.456789"_s;
    QTest::newRow("rfc3339 whole second")
            << qint64(1480793211000000000) << Format::Rfc3339 << u"2016-12-03T19:26:51Z"_s;
    QTest::newRow("epoch-ms whole ms")
            << qint64(1480793211053000000) << Format::EpochMilliseconds << u"1480793211053"_s;
    // Before 1970: the fraction still counts forward from the second before.
    QTest::newRow("rfc3339 -1ns") << qint64(-1) << Format::Rfc3339
                                  << u"1969-12-31T23:59:59.999999999Z"_s;
    QTest::newRow("datetime -1ns")
            << qint64(-1) << Format::DateTime << u"1969-12-31 23:59:59.999999999"_s;
    QTest::newRow("epoch-ns -1ns") << qint64(-1) << Format::EpochNanoseconds << u"-1"_s;
    QTest::newRow("epoch-ms -1ns") << qint64(-1) << Format::EpochMilliseconds << u"-0.000001"_s;
    QTest::newRow("epoch-ms -1.5ms")
            << qint64(-1'500'000) << Format::EpochMilliseconds << u"-1.5"_s;
    QTest::newRow("epoch-ms -2ms") << qint64(-2'000'000) << Format::EpochMilliseconds << u"-2"_s;
    QTest::newRow("epoch-ms minimum") << std::numeric_limits<qint64>::min()
                                      << Format::EpochMilliseconds << u"-9223372036854.775808"_s;
    QTest::newRow("epoch-ms maximum") << std::numeric_limits<qint64>::max()
                                      << Format::EpochMilliseconds << u"9223372036854.775807"_s;
    const qint64 moon = -14182940000000000; // 1969-07-20T20:17:40Z
    QTest::newRow("rfc3339 1969") << moon << Format::Rfc3339 << u"1969-07-20T20:17:40Z"_s;
    QTest::newRow("datetime 1969")
            << moon + 5 << Format::DateTime << u"1969-07-20 20:17:40.000000005"_s;
    QTest::newRow("zero") << qint64(0) << Format::DateTime << u"1970-01-01 00:00:00.000000000"_s;
}

void tst_Preferences::formatUtc()
{
    QFETCH(qint64, ns);
    QFETCH(Format, format);
    QFETCH(QString, expected);
    QCOMPARE(Preferences::formatTime(Timestamp::fromNanoseconds(ns), Zone::Utc, format), expected);
    const Preferences p {Zone::Utc, format, 0};
    QCOMPARE(p.formatTime(Timestamp::fromNanoseconds(ns)), expected);
}

void tst_Preferences::formatLocal_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("fraction"); // as RFC 3339 shows it
    QTest::newRow("2016") << qint64(1480793211053212000) << u".053212"_s;
    QTest::newRow("nine digits") << qint64(1480793211123456789) << u".123456789"_s;
    QTest::newRow("whole second") << qint64(1480793211000000000) << QString();
    QTest::newRow("-1ns") << qint64(-1) << u".999999999"_s;
    QTest::newRow("1969") << qint64(-14182940000000007) << u".999999993"_s;
}

// The local zone depends on the machine: check the shape, the fraction and that the text
// names the same instant.
void tst_Preferences::formatLocal()
{
    QFETCH(qint64, ns);
    QFETCH(QString, fraction);
    const Timestamp t = Timestamp::fromNanoseconds(ns);
    const qint64 floorSeconds = (ns - (((ns % 1000000000) + 1000000000) % 1000000000)) / 1000000000;

    const QString rfc = Preferences::formatTime(t, Zone::Local, Format::Rfc3339);
    static const QRegularExpression rfcShape(
            u"^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(\\.\\d{1,9})?([+-]\\d\\d:\\d\\d)$"_s);
    const auto rfcMatch = rfcShape.match(rfc);
    QVERIFY2(rfcMatch.hasMatch(), qPrintable(rfc));
    QCOMPARE(rfcMatch.captured(2), fraction);
    const QDateTime parsed =
            QDateTime::fromString(rfcMatch.captured(1) + rfcMatch.captured(3), Qt::ISODate);
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.toSecsSinceEpoch(), floorSeconds);
    // Exact RFC 3339 that the client parses back to the same nanosecond.
    QCOMPARE(Timestamp::fromRfc3339(rfc), std::optional<Timestamp>(t));

    const QString dateTime = Preferences::formatTime(t, Zone::Local, Format::DateTime);
    static const QRegularExpression dtShape(
            u"^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d)\\.(\\d{9}) ([+-]\\d\\d:\\d\\d)$"_s);
    const auto dtMatch = dtShape.match(dateTime);
    QVERIFY2(dtMatch.hasMatch(), qPrintable(dateTime));
    QCOMPARE(u'.' + dtMatch.captured(3),
             (fraction.isEmpty() ? u".0"_s : fraction).leftJustified(10, u'0'));
    const QDateTime parsedDt = QDateTime::fromString(
            dtMatch.captured(1) + u'T' + dtMatch.captured(2) + dtMatch.captured(4), Qt::ISODate);
    QCOMPARE(parsedDt.toSecsSinceEpoch(), floorSeconds);
}

void tst_Preferences::epochFormatsIgnoreTheZone()
{
    const Timestamp t = Timestamp::fromNanoseconds(1480793211053212000);
    for (Format format : {Format::EpochNanoseconds, Format::EpochMilliseconds})
        QCOMPARE(Preferences::formatTime(t, Zone::Local, format),
                 Preferences::formatTime(t, Zone::Utc, format));
}

void tst_Preferences::dialogEditsPreferences()
{
    Explorer::PreferencesDialog dialog;
    QCOMPARE(dialog.preferences(), Preferences());
    const Preferences chosen {Zone::Local, Format::EpochMilliseconds, 42};
    dialog.setPreferences(chosen);
    QCOMPARE(dialog.preferences(), chosen);
    auto *utc = dialog.findChild<QRadioButton *>(u"utcRadio"_s);
    auto *local = dialog.findChild<QRadioButton *>(u"localRadio"_s);
    auto *format = dialog.findChild<QComboBox *>(u"timeFormatCombo"_s);
    auto *rowLimit = dialog.findChild<QSpinBox *>(u"rowLimitSpin"_s);
    QVERIFY(utc && local && format && rowLimit);
    QVERIFY(local->isChecked());
    QCOMPARE(rowLimit->value(), 42);

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(utc, Qt::LeftButton);
    format->setCurrentIndex(format->findText(u"Date and time"_s));
    rowLimit->selectAll();
    QTest::keyClicks(rowLimit, u"0"_s);
    QCOMPARE(rowLimit->value(), 0);
    QCOMPARE(dialog.preferences(), (Preferences {Zone::Utc, Format::DateTime, 0}));

    // Larger than the spin box holds: kept as large as it can.
    dialog.setPreferences({Zone::Utc, Format::Rfc3339, 10'000'000'000});
    QCOMPARE(dialog.preferences().rowLimit, std::numeric_limits<int>::max());
}

void tst_Preferences::dialogShowsTheCurrentTimeInTheChosenFormat()
{
    Explorer::PreferencesDialog dialog;
    auto *example = dialog.findChild<QLabel *>(u"timeExample"_s);
    auto *format = dialog.findChild<QComboBox *>(u"timeFormatCombo"_s);
    auto *local = dialog.findChild<QRadioButton *>(u"localRadio"_s);
    QVERIFY(example && format && local);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();

    dialog.setPreferences({Zone::Utc, Format::EpochMilliseconds, 0});
    const qint64 shown = example->text().toLongLong();
    QVERIFY2(shown >= before && shown < before + 5000, qPrintable(example->text()));

    format->setCurrentIndex(format->findData(int(Format::Rfc3339)));
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$"_s)
                     .match(example->text())
                     .hasMatch(),
             qPrintable(example->text()));
    local->setChecked(true);
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+[+-]\\d\\d:\\d\\d$"_s)
                     .match(example->text())
                     .hasMatch(),
             qPrintable(example->text()));
    format->setCurrentIndex(format->findData(int(Format::EpochNanoseconds)));
    QVERIFY2(QRegularExpression(u"^\\d{19}$"_s).match(example->text()).hasMatch(),
             qPrintable(example->text()));

    // Live: the clock moves on by itself.
    format->setCurrentIndex(format->findData(int(Format::DateTime)));
    const QString first = example->text();
    QTRY_VERIFY_WITH_TIMEOUT(example->text() != first, 3000);
}

QTEST_MAIN(tst_Preferences)
#include "tst_preferences.moc"
