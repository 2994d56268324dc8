// SPDX-License-Identifier: MIT
// The write panel against the fixture's influxd: the point form's exact line protocol and its
// validation, a point written through the panel and read back, the local line checker (its
// good lines written to the server and read back as parsed), batches with bad lines, server
// rejections, partial writes, a stopped write and cancel; driven through the real widgets.
#include "client.h"
#include "faultserver.h"
#include "testserver.h"
#include "write/batchpage.h"
#include "write/batchwriter.h"
#include "write/lineprotocolchecker.h"
#include "write/lineprotocoleditor.h"
#include "write/pointform.h"
#include "write/writeoptionsbar.h"
#include "write/writepanel.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>

using namespace Influx;
using namespace Qt::StringLiterals;
using Explorer::BatchPage;
using Explorer::BatchWriter;
using Explorer::BatchWriteReport;
using Explorer::LineProtocolChecker;
using Explorer::LineProtocolEditor;
using Explorer::PointForm;
using Explorer::WritePanel;
using Outcome = BatchWriteReport::Outcome;
using FieldType = PointForm::FieldType;

namespace {

constexpr int LongWait = 120000;
constexpr qint64 Nov2023 = 1700000000000000000; // every batch test writes near here: one shard

template<typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

QStringList listTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}

} // namespace

class tst_WritePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pointFormPreview_data();
    void pointFormPreview();
    void pointFormInvalid_data();
    void pointFormInvalid();
    void pointFormTyping();
    void writeSinglePointAndReadBack();
    void writePointNowInSeconds();
    void pointServerErrorIsShown();

    void checker_data();
    void checker();
    void checkerLineNumbers();

    void batchBadLineBlocksWrite();
    void batchWithoutDataLinesKeepsTheText();
    void batchTypeConflictKeepsTheLine();
    void batchPartialWriteSeveralConflicts();
    void batchConflictsInTwoShardsKeepUncertainLines();
    void batchPointsBeyondRetentionPolicy();
    void writerMapsUnparsableLinesToTextLines();
    void batchStopsWhenTheDatabaseIsMissing();
    void batchCancelKeepsUnsentLines();
    void batchRetriesAfterServerErrors();
    void openFileIsUndoable();
    void editorKeepLines_data();
    void editorKeepLines();
    void batchBadCharactersKeepTheText();
    void batchHugeLineKeepsTheWindowResponsive();
    void openFileNamesLinesThatAreNotUtf8();

private:
    void writeOrFail(const QByteArray &lines);
    qint64 count(const QString &measurement, const QString &field = u"v"_s);
    BatchWriteReport writeBatch(BatchPage &page, const QString &text);

    Client *m_client = nullptr;
    QString m_db;
};

void tst_WritePanel::writeOrFail(const QByteArray &lines)
{
    const Error error = TestSupport::writeLines(*m_client, lines, WriteOptions {.database = m_db});
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

qint64 tst_WritePanel::count(const QString &measurement, const QString &field)
{
    Error error;
    const QueryResult result = TestSupport::query(
            *m_client,
            u"SELECT COUNT(%1) FROM %2"_s.arg(Source::quoteIdentifier(field),
                                              Source::quoteIdentifier(measurement)),
            QueryOptions {.database = m_db}, &error);
    if (error || result.series().isEmpty())
        return error ? -1 : 0;
    return result.series().value(0, 1).toLongLong();
}

// Writes text through the page (Write clicked) and waits for the report.
BatchWriteReport tst_WritePanel::writeBatch(BatchPage &page, const QString &text)
{
    auto *editor = child<LineProtocolEditor>(page, u"batchEditor"_s);
    editor->setPlainText(text);
    QSignalSpy finished(&page, &BatchPage::writeFinished);
    auto *write = child<QPushButton>(page, u"writeBatchButton"_s);
    if (!write->isEnabled())
        return {};
    QTest::mouseClick(write, Qt::LeftButton);
    if (!finished.wait(LongWait))
        return {};
    return finished.first().first().value<BatchWriteReport>();
}

void tst_WritePanel::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(),
             "no influxd: run through ctest (fixture \"influxd\") or set INFLUX_TEST_SERVER_FILE");
    m_client = new Client(ClientOptions {.baseUrls = {url}}, this);
    m_db = TestSupport::uniqueName(u"write"_s);
    Error error;
    TestSupport::query(*m_client, u"CREATE DATABASE \"%1\""_s.arg(m_db), {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_WritePanel::cleanupTestCase()
{
    if (m_client)
        TestSupport::query(*m_client, u"DROP DATABASE \"%1\""_s.arg(m_db));
}

// --- PointForm ------------------------------------------------------------------------------

void tst_WritePanel::pointFormPreview_data()
{
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<QStringList>("tags"); // key, value, key, value ...
    QTest::addColumn<QStringList>("fields"); // key, type, value ...
    QTest::addColumn<QVariant>("time"); // qint64 nanoseconds; invalid = now
    QTest::addColumn<QString>("precision");
    QTest::addColumn<QString>("expected");

    const QVariant now;
    const QVariant t(qint64(1700000000123456789));
    QTest::newRow("float") << u"m"_s << QStringList() << QStringList {u"v"_s, u"float"_s, u"1.5"_s}
                           << now << u"n"_s << u"m v=1.5"_s;
    QTest::newRow("float kept as typed")
            << u"m"_s << QStringList() << QStringList {u"v"_s, u"float"_s, u" 1.50e3 "_s} << now
            << u"n"_s << u"m v=1.50e3"_s;
    QTest::newRow("integer") << u"m"_s << QStringList()
                             << QStringList {u"n"_s, u"integer"_s, u"-42"_s} << now << u"n"_s
                             << u"m n=-42i"_s;
    QTest::newRow("booleans") << u"m"_s << QStringList()
                              << QStringList {u"a"_s, u"boolean"_s, u"TRUE"_s,
                                              u"b"_s, u"boolean"_s, u"f"_s}
                              << now << u"n"_s << u"m a=true,b=false"_s;
    QTest::newRow("string escaping")
            << u"m"_s << QStringList()
            << QStringList {u"s"_s, u"string"_s, u"say \"hi\", C:\\ok = yes"_s} << now << u"n"_s
            << u"m s=\"say \\\"hi\\\", C:\\\\ok = yes\""_s;
    QTest::newRow("empty string") << u"m"_s << QStringList()
                                  << QStringList {u"s"_s, u"string"_s, QString()} << now << u"n"_s
                                  << u"m s=\"\""_s;
    QTest::newRow("measurement escaping")
            << u"my cpu,all=1"_s << QStringList() << QStringList {u"v"_s, u"float"_s, u"1"_s} << now
            << u"n"_s << u"my\\ cpu\\,all=1 v=1"_s;
    QTest::newRow("tag escaping") << u"m"_s
                                  << QStringList {u"host name"_s, u"a,b=c d"_s, u"k=1"_s, u"x"_s}
                                  << QStringList {u"v"_s, u"integer"_s, u"1"_s} << now << u"n"_s
                                  << u"m,host\\ name=a\\,b\\=c\\ d,k\\=1=x v=1i"_s;
    QTest::newRow("field key escaping")
            << u"m"_s << QStringList() << QStringList {u"f k,=x"_s, u"float"_s, u"2"_s} << now
            << u"n"_s << u"m f\\ k\\,\\=x=2"_s;
    QTest::newRow("sorted keys") << u"m"_s << QStringList {u"z"_s, u"1"_s, u"a"_s, u"2"_s}
                                 << QStringList {u"y"_s, u"string"_s,  u"s"_s,
                                                 u"b"_s, u"integer"_s, u"3"_s}
                                 << now << u"n"_s << u"m,a=2,z=1 b=3i,y=\"s\""_s;
    QTest::newRow("empty rows ignored")
            << u"m"_s << QStringList {QString(), QString()}
            << QStringList {QString(), u"float"_s, QString(), u"v"_s, u"float"_s, u"1"_s} << now
            << u"n"_s << u"m v=1"_s;
    const QStringList v {u"v"_s, u"float"_s, u"1"_s};
    QTest::newRow("time n") << u"m"_s << QStringList() << v << t << u"n"_s
                            << u"m v=1 1700000000123456789"_s;
    QTest::newRow("time u") << u"m"_s << QStringList() << v << t << u"u"_s
                            << u"m v=1 1700000000123456"_s;
    QTest::newRow("time ms") << u"m"_s << QStringList() << v << t << u"ms"_s
                             << u"m v=1 1700000000123"_s;
    QTest::newRow("time s") << u"m"_s << QStringList() << v << t << u"s"_s << u"m v=1 1700000000"_s;
    QTest::newRow("time m") << u"m"_s << QStringList() << v << t << u"m"_s << u"m v=1 28333333"_s;
    QTest::newRow("time h") << u"m"_s << QStringList() << v << t << u"h"_s << u"m v=1 472222"_s;
    QTest::newRow("before 1970") << u"m"_s << QStringList() << v << QVariant(qint64(-1500000001))
                                 << u"n"_s << u"m v=1 -1500000001"_s;
    QTest::newRow("before 1970 in s (toward zero)")
            << u"m"_s << QStringList() << v << QVariant(qint64(-1500000001)) << u"s"_s
            << u"m v=1 -1"_s;
}

void tst_WritePanel::pointFormPreview()
{
    QFETCH(QString, measurement);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, fields);
    QFETCH(QVariant, time);
    QFETCH(QString, precision);
    QFETCH(QString, expected);

    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    PointForm *form = panel.pointForm();
    form->clearFields();
    form->setMeasurement(measurement);
    for (qsizetype i = 0; i + 1 < tags.size(); i += 2)
        form->addTag(tags[i], tags[i + 1]);
    const QStringList types {u"float"_s, u"integer"_s, u"boolean"_s, u"string"_s};
    for (qsizetype i = 0; i + 2 < fields.size(); i += 3)
        form->addField(fields[i], FieldType(types.indexOf(fields[i + 1])), fields[i + 2]);
    if (time.isValid())
        form->setTime(Timestamp::fromNanoseconds(time.toLongLong()));
    form->writeOptions()->setPrecision(*precisionFromName(precision));

    QVERIFY2(form->isValid(), qPrintable(form->validationMessage()));
    QCOMPARE(child<QPlainTextEdit>(*form, u"previewEdit"_s)->toPlainText(), expected);
    QCOMPARE(form->preview(), expected);
    // The preview is what the client sends: the library's encoding of point().
    QCOMPARE(QString::fromUtf8(form->point().toLineProtocol(*precisionFromName(precision))),
             expected);
    QCOMPARE(form->options().precision, precisionFromName(precision));
    QCOMPARE(form->options().database, m_db);
    QVERIFY(child<QPushButton>(panel, u"writePointButton"_s)->isEnabled());
}

void tst_WritePanel::pointFormInvalid_data()
{
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("badFieldRow"); // -1: no field cell marked

    const QStringList v {u"v"_s, u"float"_s, u"1"_s};
    QTest::newRow("empty measurement")
            << QString() << QStringList() << v << u"Enter a measurement name."_s << -1;
    QTest::newRow("no field") << u"m"_s << QStringList() << QStringList()
                              << u"Add at least one field."_s << -1;
    QTest::newRow("bad integer") << u"m"_s << QStringList()
                                 << QStringList {u"n"_s, u"integer"_s, u"1.5"_s}
                                 << u"Field row 1: \"1.5\" is not an integer"_s << 0;
    QTest::newRow("integer overflow")
            << u"m"_s << QStringList()
            << QStringList {u"a"_s, u"float"_s,   u"1"_s,
                            u"n"_s, u"integer"_s, u"9223372036854775808"_s}
            << u"Field row 2: 9223372036854775808 is out of the 64-bit integer range"_s << 1;
    QTest::newRow("bad float") << u"m"_s << QStringList()
                               << QStringList {u"v"_s, u"float"_s, u"abc"_s}
                               << u"Field row 1: \"abc\" is not a number (e.g. 1.5, -2, 3e8)"_s
                               << 0;
    QTest::newRow("bad boolean") << u"m"_s << QStringList()
                                 << QStringList {u"b"_s, u"boolean"_s, u"yes"_s}
                                 << u"Field row 1: \"yes\" is not a boolean: enter true or false"_s
                                 << 0;
    QTest::newRow("field key time")
            << u"m"_s << QStringList() << QStringList {u"time"_s, u"float"_s, u"1"_s}
            << u"Field row 1: field key \"time\" is not allowed: InfluxDB drops such points"_s << 0;
    QTest::newRow("duplicate field")
            << u"m"_s << QStringList()
            << QStringList {u"v"_s, u"float"_s, u"1"_s, u"v"_s, u"integer"_s, u"2"_s}
            << u"Field row 2: field key \"v\" is used twice"_s << 1;
    QTest::newRow("empty tag value")
            << u"m"_s << QStringList {u"k"_s, QString()} << v
            << u"Tag row 1: tag \"k\" has no value (InfluxDB has no empty tag values)"_s << -1;
    QTest::newRow("measurement comment")
            << u"#m"_s << QStringList() << v
            << u"measurement \"#m\" starts with '#', which makes InfluxDB skip the line as a "
               "comment"_s
            << -1;
    QTest::newRow("string with line break")
            << u"m"_s << QStringList() << QStringList {u"s"_s, u"string"_s, u"a\nb"_s}
            << u"Field row 1: the value of field \"s\" contains a line break"_s << 0;
}

void tst_WritePanel::pointFormInvalid()
{
    QFETCH(QString, measurement);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, fields);
    QFETCH(QString, message);
    QFETCH(int, badFieldRow);

    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    PointForm *form = panel.pointForm();
    form->clearFields();
    form->setMeasurement(measurement);
    for (qsizetype i = 0; i + 1 < tags.size(); i += 2)
        form->addTag(tags[i], tags[i + 1]);
    const QStringList types {u"float"_s, u"integer"_s, u"boolean"_s, u"string"_s};
    for (qsizetype i = 0; i + 2 < fields.size(); i += 3)
        form->addField(fields[i], FieldType(types.indexOf(fields[i + 1])), fields[i + 2]);

    QVERIFY(!form->isValid());
    QCOMPARE(form->validationMessage(), message);
    QCOMPARE(child<QLabel>(*form, u"validationLabel"_s)->text(), message);
    QVERIFY(child<QPlainTextEdit>(*form, u"previewEdit"_s)->toPlainText().isEmpty());
    auto *write = child<QPushButton>(panel, u"writePointButton"_s);
    QVERIFY(!write->isEnabled());
    QCOMPARE(write->toolTip(), message);
    if (badFieldRow >= 0) {
        // The bad cell is marked inline, with the reason as its tooltip.
        auto *table = child<QTableWidget>(*form, u"fieldsTable"_s);
        const QString tip =
                table->item(badFieldRow, 2)->toolTip() + table->item(badFieldRow, 0)->toolTip();
        QVERIFY2(message.endsWith(tip) && !tip.isEmpty(), qPrintable(tip));
    }
    // Clicking does nothing.
    QSignalSpy written(&panel, &WritePanel::pointsWritten);
    QTest::mouseClick(write, Qt::LeftButton);
    QTest::qWait(100);
    QCOMPARE(written.count(), 0);
    QVERIFY(child<QLabel>(panel, u"pointResultLabel"_s)->text().isEmpty());
}

void tst_WritePanel::pointFormTyping()
{
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    panel.show();
    PointForm *form = panel.pointForm();
    auto *measurement = child<QLineEdit>(*form, u"measurementEdit"_s);
    QTest::keyClicks(measurement, u"room temp"_s);
    auto *fields = child<QTableWidget>(*form, u"fieldsTable"_s);
    QCOMPARE(fields->rowCount(), 1); // the form starts with one empty field row
    fields->item(0, 0)->setText(u"c"_s);
    fields->item(0, 2)->setText(u"21.5"_s);
    QCOMPARE(form->preview(), u"room\\ temp c=21.5"_s);
    // Changing the type re-validates the value.
    auto *type = qobject_cast<QComboBox *>(fields->cellWidget(0, 1));
    QVERIFY(type);
    type->setCurrentIndex(int(FieldType::Integer));
    QVERIFY(!form->isValid());
    QCOMPARE(fields->item(0, 2)->toolTip(), u"\"21.5\" is not an integer"_s);
    fields->item(0, 2)->setText(u"21"_s);
    QVERIFY(form->isValid());
    QVERIFY(fields->item(0, 2)->toolTip().isEmpty());
    QCOMPARE(form->preview(), u"room\\ temp c=21i"_s);

    QTest::mouseClick(child<QPushButton>(*form, u"addTagButton"_s), Qt::LeftButton);
    auto *tags = child<QTableWidget>(*form, u"tagsTable"_s);
    QCOMPARE(tags->rowCount(), 1);
    QVERIFY(form->isValid()); // an empty row is ignored
    tags->item(0, 0)->setText(u"floor"_s);
    QVERIFY(!form->isValid()); // a key without value
    tags->item(0, 1)->setText(u"2"_s);
    QCOMPARE(form->preview(), u"room\\ temp,floor=2 c=21i"_s);

    // The chosen time, with the nanoseconds beside it, in UTC by default.
    QTest::mouseClick(child<QRadioButton>(*form, u"chosenTimeRadio"_s), Qt::LeftButton);
    auto *timeEdit = child<QDateTimeEdit>(*form, u"timeEdit"_s);
    timeEdit->setDateTime(QDateTime(QDate(2024, 2, 29), QTime(12, 0, 1), Qt::UTC));
    child<QSpinBox>(*form, u"nanosecondsSpin"_s)->setValue(5);
    QCOMPARE(form->preview(), u"room\\ temp,floor=2 c=21i 1709208001000000005"_s);
    // Preferences in local time keep the instant.
    Explorer::Preferences local;
    local.timeZone = Explorer::Preferences::TimeZone::Local;
    panel.setPreferences(local);
    QCOMPARE(form->preview(), u"room\\ temp,floor=2 c=21i 1709208001000000005"_s);
    QCOMPARE(timeEdit->timeSpec(), Qt::LocalTime);
    // A precision coarser than the time says so.
    form->writeOptions()->setPrecision(Precision::Seconds);
    QCOMPARE(form->preview(), u"room\\ temp,floor=2 c=21i 1709208001"_s);
    QVERIFY(child<QLabel>(*form, u"validationLabel"_s)->text().contains(u"cuts the time"_s));

    // Removing the selected field row leaves no field.
    fields->selectRow(0);
    QTest::mouseClick(child<QPushButton>(*form, u"removeFieldButton"_s), Qt::LeftButton);
    QCOMPARE(fields->rowCount(), 0);
    QCOMPARE(form->validationMessage(), u"Add at least one field."_s);
    QVERIFY(!child<QPushButton>(panel, u"writePointButton"_s)->isEnabled());
}

void tst_WritePanel::writeSinglePointAndReadBack()
{
    WritePanel panel(m_client);
    panel.setDatabases({u"_internal"_s, m_db});
    panel.setDatabase(m_db);
    panel.setRetentionPolicies({u"autogen"_s}, u"autogen"_s);
    PointForm *form = panel.pointForm();
    form->clearFields();
    form->setMeasurement(u"weather report"_s);
    form->addTag(u"location"_s, u"us midwest, north"_s);
    form->addTag(u"sensor"_s, u"a=1"_s);
    form->addField(u"temperature"_s, FieldType::Float, u"82.25"_s);
    form->addField(u"count"_s, FieldType::Integer, u"-9007199254740993"_s); // not a double
    form->addField(u"ok"_s, FieldType::Boolean, u"true"_s);
    form->addField(u"note"_s, FieldType::String, u"say \"hi\", C:\\ = é"_s);
    const qint64 time = 1622550896123456789; // 2021-06-01T12:34:56.123456789Z
    form->setTime(Timestamp::fromNanoseconds(time));
    QVERIFY2(form->isValid(), qPrintable(form->validationMessage()));

    QSignalSpy written(&panel, &WritePanel::pointsWritten);
    auto *write = child<QPushButton>(panel, u"writePointButton"_s);
    QVERIFY(write->isEnabled());
    QTest::mouseClick(write, Qt::LeftButton);
    QVERIFY(!write->isEnabled()); // while it is sent
    QVERIFY(written.wait(LongWait));
    QCOMPARE(written.first().at(0).toString(), m_db);
    QCOMPARE(written.first().at(1).toLongLong(), 1);
    QCOMPARE(child<QLabel>(panel, u"pointResultLabel"_s)->text(),
             u"Written 1 point to %1 (autogen)"_s.arg(m_db));
    QVERIFY(write->isEnabled());
    QCOMPARE(child<QLineEdit>(*form, u"measurementEdit"_s)->text(), u"weather report"_s);

    Error error;
    const QueryResult result = TestSupport::query(
            *m_client, u"SELECT * FROM \"weather report\""_s,
            QueryOptions {.database = m_db, .epoch = Precision::Nanoseconds}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    const Series series = result.series();
    QCOMPARE(series.rowCount(), 1);
    QCOMPARE(series.value(0, u"time").toLongLong(), time);
    QCOMPARE(series.value(0, u"location").toString(), u"us midwest, north"_s);
    QCOMPARE(series.value(0, u"sensor").toString(), u"a=1"_s);
    QCOMPARE(series.value(0, u"temperature").toDouble(), 82.25);
    QCOMPARE(series.value(0, u"count").toLongLong(), Q_INT64_C(-9007199254740993));
    QCOMPARE(series.value(0, u"ok").toBool(), true);
    QCOMPARE(series.value(0, u"note").toString(), u"say \"hi\", C:\\ = é"_s);

    const QueryResult keys =
            TestSupport::query(*m_client, u"SHOW FIELD KEYS FROM \"weather report\""_s,
                               QueryOptions {.database = m_db});
    QMap<QString, QString> types;
    for (qsizetype row = 0; row < keys.series().rowCount(); ++row)
        types.insert(keys.series().value(row, 0).toString(),
                     keys.series().value(row, 1).toString());
    const QMap<QString, QString> expected {{u"count"_s, u"integer"_s},
                                           {u"note"_s, u"string"_s},
                                           {u"ok"_s, u"boolean"_s},
                                           {u"temperature"_s, u"float"_s}};
    QCOMPARE(types, expected);
}

void tst_WritePanel::writePointNowInSeconds()
{
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    PointForm *form = panel.pointForm();
    form->clearFields();
    form->setMeasurement(u"nowpoint"_s);
    form->addField(u"v"_s, FieldType::Integer, u"1"_s);
    form->writeOptions()->setPrecision(Precision::Seconds);
    QCOMPARE(form->preview(), u"nowpoint v=1i"_s); // "now": no timestamp, the server's clock
    const qint64 before = QDateTime::currentMSecsSinceEpoch() / 1000 * 1'000'000'000;
    QSignalSpy written(&panel, &WritePanel::pointsWritten);
    QTest::mouseClick(child<QPushButton>(panel, u"writePointButton"_s), Qt::LeftButton);
    QVERIFY(written.wait(LongWait));
    const qint64 after = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    QCOMPARE(child<QLabel>(panel, u"pointResultLabel"_s)->text(),
             u"Written 1 point to %1 (default retention policy)"_s.arg(m_db));
    const QueryResult result =
            TestSupport::query(*m_client, u"SELECT v FROM nowpoint"_s,
                               QueryOptions {.database = m_db, .epoch = Precision::Nanoseconds});
    QCOMPARE(result.series().rowCount(), 1);
    const qint64 time = result.series().value(0, 0).toLongLong();
    QVERIFY2(time >= before && time <= after, qPrintable(QString::number(time)));
    QCOMPARE(time % 1'000'000'000, 0); // the server's time, truncated to the precision
}

void tst_WritePanel::pointServerErrorIsShown()
{
    writeOrFail("clash v=1i " + QByteArray::number(Nov2023));
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    PointForm *form = panel.pointForm();
    form->clearFields();
    form->setMeasurement(u"clash"_s);
    form->addField(u"v"_s, FieldType::String, u"text"_s);
    form->setTime(Timestamp::fromNanoseconds(Nov2023 + 1));
    QSignalSpy written(&panel, &WritePanel::pointsWritten);
    QTest::mouseClick(child<QPushButton>(panel, u"writePointButton"_s), Qt::LeftButton);
    auto *result = child<QLabel>(panel, u"pointResultLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Not written"_s), LongWait);
    QCOMPARE(result->text(),
             u"Not written: partial write: field type conflict: input field \"v\" on measurement "
             "\"clash\" is type string, already exists as type integer dropped=1"_s);
    QCOMPARE(written.count(), 0);
    QVERIFY(form->isValid()); // what was entered is still there, ready to change
    QCOMPARE(form->preview(), u"clash v=\"text\" %1"_s.arg(Nov2023 + 1));
}

// --- LineProtocolChecker --------------------------------------------------------------------

void tst_WritePanel::checker_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("column"); // 0: a good line
    QTest::addColumn<QString>("message"); // a part of the message
    QTest::addColumn<bool>("serverRejects"); // for bad lines: the server rejects them too

    const auto good = [](const char *name, const QString &line) {
        QTest::newRow(name) << line << 0 << QString() << false;
    };
    good("plain", u"g01 v=1"_s);
    good("all types", u"g02,host=a v=1.5,n=2i,b=t,s=\"x\" 1700000000000000000"_s);
    good("float forms", u"g03 a=-.5e-3,b=1.,c=1E+5,d=007"_s);
    good("string escapes", u"g05 s=\"a \\\"q\\\" \\\\ b\\d, c=d\""_s);
    good("name escapes", u"g06\\ x\\,y,k\\ 1=v\\,\\=\\ 2 f\\=k=1i"_s);
    good("equals in measurement", u"a=b07 v=1"_s);
    good("leading blanks", u" \tg08 v=TRUE"_s);
    good("trailing spaces", u"g09 v=F   "_s);
    good("spaces and negative time", u"g10,k=v  v=1   -1500000000"_s);
    good("integer limits", u"g11 v=9223372036854775807i,w=-9223372036854775808i"_s);
    good("largest time", u"g12 v=1 9223372036854775806"_s);
    good("empty string", u"g13 s=\"\""_s);
    good("unicode", u"g14,ö=ü é=\"😀\""_s);
    good("backslash in tag", u"g15,t=a\\\\b v=1"_s);
    good("big float", u"g16 v=1e308"_s);
    good("quote in names", u"g\"17,k\"=v\" f\"=1"_s);
    good("booleans", u"g18 a=t,b=T,c=true,d=True,e=TRUE,f=f,g=F,h=false,i=False,j=FALSE"_s);

    const auto bad = [](const char *name, const QString &line, int column, const QString &message,
                        bool serverRejects) {
        QTest::newRow(name) << line << column << message << serverRejects;
    };
    bad("no fields", u"g20"_s, 4, u"missing fields"_s, true);
    bad("no measurement", u",g21 v=1"_s, 1, u"missing measurement"_s, true);
    bad("empty tag key", u"g22, v=1"_s, 5, u"missing tag key"_s, true);
    bad("tag without value", u"g23,k v=1"_s, 6, u"missing tag value"_s, true);
    bad("empty tag value", u"g24,k= v=1"_s, 7, u"missing tag value"_s, true);
    bad("unescaped = in tag value", u"g25,k=a=b v=1"_s, 8, u"invalid tag format"_s, true);
    bad("duplicate tag", u"g26,k=a,k=b v=1"_s, 9, u"duplicate tag key \"k\""_s, true);
    bad("field without value", u"g27 v"_s, 6, u"invalid field format"_s, true);
    bad("empty field key", u"g28 =1"_s, 5, u"missing field key"_s, true);
    bad("missing value", u"g29 v="_s, 7, u"missing field value"_s, true);
    bad("trailing comma", u"g30 v=1,"_s, 9, u"missing field after ','"_s, true);
    bad("unquoted string", u"g31 v=abc"_s, 7, u"invalid field value abc"_s, true);
    bad("float with i", u"g32 v=1.5i"_s, 7, u"invalid number 1.5i"_s, true);
    bad("unsigned", u"g33 v=1u"_s, 7, u"unsigned integers"_s, true);
    bad("integer overflow", u"g34 v=9223372036854775808i"_s, 7, u"out of range"_s, true);
    bad("float overflow", u"g35 v=1e400"_s, 7, u"too large for a float"_s, true);
    bad("unbalanced quotes", u"g36 v=\"abc"_s, 7, u"unbalanced quotes"_s, true);
    bad("text after string", u"g37 v=\"a\"b"_s, 10, u"after the closing quote"_s, false);
    bad("float timestamp", u"g38 v=1 1.5"_s, 9, u"bad timestamp"_s, true);
    bad("plus timestamp", u"g39 v=1 +15"_s, 9, u"bad timestamp"_s, true);
    bad("two timestamps", u"g40 v=1 5 6"_s, 11, u"after the timestamp"_s, true);
    bad("time out of range", u"g41 v=1 9223372036854775807"_s, 9,
        u"outside the range InfluxDB can store"_s, true);
    bad("duplicate field", u"g42 v=1,v=2"_s, 9, u"duplicate field key \"v\""_s, false);
    bad("field key time", u"g43 time=1i"_s, 5, u"field key \"time\" is not allowed"_s, true);
    bad("tag key time", u"g44,time=x v=1"_s, 5, u"tag key \"time\" is not allowed"_s, false);
    bad("tag value ends with backslash", u"g45,k=a\\\\ v=1"_s, 7, u"ends with a backslash"_s,
        false);
    bad("tab is no separator", u"g46\tv=1"_s, 8, u"missing fields"_s, true);
    bad("lone minus", u"g50 v=-"_s, 7, u"invalid number -"_s, true);
    bad("measurement backslash before comma", u"g51\\\\,k=v v=1"_s, 1, u"ends with a backslash"_s,
        false);
}

void tst_WritePanel::checker()
{
    QFETCH(QString, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(bool, serverRejects);

    const LineProtocolChecker checker;
    const LineProtocolChecker::LineResult result = checker.parseLine(line);
    const QList<LineProtocolChecker::Problem> problems =
            checker.check(QString(u"# header\n"_s + line));
    if (column > 0) {
        QVERIFY(!result.isValid());
        QCOMPARE(result.column, column);
        QVERIFY2(result.message.contains(message), qPrintable(result.message));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, 2);
        QCOMPARE(problems.first().column, column);
        if (serverRejects) {
            const Error error = TestSupport::writeLines(*m_client, line.toUtf8(),
                                                        WriteOptions {.database = m_db});
            QCOMPARE(error.httpStatus(), 400);
        }
        return;
    }
    QVERIFY2(result.isValid(),
             qPrintable(u"column %1: %2"_s.arg(result.column).arg(result.message)));
    QVERIFY(problems.isEmpty());

    // The server accepts the line and stores exactly what the checker read.
    const Error error =
            TestSupport::writeLines(*m_client, line.toUtf8(), WriteOptions {.database = m_db});
    QVERIFY2(!error, qPrintable(error.toString()));
    const DataPoint point = *result.point;
    const QueryResult stored = TestSupport::query(
            *m_client, u"SELECT * FROM %1"_s.arg(Source::quoteIdentifier(point.measurement())),
            QueryOptions {.database = m_db, .epoch = Precision::Nanoseconds});
    const Series series = stored.series();
    QCOMPARE(series.rowCount(), 1);
    if (const std::optional<qint64> time = point.time().valueIn(Precision::Nanoseconds))
        QCOMPARE(series.value(0, u"time").toLongLong(), *time);
    const Tags tags = point.tags();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        QCOMPARE(series.value(0, it.key()).toString(), it.value());
    const Fields fields = point.fields();
    QCOMPARE(series.columnCount(), 1 + tags.size() + fields.size());
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QVariant value = series.value(0, it.key());
        switch (it.value().type()) {
        case FieldValue::Type::Decimal:
        case FieldValue::Type::Float:
            QCOMPARE(value.toDouble(), it.value().toDouble());
            break;
        case FieldValue::Type::Integer:
            QCOMPARE(value.toLongLong(), it.value().toInteger());
            break;
        case FieldValue::Type::Boolean:
            QCOMPARE(value.typeId(), QMetaType::Bool);
            QCOMPARE(value.toBool(), it.value().toBool());
            break;
        case FieldValue::Type::String:
            QCOMPARE(value.toString(), it.value().toString());
            break;
        }
    }
}

void tst_WritePanel::checkerLineNumbers()
{
    const QString text = u"# comment\n\ng1 v=1\r\nbad\n  # indented comment\ng2 v=2i\ng3 v=\n"_s;
    const QList<LineProtocolChecker::Problem> problems = LineProtocolChecker().check(text);
    const QList<LineProtocolChecker::Problem> expected {
            {4, 4, u"missing fields"_s},
            {7, 6, u"missing field value"_s},
    };
    QCOMPARE(problems, expected);
    QCOMPARE(LineProtocolChecker().check(text, 1).size(), 1);
    // The precision decides the range of times.
    QVERIFY(LineProtocolChecker(Precision::Seconds).check(u"m v=1 9999999999"_s).size() == 1);
    QVERIFY(LineProtocolChecker(Precision::Nanoseconds).check(u"m v=1 9999999999"_s).isEmpty());
}

// --- Batches --------------------------------------------------------------------------------

void tst_WritePanel::batchBadLineBlocksWrite()
{
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    BatchPage *page = panel.batchPage();
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    const QString text = u"b1 v=1 %1\nb1 v=2 %2\nb1 v=3 oops\n# comment\nb1 v=4 %3"_s.arg(Nov2023)
                                 .arg(Nov2023 + 1)
                                 .arg(Nov2023 + 2);
    editor->setPlainText(text);
    QSignalSpy checked(page, &BatchPage::checkFinished);
    QTest::mouseClick(child<QPushButton>(*page, u"checkButton"_s), Qt::LeftButton);
    QVERIFY(checked.wait(LongWait));
    QCOMPARE(checked.first().first().toLongLong(), 1);
    auto *problems = child<QListWidget>(*page, u"checkProblemsList"_s);
    QCOMPARE(listTexts(problems),
             QStringList {u"Line 3, column 8: bad timestamp oops: an integer is expected"_s});
    QCOMPARE(editor->markedLines(LineProtocolEditor::MarkKind::BadLine), QList<qsizetype> {3});
    auto *write = child<QPushButton>(*page, u"writeBatchButton"_s);
    QVERIFY(!write->isEnabled());
    QCOMPARE(child<QLabel>(*page, u"checkSummaryLabel"_s)->text(),
             u"Bad lines: 1. Fix them, or tick \"Skip bad lines\" to write the others."_s);
    // Write() itself refuses too; nothing is sent and the text stays.
    QSignalSpy finished(page, &BatchPage::writeFinished);
    page->write();
    QTest::qWait(200);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(editor->toPlainText(), text);
    QCOMPARE(count(u"b1"_s), 0);

    // Clicking a problem goes to its line and column.
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {},
                      problems->visualItemRect(problems->item(0)).center());
    QCOMPARE(editor->textCursor().blockNumber(), 2);
    QCOMPARE(editor->textCursor().positionInBlock(), 7);

    QSignalSpy written(&panel, &WritePanel::pointsWritten);
    child<QCheckBox>(*page, u"skipBadLinesCheck"_s)->setChecked(true);
    QVERIFY(write->isEnabled());
    QTest::mouseClick(write, Qt::LeftButton);
    QVERIFY(finished.wait(LongWait));
    const auto report = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(report.totalLines, 3);
    QCOMPARE(report.writtenLines, 3);
    const QList<BatchWriteReport::Line> left {
            {3, Outcome::Skipped, u"skipped: bad timestamp oops: an integer is expected"_s}};
    QCOMPARE(report.notWritten, left);
    QCOMPARE(editor->toPlainText(), u"b1 v=3 oops"_s);
    QCOMPARE(
            listTexts(child<QListWidget>(*page, u"notWrittenList"_s)),
            QStringList {u"Line 1 (was 3): skipped: bad timestamp oops: an integer is expected"_s});
    QCOMPARE(child<QLabel>(*page, u"batchStatusLabel"_s)->text(),
             u"3 lines written; 1 line left in the editor: 1 skipped (bad lines)."_s);
    QCOMPARE(written.count(), 1);
    QCOMPARE(written.first().at(0).toString(), m_db);
    QCOMPARE(written.first().at(1).toLongLong(), 3);
    QCOMPARE(count(u"b1"_s), 3);
    // The bad line kept is checked again (now line 1); the write's summary stays.
    QSignalSpy rechecked(page, &BatchPage::checkFinished);
    QVERIFY(rechecked.wait(LongWait));
    QCOMPARE(listTexts(problems),
             QStringList {u"Line 1, column 8: bad timestamp oops: an integer is expected"_s});
    QCOMPARE(child<QLabel>(*page, u"checkSummaryLabel"_s)->text(),
             u"Bad lines: 1. Writing skips them; they stay in the editor."_s);
    QCOMPARE(child<QLabel>(*page, u"batchStatusLabel"_s)->text(),
             u"3 lines written; 1 line left in the editor: 1 skipped (bad lines)."_s);
    // The replacement is one undoable edit.
    editor->undo();
    QCOMPARE(editor->toPlainText(), text);
}

void tst_WritePanel::batchWithoutDataLinesKeepsTheText()
{
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    BatchPage *page = panel.batchPage();
    child<QCheckBox>(*page, u"skipBadLinesCheck"_s)->setChecked(true);
    const QString text = u"# notes\n\nnot a line\n"_s;
    const BatchWriteReport report = writeBatch(*page, text);
    QCOMPARE(report.totalLines, 0);
    QCOMPARE(report.notWrittenLines(), QList<qsizetype> {3});
    QCOMPARE(report.notWritten.first().outcome, Outcome::Skipped);
    QCOMPARE(child<LineProtocolEditor>(*page, u"batchEditor"_s)->toPlainText(), text);
    QCOMPARE(child<QLabel>(*page, u"batchStatusLabel"_s)->text(),
             u"Nothing to write: the text has no data lines to send."_s);
}

void tst_WritePanel::batchTypeConflictKeepsTheLine()
{
    writeOrFail("tc v=1i " + QByteArray::number(Nov2023));
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    BatchPage *page = panel.batchPage();
    page->setBatchSize(2);
    const auto t = [](int k) { return QString::number(Nov2023 + k); };
    // Batches of two data lines: (2, 4) and (5, 6); the comment and blank line are not sent.
    const QString text = u"# header\ntc v=2i %1\n\ntc v=3i %2\ntc v=1.5 %3\ntc v=4i %4\n"_s.arg(
            t(1), t(2), t(3), t(4));
    const BatchWriteReport report = writeBatch(*page, text);
    QCOMPARE(report.totalLines, 4);
    QCOMPARE(report.batchesSent, 2);
    QCOMPARE(report.writtenLines, 3);
    QCOMPARE(report.droppedPoints, 1);
    QCOMPARE(report.failedBatches.size(), 1);
    const BatchWriteReport::Batch &batch = report.failedBatches.first();
    QCOMPARE(batch.firstLine, 5);
    QCOMPARE(batch.lastLine, 6);
    QVERIFY(batch.partial);
    QCOMPARE(batch.dropped, 1);
    // What InfluxDB 1.6.7 says: the first conflict only, and a count.
    QCOMPARE(batch.message,
             u"partial write: field type conflict: input field \"v\" on measurement \"tc\" is "
             "type float, already exists as type integer dropped=1"_s);
    const QList<BatchWriteReport::Line> left {
            {5, Outcome::Dropped,
             u"dropped: field type conflict: field \"v\" is float in this line but integer in the "
             "database"_s}};
    QCOMPARE(report.notWritten, left);
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    QCOMPARE(editor->toPlainText(), u"tc v=1.5 %1"_s.arg(t(3)));
    QCOMPARE(editor->markedLines(LineProtocolEditor::MarkKind::NotWritten), QList<qsizetype> {1});
    QCOMPARE(child<QLabel>(*page, u"batchStatusLabel"_s)->text(),
             u"3 lines written; 1 line left in the editor: 1 dropped by the server. Partial "
             "write: the server dropped 1 point."_s);
    QCOMPARE(count(u"tc"_s), 4);

    // Fixed and retried: the editor empties.
    editor->setPlainText(u"tc v=15i %1"_s.arg(t(3)));
    const BatchWriteReport retry = writeBatch(*page, editor->toPlainText());
    QCOMPARE(retry.writtenLines, 1);
    QVERIFY(retry.notWritten.isEmpty());
    QVERIFY(editor->toPlainText().isEmpty());
    QCOMPARE(child<QLabel>(*page, u"batchStatusLabel"_s)->text(),
             u"1 line written; the editor is empty."_s);
    QCOMPARE(count(u"tc"_s), 5);
}

void tst_WritePanel::batchPartialWriteSeveralConflicts()
{
    writeOrFail("mc a=1i,b=1i " + QByteArray::number(Nov2023));
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    const auto t = [](int k) { return QString::number(Nov2023 + k); };
    // The server names the first conflict only ("a"); the look-up finds the other one.
    const QString text = u"mc a=1.5 %1\nmc b=true %2\nmc a=2i %3\nmc a=3i,b=\"x\" %4"_s.arg(
            t(1), t(2), t(3), t(4));
    const BatchWriteReport report = writeBatch(*panel.batchPage(), text);
    QCOMPARE(report.writtenLines, 1);
    QCOMPARE(report.droppedPoints, 3);
    QCOMPARE(report.failedBatches.size(), 1);
    QVERIFY2(report.failedBatches.first().message.startsWith(
                     u"partial write: field type conflict: input field \"a\" on measurement "
                     "\"mc\" is type float, already exists as type integer dropped=3"_s),
             qPrintable(report.failedBatches.first().message));
    const QList<BatchWriteReport::Line> left {
            {1, Outcome::Dropped,
             u"dropped: field type conflict: field \"a\" is float in this line but integer in the "
             "database"_s},
            {2, Outcome::Dropped,
             u"dropped: field type conflict: field \"b\" is boolean in this line but integer in "
             "the database"_s},
            {4, Outcome::Dropped,
             u"dropped: field type conflict: field \"b\" is string in this line but integer in "
             "the database"_s}};
    QCOMPARE(report.notWritten, left);
    QCOMPARE(child<LineProtocolEditor>(*panel.batchPage(), u"batchEditor"_s)->toPlainText(),
             u"mc a=1.5 %1\nmc b=true %2\nmc a=3i,b=\"x\" %3"_s.arg(t(1), t(2), t(4)));
    QCOMPARE(count(u"mc"_s, u"a"_s), 2);
}

// One shard has "v" as integer, another as float: a batch writing both types to both shards
// gets one shard's error only. Every line whose field has several types stays (maybe dropped):
// the text is never silently lost, at the price of keeping a line that was written.
void tst_WritePanel::batchConflictsInTwoShardsKeepUncertainLines()
{
    const qint64 later = Nov2023 + 60LL * 24 * 3600 * 1'000'000'000; // weeks later: next shard
    writeOrFail("ts v=1i " + QByteArray::number(Nov2023) + "\nts v=1.5 "
                + QByteArray::number(later));
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    const QString text = u"ts v=2.5 %1\nts v=3i %2\nts v=4i %3"_s.arg(Nov2023 + 1)
                                 .arg(later + 1)
                                 .arg(Nov2023 + 2);
    const BatchWriteReport report = writeBatch(*panel.batchPage(), text);
    QCOMPARE(report.failedBatches.size(), 1);
    QVERIFY(report.failedBatches.first().partial);
    QCOMPARE(report.notWrittenLines(), (QList<qsizetype> {1, 2, 3}));
    for (const BatchWriteReport::Line &line : report.notWritten)
        QCOMPARE(line.outcome, Outcome::MaybeDropped);
    QCOMPARE(report.writtenLines, 0);
    QCOMPARE(child<LineProtocolEditor>(*panel.batchPage(), u"batchEditor"_s)->toPlainText(), text);
    // What the server really did: line 3 was stored, lines 1 and 2 were not.
    QCOMPARE(count(u"ts"_s), 3);
}

void tst_WritePanel::batchPointsBeyondRetentionPolicy()
{
    Error error;
    TestSupport::query(
            *m_client,
            u"CREATE RETENTION POLICY hour ON \"%1\" DURATION 1h REPLICATION 1"_s.arg(m_db), {},
            &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    panel.setRetentionPolicies({u"autogen"_s, u"hour"_s}, u"autogen"_s);
    BatchPage *page = panel.batchPage();
    page->writeOptions()->setRetentionPolicy(u"hour"_s);
    page->writeOptions()->setPrecision(Precision::Milliseconds);
    // A minute ago, not now: "rpw v=4" gets the server's time, in the same millisecond now
    // and then, and the later point replaced the earlier one.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() - 60 * 1000;
    const qint64 old = now - 2 * 24 * 3600 * 1000;
    const QString text =
            u"rpw v=1 %1\nrpw v=2 %2\nrpw v=3 %3\nrpw v=4"_s.arg(old).arg(now).arg(old - 1);
    const BatchWriteReport report = writeBatch(*page, text);
    QCOMPARE(report.failedBatches.size(), 1);
    QCOMPARE(report.failedBatches.first().message,
             u"partial write: points beyond retention policy dropped=2"_s);
    QCOMPARE(report.droppedPoints, 2);
    QCOMPARE(report.writtenLines, 2);
    const QString reason = u"dropped: older than retention policy \"hour\" keeps data (1h0m0s)"_s;
    const QList<BatchWriteReport::Line> left {{1, Outcome::Dropped, reason},
                                              {3, Outcome::Dropped, reason}};
    QCOMPARE(report.notWritten, left);
    QCOMPARE(child<LineProtocolEditor>(*page, u"batchEditor"_s)->toPlainText(),
             u"rpw v=1 %1\nrpw v=3 %2"_s.arg(old).arg(old - 1));
    const QueryResult stored = TestSupport::query(
            *m_client, u"SELECT COUNT(v) FROM \"%1\".\"hour\".rpw"_s.arg(m_db), {}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(stored.series().value(0, 1).toLongLong(), 2);
}

void tst_WritePanel::writerMapsUnparsableLinesToTextLines()
{
    // The writer itself does not check: the server names the bad lines.
    BatchWriter writer(m_client);
    writer.setBatchSize(3);
    QSignalSpy finished(&writer, &BatchWriter::finished);
    QSignalSpy progress(&writer, &BatchWriter::progress);
    const QString text = u"up v=1 1\r\n\nup v=2 2\n# c\nup v= 3\nup v=4 4\nup v 5\nup v=6 6\n"_s;
    QVERIFY(writer.start(text, WriteOptions {.database = m_db}));
    QVERIFY(!writer.start(text, WriteOptions {.database = m_db})); // one at a time
    QVERIFY(writer.isRunning());
    QVERIFY(finished.wait(LongWait));
    QVERIFY(!writer.isRunning());
    const auto report = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(report.totalLines, 6);
    QCOMPARE(report.batchesSent, 2);
    QCOMPARE(report.writtenLines, 4);
    const QList<BatchWriteReport::Line> left {{5, Outcome::Rejected, u"missing field value"_s},
                                              {7, Outcome::Rejected, u"invalid field format"_s}};
    QCOMPARE(report.notWritten, left);
    QCOMPARE(report.failedBatches.size(), 2);
    QCOMPARE(report.failedBatches[0].namedLines, QList<qsizetype> {5});
    QCOMPARE(report.failedBatches[1].namedLines, QList<qsizetype> {7});
    QCOMPARE(report.droppedPoints, 0);
    QCOMPARE(progress.first().at(0).toLongLong(), 0);
    QCOMPARE(progress.first().at(1).toLongLong(), 6);
    QCOMPARE(progress.last().at(0).toLongLong(), 6);
    QCOMPARE(count(u"up"_s), 4);
}

void tst_WritePanel::batchStopsWhenTheDatabaseIsMissing()
{
    WritePanel panel(m_client);
    const QString missing = TestSupport::uniqueName(u"missing"_s);
    panel.setDatabase(missing);
    panel.batchPage()->setBatchSize(1);
    const QString text = u"sm v=1\nsm v=2\nsm v=3\nsm v=4"_s;
    QSignalSpy written(&panel, &WritePanel::pointsWritten);
    const BatchWriteReport report = writeBatch(*panel.batchPage(), text);
    QVERIFY(report.stopped);
    QCOMPARE(report.stopReason, u"database not found: \"%1\""_s.arg(missing));
    QCOMPARE(report.writtenLines, 0);
    QCOMPARE(report.notWrittenLines(), (QList<qsizetype> {1, 2, 3, 4}));
    // Two batches were in flight when the first failed; the others were never sent.
    QCOMPARE(report.batchesSent, 2);
    QCOMPARE(report.count(Outcome::Failed), 2);
    QCOMPARE(report.count(Outcome::NotSent), 2);
    QCOMPARE(report.notWritten.last().reason,
             u"not sent: an earlier batch failed: database not found: \"%1\""_s.arg(missing));
    QCOMPARE(child<LineProtocolEditor>(*panel.batchPage(), u"batchEditor"_s)->toPlainText(), text);
    QCOMPARE(child<QLabel>(*panel.batchPage(), u"batchStatusLabel"_s)->text(),
             u"0 lines written; 4 lines left in the editor: 2 in failed batches, 2 not sent. "
             "Stopped after an error: database not found: \"%1\""_s.arg(missing));
    QCOMPARE(written.count(), 0);
}

void tst_WritePanel::batchRetriesAfterServerErrors()
{
    // A server that is overloaded twice (503), then takes the batch.
    TestSupport::FaultServer server;
    QVERIFY(server.listen());
    int failures = 2;
    server.setHandler([&failures](const TestSupport::FaultServer::Request &, QTcpSocket *s) {
        if (failures-- > 0)
            TestSupport::FaultServer::respond(s, 503, "application/json",
                                              R"({"error":"overloaded"})");
        else
            TestSupport::FaultServer::respond(s, 204, {}, {});
    });
    Client client(ClientOptions {.baseUrls = {server.url()}});
    WritePanel panel(&client);
    panel.setDatabase(u"db"_s);
    BatchPage *page = panel.batchPage();
    auto *retries = child<QSpinBox>(*page, u"retriesSpin"_s);
    QCOMPARE(retries->value(), 0); // opt-in
    QCOMPARE(retries->text(), u"off"_s);
    retries->setValue(3);
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    const QString text = u"r v=1 1\nr v=2 2\nr v=3 3"_s;
    editor->setPlainText(text);
    QSignalSpy finished(page, &BatchPage::writeFinished);
    QTest::mouseClick(child<QPushButton>(*page, u"writeBatchButton"_s), Qt::LeftButton);
    auto *status = child<QLabel>(*page, u"batchStatusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"Sending them again"_s), LongWait);
    QVERIFY2(status->text().startsWith(u"Lines 1–3: overloaded"_s), qPrintable(status->text()));
    QVERIFY(status->text().contains(u"(attempt 2 of 4)"_s));
    QVERIFY(finished.wait(LongWait));
    const auto report = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(report.retries, 2);
    QCOMPARE(report.writtenLines, 3);
    QVERIFY(report.notWritten.isEmpty());
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.requests().last().body, text.toUtf8());
    QCOMPARE(status->text(),
             u"3 lines written; the editor is empty. Batches were sent again 2 times."_s);

    // Off again: the first 503 is final, and the lines stay in the editor.
    retries->setValue(0);
    failures = 1;
    editor->setPlainText(text);
    finished.clear();
    QTest::mouseClick(child<QPushButton>(*page, u"writeBatchButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(LongWait));
    const auto second = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(second.retries, 0);
    QCOMPARE(second.writtenLines, 0);
    QCOMPARE(editor->toPlainText(), text);
    QCOMPARE(server.requests().size(), 4);
}

void tst_WritePanel::batchCancelKeepsUnsentLines()
{
    constexpr int Total = 200000;
    QString text;
    text.reserve(Total * 40);
    for (int i = 0; i < Total; ++i)
        text += u"cancel,host=h%1 v=%2i %3\n"_s.arg(i % 10).arg(i).arg(Nov2023 + i);
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    BatchPage *page = panel.batchPage();
    page->setBatchSize(1000);
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    editor->setPlainText(text);
    QSignalSpy finished(page, &BatchPage::writeFinished);
    QTest::mouseClick(child<QPushButton>(*page, u"writeBatchButton"_s), Qt::LeftButton);
    auto *progress = child<QProgressBar>(*page, u"batchProgress"_s);
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() >= 5000, LongWait);
    QVERIFY(editor->isReadOnly()); // the text being written cannot change
    auto *cancel = child<QPushButton>(*page, u"cancelBatchButton"_s);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(finished.count(), 0); // from the event loop, not inside cancel()
    QVERIFY(finished.wait(LongWait));
    const auto report = finished.first().first().value<BatchWriteReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(report.totalLines, Total);
    QVERIFY(report.writtenLines >= 5000);
    QVERIFY2(report.writtenLines < Total, "the write ended before Cancel was clicked");
    QCOMPARE(report.writtenLines + report.notWritten.size(), Total);
    QCOMPARE(report.count(Outcome::Cancelled) + report.count(Outcome::NotSent),
             report.notWritten.size());
    QVERIFY(report.count(Outcome::NotSent) > 0);

    // The editor holds exactly the lines not written, in order.
    QVERIFY(!editor->isReadOnly());
    const QStringList lines = editor->toPlainText().split(u'\n');
    QCOMPARE(lines.size(), report.notWritten.size());
    const QStringList original = text.split(u'\n');
    QCOMPARE(lines.first(), original[report.notWritten.first().line - 1]);
    QCOMPARE(lines.last(), original[report.notWritten.last().line - 1]);
    QCOMPARE(report.notWritten.last().line, Total);
    // Two batches are in flight and may finish in either order: the lines kept are the batches
    // Cancel aborted (at most two) and the unsent rest, which follows them; everything before
    // was written.
    QList<qsizetype> cancelled;
    QList<qsizetype> notSent;
    for (const BatchWriteReport::Line &line : report.notWritten)
        (line.outcome == Outcome::Cancelled ? cancelled : notSent).append(line.line);
    QVERIFY(cancelled.size() <= BatchWriter::MaxInFlight * 1000);
    QCOMPARE(cancelled.size() % 1000, 0); // whole batches
    QCOMPARE(notSent.last() - notSent.first() + 1, notSent.size()); // one unbroken tail
    QVERIFY(cancelled.isEmpty() || cancelled.last() < notSent.first());

    // The server has every written line, plus at most the aborted batches (maybe stored).
    const qint64 stored = count(u"cancel"_s);
    QVERIFY2(stored >= report.writtenLines
                     && stored <= report.writtenLines + report.count(Outcome::Cancelled),
             qPrintable(u"%1 stored, %2 written"_s.arg(stored).arg(report.writtenLines)));
    QVERIFY(child<QLabel>(*page, u"batchStatusLabel"_s)->text().endsWith(u"Cancelled."_s));
}

void tst_WritePanel::openFileIsUndoable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"data.lp"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("of v=1 1\r\nof v=2 2\r\n");
    file.close();
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    BatchPage *page = panel.batchPage();
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    editor->setPlainText(u"typed by hand"_s);
    QVERIFY(page->openFile(path));
    // The editor keeps lines, not line ends: CRLF becomes LF.
    QCOMPARE(editor->toPlainText(), u"of v=1 1\nof v=2 2\n"_s);
    QVERIFY(child<QLabel>(*page, u"batchStatusLabel"_s)->text().startsWith(u"Opened data.lp"_s));
    editor->undo();
    QCOMPARE(editor->toPlainText(), u"typed by hand"_s);
    editor->redo();
    QVERIFY(!page->openFile(dir.filePath(u"missing.lp"_s)));
    QVERIFY(child<QLabel>(*page, u"batchStatusLabel"_s)->text().startsWith(u"Cannot open"_s));
    QCOMPARE(editor->toPlainText(), u"of v=1 1\nof v=2 2\n"_s);
    const BatchWriteReport report = writeBatch(*page, editor->toPlainText());
    QCOMPARE(report.writtenLines, 2);
    QCOMPARE(count(u"of"_s), 2);
}

void tst_WritePanel::editorKeepLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qsizetype>>("keep");
    QTest::newRow("tail") << u"a\nb\nc\nd"_s << QList<qsizetype> {3, 4};
    QTest::newRow("head") << u"a\nb\nc\nd"_s << QList<qsizetype> {1, 2};
    QTest::newRow("middle") << u"a\nb\nc\nd"_s << QList<qsizetype> {2, 3};
    QTest::newRow("scattered") << u"a\n\nb\n# c\nd\ne"_s << QList<qsizetype> {1, 3, 5};
    QTest::newRow("trailing newline") << u"a\nb\n"_s << QList<qsizetype> {2};
    QTest::newRow("last of trailing newline") << u"a\nb\n\n"_s << QList<qsizetype> {1};
    QTest::newRow("all") << u"a\nb"_s << QList<qsizetype> {1, 2};
    QTest::newRow("none") << u"a\nb\n"_s << QList<qsizetype> {};
    QTest::newRow("empty lines kept") << u"\n\nx\n"_s << QList<qsizetype> {1, 2};
    // More runs than the editor removes one by one: replaced as a whole.
    QString many;
    QList<qsizetype> odd;
    for (int i = 1; i <= 1001; ++i) {
        many += u"line %1\n"_s.arg(i);
        if (i % 2)
            odd.append(i);
    }
    QTest::newRow("many runs") << many << odd;
}

// LineProtocolEditor::keepLines() leaves exactly the lines asked for, joined by '\n' (what the
// batch page keeps after a write), as one undoable edit.
void tst_WritePanel::editorKeepLines()
{
    QFETCH(QString, text);
    QFETCH(QList<qsizetype>, keep);
    Explorer::LineProtocolEditor editor;
    editor.setPlainText(text);
    const QList<QStringView> lines = LineProtocolChecker::splitLines(text);
    QStringList expected;
    for (const qsizetype line : keep)
        expected.append(lines.value(line - 1).toString());
    editor.keepLines(keep);
    QCOMPARE(editor.toPlainText(), expected.join(u'\n'));
    editor.undo();
    QCOMPARE(editor.toPlainText(), text);
}

void tst_WritePanel::batchBadCharactersKeepTheText()
{
    // Pasted text with a NUL, a lone surrogate and a malformed line among good lines: the bad
    // ones are named with their line numbers, the good ones written, the rest stays as typed.
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    BatchPage *page = panel.batchPage();
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    const QString t = QString::number(Nov2023);
    const QString lone = QString(QChar(0xd800));
    const QString nul = QString(QChar(0));
    const QString text = u"bc v=1 %1\n"_s.arg(t) + u"bc v=oops\n"_s + nul + u"bc v=3\n"_s
            + u"bc,t=a"_s + lone + u" v=4\n"_s + u"bc v=5,s=\"a"_s + nul
            + u"b\" %1\n"_s.arg(Nov2023 + 2) + u"bc v=6 %1"_s.arg(Nov2023 + 1);
    editor->setPlainText(text);
    QCOMPARE(editor->toPlainText(), text);
    QSignalSpy checked(page, &BatchPage::checkFinished);
    page->check();
    QVERIFY(checked.wait(LongWait));
    QList<qsizetype> lines;
    for (const LineProtocolChecker::Problem &problem : page->problems())
        lines.append(problem.line);
    QCOMPARE(lines, (QList<qsizetype> {2, 3, 4}));
    QCOMPARE(editor->markedLines(LineProtocolEditor::MarkKind::BadLine), lines);
    const QStringList problems = listTexts(child<QListWidget>(*page, u"checkProblemsList"_s));
    QVERIFY2(problems.value(1).startsWith(u"Line 3, column 1: "_s)
                     && problems.value(1).contains(u"NUL"_s),
             qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.value(2).startsWith(u"Line 4, column "_s)
                     && problems.value(2).contains(u"surrogate"_s),
             qPrintable(problems.join(u'\n')));

    child<QCheckBox>(*page, u"skipBadLinesCheck"_s)->setChecked(true);
    QSignalSpy finished(page, &BatchPage::writeFinished);
    QTest::mouseClick(child<QPushButton>(*page, u"writeBatchButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(LongWait));
    QCOMPARE(finished.first().first().value<BatchWriteReport>().writtenLines, 3);
    QCOMPARE(editor->toPlainText(),
             u"bc v=oops\n"_s + nul + u"bc v=3\n"_s + u"bc,t=a"_s + lone + u" v=4"_s);
    QCOMPARE(count(u"bc"_s), 3);
}

void tst_WritePanel::batchHugeLineKeepsTheWindowResponsive()
{
    // A 10 MB line pasted: shown, checked and written without stalling the event loop for
    // long; the line the server refuses (a key beyond 64 KB) stays with the server's reason.
    WritePanel panel(m_client);
    panel.setDatabase(m_db);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    BatchPage *page = panel.batchPage();
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    const QString hugeString(10 * 1024 * 1024, u's');
    const QString longKey(70 * 1024, u'k');
    const QString text = u"bh v=1,s=\"%1\" %2\n"_s.arg(hugeString).arg(Nov2023)
            + u"bh,%1=x v=2 %2\n"_s.arg(longKey).arg(Nov2023 + 1) + u"bh v=3 %1"_s.arg(Nov2023 + 2);

    QElapsedTimer paste;
    paste.start();
    editor->setPlainText(text);
    const qint64 pasteMs = paste.elapsed();
    QVERIFY2(pasteMs < 60000, qPrintable(QString::number(pasteMs)));

    // The longest gap between two ticks of the event loop while the page checks and writes.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    connect(&heartbeat, &QTimer::timeout, this,
            [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    sinceTick.start();
    heartbeat.start();
    QSignalSpy finished(page, &BatchPage::writeFinished);
    page->write(); // checks first, then writes
    QVERIFY(finished.wait(LongWait));
    heartbeat.stop();
    QVERIFY2(longestGap < 3000, qPrintable(QString::number(longestGap)));
    qInfo("10 MB line: pasted in %lld ms, longest event-loop stall %lld ms", pasteMs, longestGap);

    const auto report = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(report.writtenLines, 2);
    QCOMPARE(report.notWrittenLines(), QList<qsizetype> {2});
    QVERIFY2(report.notWritten.first().reason.contains(u"max key length exceeded"_s),
             qPrintable(report.notWritten.first().reason.left(300)));
    QCOMPARE(editor->toPlainText(), u"bh,%1=x v=2 %2"_s.arg(longKey).arg(Nov2023 + 1));
    QCOMPARE(count(u"bh"_s), 2);
    QCOMPARE(count(u"bh"_s, u"s"_s), 1);
}

void tst_WritePanel::openFileNamesLinesThatAreNotUtf8()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"latin1.lp"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ou v=1 1\nou,city=K\xf6ln v=2 2\nou v=3 3\nou,t=\xc3 v=4 4");
    file.close();
    WritePanel panel(m_client);
    BatchPage *page = panel.batchPage();
    auto *editor = child<LineProtocolEditor>(*page, u"batchEditor"_s);
    QVERIFY(page->openFile(path));
    const QString status = child<QLabel>(*page, u"batchStatusLabel"_s)->text();
    QVERIFY2(status.startsWith(u"Opened latin1.lp (4 lines)."_s), qPrintable(status));
    QVERIFY2(status.endsWith(u"Not valid UTF-8 (the bad bytes show as \uFFFD): lines 2, 4."_s),
             qPrintable(status));
    QCOMPARE(editor->toPlainText(),
             u"ou v=1 1\nou,city=K\uFFFDln v=2 2\nou v=3 3\nou,t=\uFFFD v=4 4"_s);
    // A good file says nothing of the kind.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("ou,city=K\xc3\xb6ln v=2 2\n");
    file.close();
    QVERIFY(page->openFile(path));
    QVERIFY(!child<QLabel>(*page, u"batchStatusLabel"_s)->text().contains(u"UTF-8"_s));
    QCOMPARE(editor->toPlainText(), u"ou,city=Köln v=2 2\n"_s);
}

QTEST_MAIN(tst_WritePanel)
#include "tst_writepanel.moc"
