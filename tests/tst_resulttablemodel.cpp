// SPDX-License-Identifier: MIT
// ResultTableModel over a streaming QueryReply (rows served by the local fault server, so the
// chunks arrive exactly when the test says): progressive rows, fetchMore steps, formatting,
// sorting.
#include "client.h"
#include "faultserver.h"
#include "models/resulttablemodel.h"
#include "settings/preferences.h"

#include <QtNetwork/QTcpSocket>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;
using Explorer::Preferences;
using Explorer::ResultTableModel;
using TestSupport::FaultServer;

namespace {

QByteArray document(int firstRow, int rows, bool partial)
{
    QByteArray values;
    for (int i = firstRow; i < firstRow + rows; ++i) {
        if (!values.isEmpty())
            values += ',';
        values += "[\"1970-01-01T00:00:0" + QByteArray::number(i % 10) + ".000000001Z\","
                + QByteArray::number(i) + ".5," + (i % 2 ? "true" : "null") + ",\"s"
                + QByteArray::number(i) + "\"]";
    }
    const QByteArray more = partial ? ",\"partial\":true" : "";
    return R"({"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a","dc":"eu"},"columns":["time","v","ok","s"],"values":[)"
            + values + "]" + more + "}]" + more + "}]}\n";
}

} // namespace

class tst_ResultTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsAppearAsChunksArrive();
    void largeResultsAreExposedInSteps();
    void timesFollowPreferences();
    void sortingWaitsForTheLastRow();
    void sortByEachColumnType();
    void sortedRowsAreExposedInSteps();
};

void tst_ResultTableModel::rowsAppearAsChunksArrive()
{
    FaultServer server;
    QVERIFY(server.listen());
    QTcpSocket *socket = nullptr;
    server.setHandler([&socket](const FaultServer::Request &, QTcpSocket *s) {
        socket = s;
        FaultServer::beginChunked(s, 200, "application/json");
        FaultServer::writeChunk(s, document(0, 3, true));
    });
    Client client(ClientOptions {.baseUrls = {server.url()}});
    QPointer<QueryReply> reply = client.rawQuery(u"SELECT * FROM cpu GROUP BY *"_s);
    QSignalSpy firstRows(reply.data(), &QueryReply::rowsReceived);
    QVERIFY(firstRows.wait(10000));

    ResultTableModel model(reply, 0, 0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.title(), u"cpu dc=eu,host=a"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"v"_s);
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);

    FaultServer::writeChunk(socket, document(3, 2, false));
    FaultServer::endChunked(socket);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(inserted.first().at(2).toInt(), 4);

    // Display text, alignment and the raw value.
    QCOMPARE(model.data(model.index(4, 0)).toString(), u"1970-01-01T00:00:04.000000001Z"_s);
    QCOMPARE(model.data(model.index(4, 1)).toString(), u"4.5"_s);
    QCOMPARE(model.data(model.index(3, 2)).toString(), u"true"_s);
    QVERIFY(!model.data(model.index(4, 2)).isValid()); // null stays empty
    QCOMPARE(model.data(model.index(4, 3)).toString(), u"s4"_s);
    QCOMPARE(model.data(model.index(4, 1), Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(model.data(model.index(4, 0), ResultTableModel::RawValueRole).value<Timestamp>(),
             Timestamp::fromNanoseconds(4000000001));

    // Once finished, the model keeps its series: the reply may go.
    delete reply.data();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.data(model.index(2, 3)).toString(), u"s2"_s);
}

void tst_ResultTableModel::largeResultsAreExposedInSteps()
{
    const int total = 2 * ResultTableModel::FetchStep + 500;
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([total](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", document(0, total, false));
    });
    Client client(ClientOptions {.baseUrls = {server.url()}});
    QueryReply *reply = client.rawQuery(u"SELECT * FROM cpu GROUP BY *"_s);
    ResultTableModel model(reply, 0, 0); // created before any row arrived
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.availableRows(), total);
    QCOMPARE(model.rowCount(), ResultTableModel::FetchStep);
    QVERIFY(model.canFetchMore());
    model.fetchMore();
    QCOMPARE(model.rowCount(), 2 * ResultTableModel::FetchStep);
    model.fetchMore();
    QCOMPARE(model.rowCount(), total);
    QVERIFY(!model.canFetchMore());
    QCOMPARE(model.data(model.index(total - 1, 3)).toString(), u"s%1"_s.arg(total - 1));
}

namespace {

// A reply that finished with the given body (one document).
QueryReply *finishedReply(Client &client, FaultServer &server, const QByteArray &body)
{
    server.setHandler([body](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", body);
    });
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    reply->waitForFinished(10000);
    return reply;
}

QStringList column(const ResultTableModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.data(model.index(row, column)).toString());
    return texts;
}

} // namespace

void tst_ResultTableModel::timesFollowPreferences()
{
    FaultServer server;
    QVERIFY(server.listen());
    Client client(ClientOptions {.baseUrls = {server.url()}});
    QueryReply *reply = finishedReply(client, server, document(0, 3, false));
    QVERIFY(reply->isSuccess());
    ResultTableModel model(reply, 0, 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.data(model.index(2, 0)).toString(), u"1970-01-01T00:00:02.000000001Z"_s);

    Preferences preferences;
    preferences.timeFormat = Preferences::TimeFormat::EpochNanoseconds;
    model.setPreferences(preferences);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(2, 3));
    QCOMPARE(model.data(model.index(2, 0)).toString(), u"2000000001"_s);

    preferences.timeFormat = Preferences::TimeFormat::DateTime;
    model.setPreferences(preferences);
    QCOMPARE(model.data(model.index(2, 0)).toString(), u"1970-01-01 00:00:02.000000001"_s);
    // The raw value does not depend on the preferences.
    QCOMPARE(model.data(model.index(2, 0), ResultTableModel::RawValueRole).value<Timestamp>(),
             Timestamp::fromNanoseconds(2000000001));

    // A change that does not touch times repaints nothing.
    preferences.rowLimit = 5;
    model.setPreferences(preferences);
    QCOMPARE(changed.size(), 2);
}

void tst_ResultTableModel::sortingWaitsForTheLastRow()
{
    FaultServer server;
    QVERIFY(server.listen());
    QTcpSocket *socket = nullptr;
    server.setHandler([&socket](const FaultServer::Request &, QTcpSocket *s) {
        socket = s;
        FaultServer::beginChunked(s, 200, "application/json");
        FaultServer::writeChunk(s, document(0, 3, true));
    });
    Client client(ClientOptions {.baseUrls = {server.url()}});
    QueryReply *reply = client.rawQuery(u"SELECT * FROM cpu GROUP BY *"_s);
    QSignalSpy firstRows(reply, &QueryReply::rowsReceived);
    QVERIFY(firstRows.wait(10000));
    ResultTableModel model(reply, 0, 0);
    QSignalSpy completed(&model, &ResultTableModel::completed);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QVERIFY(!model.isComplete());

    model.sort(1, Qt::DescendingOrder); // still streaming: ignored
    QCOMPARE(layout.size(), 0);
    QCOMPARE(model.sortColumn(), -1);
    QCOMPARE(column(model, 1), (QStringList {u"0.5"_s, u"1.5"_s, u"2.5"_s}));

    FaultServer::writeChunk(socket, document(3, 2, false));
    FaultServer::endChunked(socket);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(completed.size(), 1);
    QVERIFY(model.isComplete());
    model.sort(1, Qt::DescendingOrder);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(model.sortColumn(), 1);
    QCOMPARE(column(model, 1), (QStringList {u"4.5"_s, u"3.5"_s, u"2.5"_s, u"1.5"_s, u"0.5"_s}));
}

void tst_ResultTableModel::sortByEachColumnType()
{
    // Rows in received order: t=3, t=1, t=2, t=4 (times in seconds).
    const QByteArray body = R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":)"
                            R"(["time","f","s","i","b"],"values":[)"
                            R"(["1970-01-01T00:00:03Z",2.5,"b",1,true],)"
                            R"(["1970-01-01T00:00:01Z",null,"a",3,false],)"
                            R"(["1970-01-01T00:00:02Z",9.25,"c",2,null],)"
                            R"(["1970-01-01T00:00:04Z",-1.5,"a",3,true]]}]}]})"
                            "\n";
    FaultServer server;
    QVERIFY(server.listen());
    Client client(ClientOptions {.baseUrls = {server.url()}});
    QueryReply *reply = finishedReply(client, server, body);
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    ResultTableModel model(reply, 0, 0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 4);
    // A persistent index (a selection, the current cell) follows its row.
    const QPersistentModelIndex third(model.index(2, 2)); // "c", t=2
    const auto times = [&model] {
        QStringList seconds;
        for (int row = 0; row < model.rowCount(); ++row)
            seconds.append(model.data(model.index(row, 0)).toString().mid(17, 2));
        return seconds;
    };

    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(times(), (QStringList {u"01"_s, u"02"_s, u"03"_s, u"04"_s}));
    QCOMPARE(third.row(), 1);
    QCOMPARE(third.data().toString(), u"c"_s);
    QCOMPARE(model.sourceRow(0), 1);

    // Floats: the maximum first, null last in either order.
    model.sort(1, Qt::DescendingOrder);
    QCOMPARE(column(model, 1), (QStringList {u"9.25"_s, u"2.5"_s, u"-1.5"_s, QString()}));
    QCOMPARE(third.row(), 0);
    model.sort(1, Qt::AscendingOrder);
    QCOMPARE(column(model, 1), (QStringList {u"-1.5"_s, u"2.5"_s, u"9.25"_s, QString()}));

    // Strings; equal values keep their received order (t=1 before t=4).
    model.sort(2, Qt::AscendingOrder);
    QCOMPARE(column(model, 2), (QStringList {u"a"_s, u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(times(), (QStringList {u"01"_s, u"04"_s, u"03"_s, u"02"_s}));

    // Integers, descending, stable as well.
    model.sort(3, Qt::DescendingOrder);
    QCOMPARE(column(model, 3), (QStringList {u"3"_s, u"3"_s, u"2"_s, u"1"_s}));
    QCOMPARE(times(), (QStringList {u"01"_s, u"04"_s, u"02"_s, u"03"_s}));

    // Booleans: false < true, null last.
    model.sort(4, Qt::AscendingOrder);
    QCOMPARE(column(model, 4), (QStringList {u"false"_s, u"true"_s, u"true"_s, QString()}));

    // -1: back to the received order.
    model.sort(-1, Qt::AscendingOrder);
    QCOMPARE(model.sortColumn(), -1);
    QCOMPARE(times(), (QStringList {u"03"_s, u"01"_s, u"02"_s, u"04"_s}));
    QCOMPARE(third.row(), 2);
    QCOMPARE(model.series().value(0, 0).value<Timestamp>(),
             Timestamp::fromNanoseconds(3000000000)); // the series itself never changes
}

void tst_ResultTableModel::sortedRowsAreExposedInSteps()
{
    const int total = 2 * ResultTableModel::FetchStep + 500;
    FaultServer server;
    QVERIFY(server.listen());
    Client client(ClientOptions {.baseUrls = {server.url()}});
    QueryReply *reply = finishedReply(client, server, document(0, total, false));
    QVERIFY(reply->isSuccess());
    ResultTableModel model(reply, 0, 0); // no model tester here: it fetches everything
    QCOMPARE(model.rowCount(), ResultTableModel::FetchStep);
    model.sort(1, Qt::DescendingOrder);
    // The largest values of all rows come first, not of the exposed ones only.
    QCOMPARE(model.rowCount(), ResultTableModel::FetchStep);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"%1.5"_s.arg(total - 1));
    QCOMPARE(model.data(model.index(0, 3)).toString(), u"s%1"_s.arg(total - 1));
    while (model.canFetchMore())
        model.fetchMore();
    QCOMPARE(model.rowCount(), total);
    QCOMPARE(model.data(model.index(total - 1, 1)).toString(), u"0.5"_s);
}

QTEST_GUILESS_MAIN(tst_ResultTableModel)
#include "tst_resulttablemodel.moc"
