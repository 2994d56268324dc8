// SPDX-License-Identifier: MIT
// ResultTableModel over a streaming QueryReply (rows served by the local fault server, so the
// chunks arrive exactly when the test says): progressive rows, fetchMore steps, formatting.
#include "client.h"
#include "faultserver.h"
#include "models/resulttablemodel.h"

#include <QtNetwork/QTcpSocket>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;
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
    void timesKeepAllDigits();
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
    QCOMPARE(model.title(), u"cpu dc=eu, host=a"_s);
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

void tst_ResultTableModel::timesKeepAllDigits()
{
    const Timestamp t = Timestamp::fromNanoseconds(1480793211053212789);
    QCOMPARE(ResultTableModel::formatTime(t, ResultTableModel::TimeZone::Utc),
             u"2016-12-03T19:26:51.053212789Z"_s);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(1480793211000).toLocalTime();
    const int offset = local.offsetFromUtc();
    const QString expected = local.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u".053212789"_s
            + QString::asprintf(" %c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 3600,
                                std::abs(offset) % 3600 / 60);
    QCOMPARE(ResultTableModel::formatTime(t, ResultTableModel::TimeZone::Local), expected);
    // Before 1970 the fraction still counts forward from the whole second.
    QCOMPARE(ResultTableModel::formatTime(Timestamp::fromNanoseconds(-1),
                                          ResultTableModel::TimeZone::Utc),
             u"1969-12-31T23:59:59.999999999Z"_s);
}

QTEST_GUILESS_MAIN(tst_ResultTableModel)
#include "tst_resulttablemodel.moc"
