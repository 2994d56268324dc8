// SPDX-License-Identifier: MIT
// The visual query builder: the exact InfluxQL of a table of form states (odd names, every
// function, time ranges, automatic and explicit intervals, fill, order, limits, tz), the
// problems of invalid states, and the form against the fixture's influxd: the pickers fed by
// the schema, the form driven through its widgets, Run's text executed on the server.
#include "builder/fieldselectionrow.h"
#include "builder/querybuilderform.h"
#include "builder/querybuilderstate.h"
#include "builder/tagfilterrow.h"
#include "client.h"
#include "testserver.h"

#include <QtGui/QStandardItemModel>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

#include <chrono>

using namespace Influx;
using namespace Qt::StringLiterals;
using Explorer::FieldSelectionRow;
using Explorer::QueryBuilderForm;
using Explorer::QueryBuilderState;
using Explorer::TagFilterRow;
using Function = QueryBuilderState::Function;
using Operator = QueryBuilderState::Operator;
using Fill = QueryBuilderState::Fill;
using GroupByTime = QueryBuilderState::GroupByTime;
using TimeRange = QueryBuilderState::TimeRange;

Q_DECLARE_METATYPE(QueryBuilderState)

namespace {

constexpr int LoadTimeout = 20000;
constexpr qint64 Second = 1'000'000'000;
constexpr qint64 Hour = 3600 * Second;

// database "db", measurement "m", the last hour: the starting point of most rows.
QueryBuilderState base()
{
    QueryBuilderState state;
    state.database = u"db"_s;
    state.measurement = u"m"_s;
    return state;
}

QueryBuilderState::FieldSelection field(const QString &name, Function function = Function::Raw)
{
    return {.field = name, .function = function};
}

Timestamp rfc3339(const char *text)
{
    return Timestamp::fromRfc3339(QByteArrayView(text)).value();
}

template<typename T>
T *child(const QObject &parent, const QString &name)
{
    T *object = parent.findChild<T *>(name);
    if (!object)
        qWarning("no child %s", qPrintable(name));
    return object;
}

QStringList items(const QComboBox *box)
{
    QStringList list;
    for (int i = 0; i < box->count(); ++i)
        list.append(box->itemText(i));
    return list;
}

QStringList listItems(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}

// Types into an editable picker, then dismisses its completion popup as a user would (Escape),
// so that the popup does not swallow the next click.
void typeInto(QComboBox *box, const QString &text)
{
    QTest::keyClicks(box->lineEdit(), text);
    if (QWidget *popup = box->completer()->popup(); popup && popup->isVisible())
        QTest::keyClick(popup, Qt::Key_Escape);
}

// The timestamp of the hour that started `hours` hours before the current one.
Timestamp hourStart(int hoursBack)
{
    const qint64 now = Timestamp(std::chrono::system_clock::now()).nanoseconds();
    return Timestamp::fromNanoseconds(now - now % Hour - hoursBack * Hour);
}

} // namespace

class tst_QueryBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void influxql_data();
    void influxql();
    void autoInterval_data();
    void autoInterval();
    void durationText();
    void problems_data();
    void problems();

    void serverAcceptsTheQueries_data();
    void serverAcceptsTheQueries();
    void formRoundTripsItsState();
    void formThroughWidgets();
    void valuePickerAndFilters();
    void problemDisablesRun();
    void autoIntervalFollowsChartWidth();
    void unknownDatabaseShowsTheError();

private:
    std::unique_ptr<Client> m_client;
    QString m_db;
    Timestamp m_hour; // the first of the two hours the data covers
};

void tst_QueryBuilder::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(), "run through ctest: the influxd fixture is needed");
    m_client = std::make_unique<Client>(ClientOptions {.baseUrls = {url}});
    m_db = TestSupport::uniqueName(u"builder"_s);
    Error error;
    TestSupport::query(*m_client, u"CREATE DATABASE "_s + Source::quoteIdentifier(m_db), {},
                       &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));

    // Two hosts over the last two whole hours. Hourly means: a → 2, 10; b → 5, 8.
    m_hour = hourStart(2);
    const auto at = [this](int minutes) {
        return QByteArray::number(m_hour.nanoseconds() + minutes * 60 * Second);
    };
    const QByteArray lines =
            R"(cpu\ load,host=a,data\ center=o'brien usage\ "user"=1.0,state="ok" )" + at(10) + "\n"
            + R"(cpu\ load,host=a,data\ center=o'brien usage\ "user"=3.0,state="ok" )" + at(20)
            + "\n" + R"(cpu\ load,host=a,data\ center=o'brien usage\ "user"=10.0,state="busy" )"
            + at(70) + "\n" + R"(cpu\ load,host=b,data\ center=eu/west usage\ "user"=5.0 )" + at(10)
            + "\n" + R"(cpu\ load,host=b,data\ center=eu/west usage\ "user"=7.0 )" + at(75) + "\n"
            + R"(cpu\ load,host=b,data\ center=eu/west usage\ "user"=9.0 )" + at(85) + "\n"
            + "mem,host=a free=1i " + at(10) + "\n";
    error = TestSupport::writeLines(*m_client, lines, WriteOptions {.database = m_db});
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_QueryBuilder::cleanupTestCase()
{
    if (m_client && !m_db.isEmpty())
        TestSupport::query(*m_client, u"DROP DATABASE "_s + Source::quoteIdentifier(m_db));
}

void tst_QueryBuilder::influxql_data()
{
    QTest::addColumn<QueryBuilderState>("state");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("expected");

    QTest::newRow("minimal") << base() << 800
                             << uR"(SELECT * FROM "db".."m" WHERE time > now() - 1h)"_s;

    QueryBuilderState s = base();
    s.database = u"telegraf"_s;
    s.retentionPolicy = u"autogen"_s;
    s.measurement = u"cpu"_s;
    s.fields = {field(u"usage_idle"_s), field(u"usage_user"_s)};
    QTest::newRow("qualified, raw fields")
            << s << 800
            << uR"(SELECT "usage_idle","usage_user" FROM "telegraf"."autogen"."cpu" WHERE time > now() - 1h)"_s;

    s = base();
    s.database = u"my db"_s;
    s.retentionPolicy = uR"(r"p)"_s;
    s.measurement = u"cpu load"_s;
    s.fields = {field(uR"(usage "user")"_s, Function::Mean)};
    s.fields[0].alias = u"o'avg"_s;
    s.filters = {{.key = u"data center"_s, .op = Operator::Equal, .value = u"o'brien"_s},
                 {.key = uR"(back\slash)"_s, .op = Operator::NotEqual, .value = uR"(c:\)"_s}};
    s.groupByTags = {u"data center"_s};
    QTest::newRow("odd names are quoted")
            << s << 800
            << uR"(SELECT mean("usage \"user\"") AS "o'avg" FROM "my db"."r\"p"."cpu load" WHERE time > now() - 1h AND "data center" = 'o\'brien' AND "back\\slash" != 'c:\\' GROUP BY "data center")"_s;

    s = base();
    s.filters = {{.key = u"host"_s, .op = Operator::Matches, .value = uR"(^web-\d+$)"_s},
                 {.key = u"path"_s, .op = Operator::NotMatches, .value = u"^/var/log/"_s},
                 {.key = u"dir"_s, .op = Operator::Equal, .value = u"a/b"_s}};
    QTest::newRow("regex values, / escaped")
            << s << 800
            << uR"(SELECT * FROM "db".."m" WHERE time > now() - 1h AND "host" =~ /^web-\d+$/ AND "path" !~ /^\/var\/log\// AND "dir" = 'a/b')"_s;

    s = base();
    s.measurement = u"^cpu|mem/x$"_s;
    s.measurementIsRegex = true;
    QTest::newRow("regex measurement")
            << s << 800 << uR"(SELECT * FROM "db"../^cpu|mem\/x$/ WHERE time > now() - 1h)"_s;
    s.retentionPolicy = u"rp"_s;
    QTest::newRow("regex measurement with policy")
            << s << 800 << uR"(SELECT * FROM "db"."rp"./^cpu|mem\/x$/ WHERE time > now() - 1h)"_s;

    const QList<std::pair<Function, QString>> functions = {
            {Function::Mean, u"mean"_s},         {Function::Median, u"median"_s},
            {Function::Count, u"count"_s},       {Function::Sum, u"sum"_s},
            {Function::Min, u"min"_s},           {Function::Max, u"max"_s},
            {Function::First, u"first"_s},       {Function::Last, u"last"_s},
            {Function::Spread, u"spread"_s},     {Function::Stddev, u"stddev"_s},
            {Function::Mode, u"mode"_s},         {Function::Distinct, u"distinct"_s},
            {Function::Integral, u"integral"_s},
    };
    for (const auto &[function, name] : functions) {
        s = base();
        s.fields = {field(u"v"_s, function)};
        QTest::addRow("function %s", qPrintable(name))
                << s << 800
                << uR"(SELECT %1("v") FROM "db".."m" WHERE time > now() - 1h)"_s.arg(name);
    }
    s = base();
    s.fields = {field(u"v"_s, Function::Percentile), field(u"v"_s, Function::Percentile)};
    s.fields[1].percentile = 99.9;
    QTest::newRow("percentile")
            << s << 800
            << uR"(SELECT percentile("v", 95),percentile("v", 99.9) FROM "db".."m" WHERE time > now() - 1h)"_s;

    s = base();
    s.fields = {field(u"*"_s, Function::Count), field(u""_s, Function::Mean)};
    s.filters = {{.key = QString(), .value = u"ignored"_s}};
    QTest::newRow("wildcard, incomplete rows left out")
            << s << 800 << uR"(SELECT count(*) FROM "db".."m" WHERE time > now() - 1h)"_s;
    s.fields = {field(u"*"_s)};
    s.fields[0].alias = u"no"_s;
    QTest::newRow("bare wildcard has no alias")
            << s << 800 << uR"(SELECT * FROM "db".."m" WHERE time > now() - 1h)"_s;

    s = base();
    s.fields = {field(u"v"_s, Function::Max), field(u"host"_s)};
    QTest::newRow("one selector with a raw field")
            << s << 800 << uR"(SELECT max("v"),"host" FROM "db".."m" WHERE time > now() - 1h)"_s;

    for (const auto &[seconds, text] : QList<std::pair<qint64, QString>> {{300, u"5m"_s},
                                                                          {900, u"15m"_s},
                                                                          {86400, u"1d"_s},
                                                                          {2 * 86400, u"2d"_s},
                                                                          {30 * 86400, u"30d"_s}}) {
        s = base();
        s.quickRangeSeconds = seconds;
        QTest::addRow("quick range %s", qPrintable(text))
                << s << 800 << uR"(SELECT * FROM "db".."m" WHERE time > now() - %1)"_s.arg(text);
    }

    s = base();
    s.timeRange = TimeRange::Absolute;
    s.from = rfc3339("2024-01-02T03:04:05.123456789Z");
    s.to = rfc3339("2024-01-02T04:00:00Z");
    QTest::newRow("absolute range, nanoseconds")
            << s << 800
            << uR"(SELECT * FROM "db".."m" WHERE time >= '2024-01-02T03:04:05.123456789Z' AND time <= '2024-01-02T04:00:00Z')"_s;

    s = base();
    s.timeRange = TimeRange::All;
    QTest::newRow("no time range") << s << 800 << uR"(SELECT * FROM "db".."m")"_s;
    s.filters = {{.key = u"host"_s, .value = QString()}};
    QTest::newRow("no time range, empty value")
            << s << 800 << uR"(SELECT * FROM "db".."m" WHERE "host" = '')"_s;

    // Automatic interval: range / width rounded up to a step.
    const QList<std::tuple<qint64, int, QString>> autos = {
            {3600, 800, u"5s"_s}, // 4.5 s per pixel
            {7 * 86400, 1000, u"15m"_s}, // 604.8 s
            {30 * 86400, 500, u"2h"_s}, // 5184 s
            {300, 1000, u"1s"_s}, // 0.3 s
            {86400, 96, u"15m"_s}, // exactly 900 s
            {86400, 95, u"30m"_s}, // a little over 900 s
    };
    for (const auto &[seconds, width, interval] : autos) {
        s = base();
        s.quickRangeSeconds = seconds;
        s.fields = {field(u"v"_s, Function::Mean)};
        s.groupByTime = GroupByTime::Auto;
        QTest::addRow("auto %llds / %dpx", seconds, width)
                << s << width
                << uR"(SELECT mean("v") FROM "db".."m" WHERE time > now() - %1 GROUP BY time(%2))"_s
                           .arg(QueryBuilderState::durationText(seconds), interval);
    }
    s = base();
    s.timeRange = TimeRange::Absolute;
    s.from = rfc3339("2024-01-01T00:00:00Z");
    s.to = rfc3339("2024-01-01T01:00:00Z");
    s.fields = {field(u"v"_s, Function::Max)};
    s.groupByTime = GroupByTime::Auto;
    QTest::newRow("auto absolute 1h / 3600px")
            << s << 3600
            << uR"(SELECT max("v") FROM "db".."m" WHERE time >= '2024-01-01T00:00:00Z' AND time <= '2024-01-01T01:00:00Z' GROUP BY time(1s))"_s;

    s = base();
    s.fields = {field(u"v"_s, Function::Mean)};
    s.groupByTime = GroupByTime::Explicit;
    s.interval = u"10m"_s;
    s.groupByTags = {u"host"_s, u"data center"_s};
    s.fill = Fill::None;
    QTest::newRow("explicit interval, tags, fill(none)")
            << s << 800
            << uR"(SELECT mean("v") FROM "db".."m" WHERE time > now() - 1h GROUP BY time(10m),"host","data center" fill(none))"_s;

    const QList<std::tuple<Fill, double, QString>> fills = {
            {Fill::Null, 0, u"null"_s},      {Fill::Previous, 0, u"previous"_s},
            {Fill::Linear, 0, u"linear"_s},  {Fill::Number, 0, u"0"_s},
            {Fill::Number, -1.5, u"-1.5"_s}, {Fill::Number, 100, u"100"_s},
    };
    for (const auto &[fill, value, text] : fills) {
        s = base();
        s.fields = {field(u"v"_s, Function::Sum)};
        s.groupByTime = GroupByTime::Explicit;
        s.interval = u"1h"_s;
        s.fill = fill;
        s.fillValue = value;
        QTest::addRow("fill(%s)", qPrintable(text))
                << s << 800
                << uR"(SELECT sum("v") FROM "db".."m" WHERE time > now() - 1h GROUP BY time(1h) fill(%1))"_s
                           .arg(text);
    }

    s = base();
    s.order = Influx::SelectQuery::Order::Descending;
    s.limit = 10;
    s.slimit = 5;
    s.timeZone = u"Europe/Helsinki"_s;
    QTest::newRow("order desc, limit, slimit, tz")
            << s << 800
            << uR"(SELECT * FROM "db".."m" WHERE time > now() - 1h ORDER BY time DESC LIMIT 10 SLIMIT 5 tz('Europe/Helsinki'))"_s;
}

void tst_QueryBuilder::influxql()
{
    QFETCH(QueryBuilderState, state);
    QFETCH(int, width);
    QFETCH(QString, expected);
    QCOMPARE(state.toInfluxQL(width), expected);
    QCOMPARE(state.toQuery(width).toString(), expected);
}

void tst_QueryBuilder::autoInterval_data()
{
    QTest::addColumn<qint64>("rangeNs");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty range") << qint64(0) << 800 << u"1s"_s;
    QTest::newRow("1 s per px") << 1000 * Second << 1000 << u"1s"_s;
    QTest::newRow("1 ns over 1 s") << 1000 * Second + 1 << 1000 << u"2s"_s;
    QTest::newRow("12 s") << 12 * Second << 1 << u"15s"_s;
    QTest::newRow("45 s") << 45 * Second << 1 << u"1m"_s;
    QTest::newRow("2.5 h") << 9000 * Second << 1 << u"3h"_s;
    QTest::newRow("7 h") << 7 * Hour << 1 << u"12h"_s;
    QTest::newRow("13 h") << 13 * Hour << 1 << u"1d"_s;
    QTest::newRow("2 days") << 48 * Hour << 1 << u"7d"_s;
    QTest::newRow("beyond a week: whole days") << 365 * 24 * Hour << 10 << u"37d"_s;
    QTest::newRow("width 0 counts as 1") << Hour << 0 << u"1h"_s;
}

void tst_QueryBuilder::autoInterval()
{
    QFETCH(qint64, rangeNs);
    QFETCH(int, width);
    QFETCH(QString, expected);
    QCOMPARE(QueryBuilderState::autoInterval(rangeNs, width), expected);
}

void tst_QueryBuilder::durationText()
{
    QCOMPARE(QueryBuilderState::durationText(86400), u"1d"_s);
    QCOMPARE(QueryBuilderState::durationText(7 * 86400), u"7d"_s);
    QCOMPARE(QueryBuilderState::durationText(3600), u"1h"_s);
    QCOMPARE(QueryBuilderState::durationText(5400), u"90m"_s);
    QCOMPARE(QueryBuilderState::durationText(90), u"90s"_s);
    QCOMPARE(QueryBuilderState::durationText(0), u"0s"_s);
}

void tst_QueryBuilder::problems_data()
{
    QTest::addColumn<QueryBuilderState>("state");
    QTest::addColumn<QString>("keyword"); // empty: no problem

    QueryBuilderState s = base();
    QTest::newRow("fine") << s << QString();
    s.database.clear();
    QTest::newRow("no database") << s << u"database"_s;
    s = base();
    s.measurement.clear();
    QTest::newRow("no measurement") << s << u"measurement"_s;
    s.measurementIsRegex = true;
    QTest::newRow("no pattern") << s << u"pattern"_s;

    s = base();
    s.fields = {field(u"a"_s), field(u"b"_s, Function::Mean)};
    QTest::newRow("raw with aggregate") << s << u"mixed"_s;
    s.fields = {field(u"a"_s), field(u"b"_s, Function::Max)};
    QTest::newRow("raw with one selector") << s << QString();
    s.fields = {field(u"a"_s), field(u"b"_s, Function::Max), field(u"c"_s, Function::First)};
    QTest::newRow("raw with two selectors") << s << u"mixed"_s;
    s.fields = {field(u"b"_s, Function::Max), field(u"c"_s, Function::Mean)};
    QTest::newRow("only functions") << s << QString();
    s.fields = {field(u"b"_s, Function::Distinct), field(u"c"_s, Function::Count)};
    QTest::newRow("distinct with another") << s << u"distinct"_s;
    s.fields = {field(u"b"_s, Function::Percentile)};
    s.fields[0].percentile = 101;
    QTest::newRow("percentile over 100") << s << u"percentile"_s;

    s = base();
    s.fill = Fill::Previous;
    s.fields = {field(u"v"_s, Function::Mean)};
    QTest::newRow("fill without GROUP BY time") << s << u"fill"_s;
    s.groupByTime = GroupByTime::Explicit;
    s.interval = u"10 minutes"_s;
    QTest::newRow("interval not a duration") << s << u"duration"_s;
    s.interval = u"1h30m"_s;
    QTest::newRow("compound interval") << s << QString();
    s.fill = Fill::Number;
    s.fillValue = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("fill number not a number") << s << u"number"_s;

    s = base();
    s.groupByTime = GroupByTime::Explicit;
    s.interval = u"1h"_s;
    QTest::newRow("GROUP BY time without function") << s << u"GROUP BY time"_s;
    s.fields = {field(u"v"_s, Function::Mean)};
    s.groupByTime = GroupByTime::Auto;
    s.timeRange = TimeRange::All;
    QTest::newRow("auto interval without range") << s << u"time range"_s;

    s = base();
    s.timeRange = TimeRange::Absolute;
    s.from = rfc3339("2024-01-02T00:00:00Z");
    s.to = rfc3339("2024-01-01T00:00:00Z");
    QTest::newRow("range ends before it starts") << s << u"ends before"_s;
    s.to = s.from;
    QTest::newRow("one instant") << s << QString();
    s = base();
    s.quickRangeSeconds = 0;
    QTest::newRow("empty quick range") << s << u"longer"_s;
}

void tst_QueryBuilder::problems()
{
    QFETCH(QueryBuilderState, state);
    QFETCH(QString, keyword);
    const QString problem = state.problem();
    if (keyword.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(keyword, Qt::CaseInsensitive), qPrintable(problem));
}

namespace {

// host tag → the values of `column`, in time order, of every series.
QMap<QString, QList<double>> valuesByHost(const QueryResult &result, const QString &column)
{
    QMap<QString, QList<double>> values;
    for (const Series &series : result.allSeries()) {
        const qsizetype index = series.columnIndex(column);
        for (qsizetype row = 0; row < series.rowCount(); ++row)
            values[series.tags().value(u"host"_s)].append(series.floatAt(row, index));
    }
    return values;
}

QList<Timestamp> times(const Series &series)
{
    QList<Timestamp> list;
    for (qsizetype row = 0; row < series.rowCount(); ++row)
        list.append(series.timeAt(row, 0));
    return list;
}

} // namespace

void tst_QueryBuilder::serverAcceptsTheQueries_data()
{
    QTest::addColumn<QueryBuilderState>("state");
    QTest::addColumn<int>("series");

    QueryBuilderState s;
    s.database = m_db;
    s.measurement = u"cpu load"_s;
    s.quickRangeSeconds = 6 * 3600;
    const QueryBuilderState cpu = s;
    const QString usage = uR"(usage "user")"_s;

    s.fields = {field(usage, Function::Mean)};
    s.filters = {{.key = u"data center"_s, .op = Operator::Equal, .value = u"o'brien"_s}};
    s.groupByTags = {u"data center"_s};
    QTest::newRow("odd names") << s << 1;
    s.filters = {{.key = u"data center"_s, .op = Operator::Matches, .value = u"^eu/"_s}};
    QTest::newRow("regex value with /") << s << 1;
    s.filters = {{.key = u"data center"_s, .op = Operator::NotMatches, .value = u"^eu/"_s},
                 {.key = u"host"_s, .op = Operator::NotEqual, .value = u"b"_s}};
    QTest::newRow("!~ and !=") << s << 1;

    s = cpu;
    s.retentionPolicy = u"autogen"_s;
    s.measurement = u"^cpu"_s;
    s.measurementIsRegex = true;
    QTest::newRow("regex measurement") << s << 1;

    for (const Function function : QueryBuilderState::functions()) {
        s = cpu;
        s.fields = {field(usage, function)};
        s.groupByTags = {u"host"_s};
        QTest::addRow("function %s", qPrintable(QueryBuilderState::functionName(function)))
                << s << 2;
    }

    s = cpu;
    s.fields = {field(usage, Function::Max), field(u"state"_s)};
    QTest::newRow("selector with a raw field") << s << 1;

    s = cpu;
    s.fields = {field(usage, Function::Mean)};
    s.groupByTime = GroupByTime::Explicit;
    s.interval = u"30m"_s;
    s.groupByTags = {u"host"_s};
    s.fill = Fill::Number;
    s.fillValue = -1.5;
    s.order = Influx::SelectQuery::Order::Descending;
    s.limit = 3;
    s.slimit = 1;
    s.timeZone = u"Europe/Helsinki"_s;
    QTest::newRow("fill(-1.5), order, limits, tz") << s << 1;

    s = cpu;
    s.timeRange = TimeRange::Absolute;
    s.from = Timestamp::fromNanoseconds(m_hour.nanoseconds() + 10 * 60 * Second);
    s.to = Timestamp::fromNanoseconds(m_hour.nanoseconds() + 10 * 60 * Second + 1);
    s.groupByTags = {u"host"_s};
    QTest::newRow("absolute range, nanoseconds") << s << 2;
    s.from = Timestamp::fromNanoseconds(s.from.nanoseconds() + 1);
    QTest::newRow("absolute range one ns later") << s << 0;
}

void tst_QueryBuilder::serverAcceptsTheQueries()
{
    QFETCH(QueryBuilderState, state);
    QFETCH(int, series);
    QVERIFY2(state.problem().isEmpty(), qPrintable(state.problem()));
    const QString text = state.toInfluxQL(800);
    Error error;
    const QueryResult result =
            TestSupport::query(*m_client, text, QueryOptions {.database = m_db}, &error);
    QVERIFY2(!error.isError(), qPrintable(text + u": "_s + error.toString()));
    QVERIFY2(!result.hasErrors(), qPrintable(text + u": "_s + result.firstError().toString()));
    QCOMPARE(result.allSeries().size(), series);
}

void tst_QueryBuilder::formRoundTripsItsState()
{
    QueryBuilderForm form(m_client.get());
    form.show();
    QueryBuilderState s;
    s.database = m_db;
    s.retentionPolicy = u"autogen"_s;
    s.measurement = u"cpu load"_s;
    s.fields = {field(uR"(usage "user")"_s, Function::Percentile),
                field(u"state"_s, Function::Count)};
    s.fields[0].percentile = 99.5;
    s.fields[1].alias = u"n"_s;
    s.filters = {{.key = u"data center"_s, .op = Operator::Matches, .value = u"^eu/"_s},
                 {.key = u"host"_s, .op = Operator::NotEqual, .value = u"c"_s}};
    s.timeRange = TimeRange::Absolute;
    s.quickRangeSeconds = 3 * 3600; // not offered by the list: gets an item
    s.from = rfc3339("2024-01-02T03:04:05.123456789Z");
    s.to = rfc3339("2024-01-03T00:00:00.000000001Z");
    s.groupByTime = GroupByTime::Explicit;
    s.interval = u"1h30m"_s;
    s.groupByTags = {u"host"_s, u"data center"_s, u"not loaded"_s};
    s.fill = Fill::Number;
    s.fillValue = 2.25;
    s.order = Influx::SelectQuery::Order::Descending;
    s.limit = 7;
    s.slimit = 3;
    s.timeZone = u"Europe/Helsinki"_s;

    QSignalSpy changed(&form, &QueryBuilderForm::stateChanged);
    form.setState(s);
    QCOMPARE(changed.size(), 1); // one refresh, not one per widget
    QCOMPARE(form.state(), s);
    QCOMPARE(child<QPlainTextEdit>(form, u"preview"_s)->toPlainText(), s.toInfluxQL(800));
    QCOMPARE(form.influxQL(), s.toInfluxQL(800));
    // The schema arrives: lists fill, nothing chosen changes.
    QTRY_VERIFY_WITH_TIMEOUT(!form.isLoadingSchema(), LoadTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(listItems(child<QListWidget>(form, u"groupByTags"_s)),
                              (QStringList {u"host"_s, u"data center"_s, u"not loaded"_s}),
                              LoadTimeout);
    QCOMPARE(form.state(), s);

    s.timeRange = TimeRange::Quick;
    form.setState(s);
    QCOMPARE(child<QComboBox>(form, u"timeRange"_s)->currentText(), u"Last 3h"_s);
    QCOMPARE(form.state(), s);
    // Editing the edits drops the nanoseconds the edits cannot show.
    s.timeRange = TimeRange::Absolute;
    form.setState(s);
    auto *from = child<QDateTimeEdit>(form, u"from"_s);
    from->setDateTime(from->dateTime().addSecs(1));
    QCOMPARE(form.state().from, rfc3339("2024-01-02T03:04:06.123Z"));
    QCOMPARE(form.state().to, s.to);

    const QueryBuilderState empty;
    form.setState(empty);
    QCOMPARE(form.state(), empty);
    QCOMPARE(form.findChildren<FieldSelectionRow *>().size(), 0);
}

void tst_QueryBuilder::formThroughWidgets()
{
    QueryBuilderForm form(m_client.get());
    form.resize(900, 700);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.setDatabases({u"_internal"_s, m_db});

    // Typing the database name loads its measurements.
    auto *database = child<QComboBox>(form, u"database"_s);
    QCOMPARE(items(database), (QStringList {u"_internal"_s, m_db}));
    typeInto(database, m_db);
    QCOMPARE(database->currentText(), m_db);
    auto *measurement = child<QComboBox>(form, u"measurement"_s);
    QTRY_COMPARE_WITH_TIMEOUT(items(measurement), (QStringList {u"cpu load"_s, u"mem"_s}),
                              LoadTimeout);
    QCOMPARE(items(child<QComboBox>(form, u"retentionPolicy"_s)), QStringList {u"autogen"_s});
    QCOMPARE(child<QComboBox>(form, u"retentionPolicy"_s)->lineEdit()->placeholderText(),
             u"default (autogen)"_s);
    measurement->setCurrentIndex(measurement->findText(u"cpu load"_s));
    QCOMPARE(form.problem(), QString());

    // A field row: the field keys come with their types.
    QTest::mouseClick(child<QPushButton>(form, u"addField"_s), Qt::LeftButton);
    const QList<FieldSelectionRow *> rows = form.findChildren<FieldSelectionRow *>();
    QCOMPARE(rows.size(), 1);
    QTRY_VERIFY(rows[0]->isVisible()); // a widget added to a shown one is shown from the loop
    auto *fieldBox = child<QComboBox>(*rows[0], u"field"_s);
    const QString usage = uR"(usage "user")"_s;
    QTRY_COMPARE_WITH_TIMEOUT(items(fieldBox), (QStringList {u"*"_s, u"state"_s, usage}),
                              LoadTimeout);
    auto *function = child<QComboBox>(*rows[0], u"function"_s);
    const int meanIndex = function->findData(int(Function::Mean));
    const auto *functionModel = qobject_cast<QStandardItemModel *>(function->model());
    QVERIFY(functionModel);
    fieldBox->setCurrentIndex(fieldBox->findText(u"state"_s)); // a string field: no mean()
    QVERIFY(!functionModel->item(meanIndex)->isEnabled());
    QVERIFY(functionModel->item(function->findData(int(Function::Count)))->isEnabled());
    fieldBox->setCurrentIndex(fieldBox->findText(usage));
    QVERIFY(functionModel->item(meanIndex)->isEnabled());
    function->setCurrentIndex(meanIndex);

    auto *range = child<QComboBox>(form, u"timeRange"_s);
    range->setCurrentIndex(range->findData(qint64(6 * 3600)));
    auto *groupByTime = child<QComboBox>(form, u"groupByTime"_s);
    groupByTime->setCurrentIndex(groupByTime->findData(int(GroupByTime::Explicit)));
    QTest::keyClicks(child<QLineEdit>(form, u"interval"_s), u"1h"_s);
    auto *tags = child<QListWidget>(form, u"groupByTags"_s);
    QCOMPARE(listItems(tags), (QStringList {u"data center"_s, u"host"_s}));
    tags->item(1)->setCheckState(Qt::Checked);
    auto *fill = child<QComboBox>(form, u"fill"_s);
    fill->setCurrentIndex(fill->findData(int(Fill::None)));

    const QString expected =
            uR"(SELECT mean("usage \"user\"") FROM "%1".."cpu load" WHERE time > now() - 6h GROUP BY time(1h),"host" fill(none))"_s
                    .arg(m_db);
    QCOMPARE(child<QPlainTextEdit>(form, u"preview"_s)->toPlainText(), expected);
    QCOMPARE(child<QLabel>(form, u"problem"_s)->text(), QString());

    QSignalSpy run(&form, &QueryBuilderForm::runRequested);
    QSignalSpy open(&form, &QueryBuilderForm::openInEditorRequested);
    QTest::mouseClick(child<QPushButton>(form, u"run"_s), Qt::LeftButton);
    QCOMPARE(run.size(), 1);
    QCOMPARE(run[0][0].toString(), expected);
    QCOMPARE(run[0][1].toString(), m_db);
    QTest::mouseClick(child<QPushButton>(form, u"openInEditor"_s), Qt::LeftButton);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open[0][0].toString(), expected);
    QCOMPARE(open[0][1].toString(), m_db);

    Error error;
    const QueryResult result = TestSupport::query(*m_client, run[0][0].toString(),
                                                  QueryOptions {.database = m_db}, &error);
    QVERIFY2(!error.isError() && !result.hasErrors(), qPrintable(error.toString()));
    QCOMPARE(result.allSeries().size(), 2);
    QCOMPARE(valuesByHost(result, u"mean"_s),
             (QMap<QString, QList<double>> {{u"a"_s, {2.0, 10.0}}, {u"b"_s, {5.0, 8.0}}}));
    const QList<Timestamp> hours = {m_hour,
                                    Timestamp::fromNanoseconds(m_hour.nanoseconds() + Hour)};
    QCOMPARE(times(result.allSeries()[0]), hours);
    QCOMPARE(times(result.allSeries()[1]), hours);

    // Removing the field row goes back to SELECT *, which GROUP BY time cannot take.
    QTest::mouseClick(child<QToolButton>(*rows[0], u"remove"_s), Qt::LeftButton);
    QTRY_COMPARE(form.findChildren<FieldSelectionRow *>().size(), 0);
    QVERIFY(form.influxQL().startsWith(u"SELECT * FROM"_s));
    QVERIFY(!child<QPushButton>(form, u"run"_s)->isEnabled());
}

void tst_QueryBuilder::valuePickerAndFilters()
{
    QueryBuilderForm form(m_client.get());
    form.show();
    QueryBuilderState s;
    s.database = m_db;
    s.measurement = u"cpu load"_s;
    s.quickRangeSeconds = 6 * 3600;
    s.fields = {field(uR"(usage "user")"_s, Function::Max)};
    s.groupByTags = {u"host"_s};
    form.setState(s);

    QTest::mouseClick(child<QPushButton>(form, u"addFilter"_s), Qt::LeftButton);
    const QList<TagFilterRow *> rows = form.findChildren<TagFilterRow *>();
    QCOMPARE(rows.size(), 1);
    QTRY_VERIFY(rows[0]->isVisible());
    auto *key = child<QComboBox>(*rows[0], u"tagKey"_s);
    QTRY_COMPARE_WITH_TIMEOUT(items(key), (QStringList {u"data center"_s, u"host"_s}), LoadTimeout);
    // Choosing a key fills the value picker with that key's values from the server.
    auto *value = child<QComboBox>(*rows[0], u"tagValue"_s);
    key->setCurrentIndex(key->findText(u"data center"_s));
    QTRY_COMPARE_WITH_TIMEOUT(items(value), (QStringList {u"eu/west"_s, u"o'brien"_s}),
                              LoadTimeout);
    value->setCurrentIndex(value->findText(u"o'brien"_s));
    QVERIFY2(form.influxQL().contains(uR"( AND "data center" = 'o\'brien' GROUP BY "host")"_s),
             qPrintable(form.influxQL()));
    key->setCurrentIndex(key->findText(u"host"_s));
    QTRY_COMPARE_WITH_TIMEOUT(items(value), (QStringList {u"a"_s, u"b"_s}), LoadTimeout);

    QSignalSpy run(&form, &QueryBuilderForm::runRequested);
    const auto runAndHosts = [&] {
        run.clear();
        QTest::mouseClick(child<QPushButton>(form, u"run"_s), Qt::LeftButton);
        Error error;
        const QueryResult result = TestSupport::query(*m_client, run.value(0).value(0).toString(),
                                                      QueryOptions {.database = m_db}, &error);
        if (error.isError() || result.hasErrors())
            qWarning("%s", qPrintable(error.toString() + result.firstError().toString()));
        return valuesByHost(result, u"max"_s);
    };
    key->setCurrentIndex(key->findText(u"data center"_s));
    QTRY_COMPARE_WITH_TIMEOUT(items(value).size(), 2, LoadTimeout);
    value->setCurrentIndex(value->findText(u"o'brien"_s));
    QCOMPARE(runAndHosts(), (QMap<QString, QList<double>> {{u"a"_s, {10.0}}}));

    // A regex: what is typed into the value picker, '/' escaped.
    auto *op = child<QComboBox>(*rows[0], u"operator"_s);
    op->setCurrentIndex(op->findData(int(Operator::Matches)));
    value->setEditText(QString());
    typeInto(value, u"^eu/"_s);
    QVERIFY2(form.influxQL().contains(uR"( AND "data center" =~ /^eu\// GROUP BY)"_s),
             qPrintable(form.influxQL()));
    QCOMPARE(runAndHosts(), (QMap<QString, QList<double>> {{u"b"_s, {9.0}}}));
    op->setCurrentIndex(op->findData(int(Operator::NotMatches)));
    QCOMPARE(runAndHosts(), (QMap<QString, QList<double>> {{u"a"_s, {10.0}}}));

    // Two conditions are combined with AND; removing one drops it from the text.
    QTest::mouseClick(child<QPushButton>(form, u"addFilter"_s), Qt::LeftButton);
    TagFilterRow *second = form.findChildren<TagFilterRow *>().value(1);
    QVERIFY(second);
    QTRY_VERIFY(second->isVisible());
    auto *secondKey = child<QComboBox>(*second, u"tagKey"_s);
    QCOMPARE(items(secondKey), (QStringList {u"data center"_s, u"host"_s}));
    secondKey->setCurrentIndex(secondKey->findText(u"host"_s));
    auto *secondValue = child<QComboBox>(*second, u"tagValue"_s);
    QTRY_COMPARE_WITH_TIMEOUT(items(secondValue), (QStringList {u"a"_s, u"b"_s}), LoadTimeout);
    secondValue->setCurrentIndex(secondValue->findText(u"b"_s));
    QCOMPARE(runAndHosts(), (QMap<QString, QList<double>> {}));
    QTest::mouseClick(child<QToolButton>(*rows[0], u"remove"_s), Qt::LeftButton);
    QCOMPARE(form.state().filters,
             (QList<QueryBuilderState::TagFilter> {{.key = u"host"_s, .value = u"b"_s}}));
    QCOMPARE(runAndHosts(), (QMap<QString, QList<double>> {{u"b"_s, {9.0}}}));
}

void tst_QueryBuilder::problemDisablesRun()
{
    QueryBuilderForm form(m_client.get());
    form.show();
    auto *runButton = child<QPushButton>(form, u"run"_s);
    auto *problem = child<QLabel>(form, u"problem"_s);
    QVERIFY(!runButton->isEnabled()); // nothing chosen yet
    QVERIFY(!problem->text().isEmpty());

    QueryBuilderState s = base();
    s.database = m_db;
    s.fill = Fill::Linear;
    form.setState(s);
    QVERIFY(!runButton->isEnabled());
    QCOMPARE(problem->text(), s.problem());
    QSignalSpy run(&form, &QueryBuilderForm::runRequested);
    form.run();
    QCOMPARE(run.size(), 0);

    // Fixed through the widgets: a function and an interval.
    QTest::mouseClick(child<QPushButton>(form, u"addField"_s), Qt::LeftButton);
    FieldSelectionRow *row = form.findChildren<FieldSelectionRow *>().value(0);
    QVERIFY(row);
    QTRY_VERIFY(row->isVisible());
    typeInto(child<QComboBox>(*row, u"field"_s), u"v"_s);
    auto *function = child<QComboBox>(*row, u"function"_s);
    function->setCurrentIndex(function->findData(int(Function::Percentile)));
    auto *percentile = child<QDoubleSpinBox>(*row, u"percentile"_s);
    QVERIFY(percentile->isVisible());
    function->setCurrentIndex(function->findData(int(Function::Median)));
    QVERIFY(!percentile->isVisible());
    function->setCurrentIndex(function->findData(int(Function::Percentile)));
    percentile->setValue(50);
    auto *groupByTime = child<QComboBox>(form, u"groupByTime"_s);
    groupByTime->setCurrentIndex(groupByTime->findData(int(GroupByTime::Explicit)));
    auto *interval = child<QLineEdit>(form, u"interval"_s);
    QTest::keyClicks(interval, u"5 min"_s);
    QVERIFY(!runButton->isEnabled());
    QVERIFY(problem->text().contains(u"duration"_s));
    interval->clear();
    QTest::keyClicks(interval, u"5m"_s);
    QVERIFY2(runButton->isEnabled(), qPrintable(problem->text()));
    QCOMPARE(problem->text(), QString());
    QTest::mouseClick(runButton, Qt::LeftButton);
    QCOMPARE(run.size(), 1);
    QCOMPARE(
            run[0][0].toString(),
            uR"(SELECT percentile("v", 50) FROM "%1".."m" WHERE time > now() - 1h GROUP BY time(5m) fill(linear))"_s
                    .arg(m_db));

    // A fill number that is not one.
    auto *fill = child<QComboBox>(form, u"fill"_s);
    fill->setCurrentIndex(fill->findData(int(Fill::Number)));
    auto *fillValue = child<QLineEdit>(form, u"fillValue"_s);
    QVERIFY(fillValue->isEnabled());
    fillValue->setText(u"-"_s);
    QVERIFY(!runButton->isEnabled());
    fillValue->setText(u"-3.5"_s);
    QVERIFY(runButton->isEnabled());
    QVERIFY(form.influxQL().endsWith(u" fill(-3.5)"_s));
}

void tst_QueryBuilder::autoIntervalFollowsChartWidth()
{
    QueryBuilderForm form(m_client.get());
    form.show();
    QueryBuilderState s;
    s.database = m_db;
    s.measurement = u"cpu load"_s;
    s.quickRangeSeconds = 6 * 3600;
    s.fields = {field(uR"(usage "user")"_s, Function::Mean)};
    s.groupByTime = GroupByTime::Auto;
    s.groupByTags = {u"host"_s};
    s.fill = Fill::None;
    form.setState(s);
    form.setChartWidth(6); // 6 h over 6 px: one point per hour
    auto *preview = child<QPlainTextEdit>(form, u"preview"_s);
    QVERIFY2(preview->toPlainText().contains(u"GROUP BY time(1h),\"host\" fill(none)"_s),
             qPrintable(preview->toPlainText()));
    QCOMPARE(child<QLabel>(form, u"autoInterval"_s)->text(), u"time(1h)"_s);

    QSignalSpy run(&form, &QueryBuilderForm::runRequested);
    form.run();
    QCOMPARE(run.size(), 1);
    Error error;
    const QueryResult result = TestSupport::query(*m_client, run[0][0].toString(),
                                                  QueryOptions {.database = m_db}, &error);
    QVERIFY2(!error.isError() && !result.hasErrors(), qPrintable(error.toString()));
    QCOMPARE(valuesByHost(result, u"mean"_s),
             (QMap<QString, QList<double>> {{u"a"_s, {2.0, 10.0}}, {u"b"_s, {5.0, 8.0}}}));

    form.setChartWidth(1440); // 15 s per pixel
    QVERIFY(preview->toPlainText().contains(u"GROUP BY time(15s)"_s));
    QCOMPARE(child<QLabel>(form, u"autoInterval"_s)->text(), u"time(15s)"_s);
}

void tst_QueryBuilder::unknownDatabaseShowsTheError()
{
    QueryBuilderForm form(m_client.get());
    form.show();
    QueryBuilderState s = base();
    s.database = TestSupport::uniqueName(u"missing"_s);
    form.setState(s);
    auto *status = child<QLabel>(form, u"schemaStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->isVisible(), LoadTimeout);
    QVERIFY2(status->text().contains(u"database not found"_s), qPrintable(status->text()));
    QCOMPARE(child<QComboBox>(form, u"measurement"_s)->count(), 0);
    QCOMPARE(form.state(), s); // nothing chosen is lost
}

QTEST_MAIN(tst_QueryBuilder)
#include "tst_querybuilder.moc"
