// SPDX-License-Identifier: MIT
// The schema browser against the fixture's influxd: the lazily loaded tree (with odd names that
// need quoting), the filter box, the context actions (queries for the editor and CREATE/DROP
// statements through the confirmation hook), the completion catalog, and the failure paths
// (a dead port, a statement error, a load cancelled by a refresh, served by a fault server).
#include "client.h"
#include "faultserver.h"
#include "schema/retentionpolicydialog.h"
#include "schema/schemabrowser.h"
#include "schema/schemacatalog.h"
#include "schema/schemamodel.h"
#include "schema/schemastatements.h"
#include "testserver.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeView>

using namespace Influx;
using namespace Qt::StringLiterals;
using Explorer::RetentionPolicyDialog;
using Explorer::SchemaBrowser;
using Explorer::SchemaCatalog;
using Explorer::SchemaModel;
using TestSupport::FaultServer;
namespace S = Explorer::SchemaStatements;

namespace {

constexpr int LoadTimeout = 20000;

// Starts the node's query (when not loaded yet) and waits for its children.
bool load(SchemaModel &model, const QModelIndex &index)
{
    if (model.canFetchMore(index))
        model.fetchMore(index);
    return QTest::qWaitFor([&] { return model.isLoaded(index); }, LoadTimeout);
}

// Follows names from the root, loading every node on the way (and the last one).
QModelIndex open(SchemaModel &model, const QStringList &path)
{
    QModelIndex index;
    for (const QString &name : path) {
        if (!load(model, index))
            return {};
        index = model.childIndex(index, name);
        if (!index.isValid())
            return {};
    }
    return load(model, index) ? index : QModelIndex();
}

// NameRole of the children; placeholders appear as "<kind>".
QStringList names(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList list;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        const QVariant name = child.data(SchemaModel::NameRole);
        list.append(name.isValid()
                            ? name.toString()
                            : u"<%1>"_s.arg(child.data(SchemaModel::PlaceholderKindRole).toInt()));
    }
    return list;
}

QString placeholder(SchemaModel::PlaceholderKind kind)
{
    return u"<%1>"_s.arg(int(kind));
}

QAction *findAction(const QList<QAction *> &actions, const QString &name)
{
    for (QAction *action : actions) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

QStringList actionNames(const QList<QAction *> &actions)
{
    QStringList list;
    for (QAction *action : actions) {
        if (!action->isSeparator())
            list.append(action->objectName());
    }
    return list;
}

// Triggers the named context action of a node; false when the node has no such action.
bool trigger(SchemaBrowser &browser, const QModelIndex &sourceIndex, const QString &name)
{
    const QList<QAction *> actions = browser.actionsFor(sourceIndex);
    QAction *action = findAction(actions, name);
    if (action)
        action->trigger();
    qDeleteAll(actions);
    return action;
}

QStringList column(const QueryResult &result, const QString &name)
{
    QStringList list;
    for (const Series &series : result.allSeries()) {
        for (qsizetype row = 0; row < series.rowCount(); ++row)
            list.append(series.value(row, name).toString());
    }
    return list;
}

QString decodedQuery(const FaultServer::Request &request)
{
    const QByteArray encoded = request.method == "GET" ? request.query() : request.body;
    return QUrlQuery(QString::fromLatin1(encoded)).queryItemValue(u"q"_s, QUrl::FullyDecoded);
}

QByteArray databasesJson(const QStringList &databases)
{
    QByteArray values;
    for (const QString &name : databases) {
        QString escaped = name;
        escaped.replace(u'"', u"\\\""_s);
        values += (values.isEmpty() ? "[\"" : ",[\"") + escaped.toUtf8() + "\"]";
    }
    return R"({"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[)"
            + values + "]}]}]}\n";
}

// A base URL where nothing listens.
QUrl deadUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return {};
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

} // namespace

class tst_Schema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void statementsQuoteEverything();
    void retentionPolicyDialog();
    void loadsLazilyAndCancelsOnRefresh();
    void statementErrorBecomesErrorNode();
    void deadServer();

    void modelListsSchema();
    void oddNamesLoad();
    void tagValuesAreLimited();
    void reloadsWhenOptionsChange();
    void filterKeepsMatchesAndTheirAncestors();
    void queryActions();
    void administrationThroughActions();
    void catalog();

private:
    std::unique_ptr<Client> m_client;
    QString m_db;
    QString m_otherDb;
};

void tst_Schema::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(), "run through ctest: the influxd fixture is needed");
    m_client = std::make_unique<Client>(ClientOptions {.baseUrls = {url}});
    m_db = TestSupport::uniqueName(u"schema"_s);
    m_otherDb = TestSupport::uniqueName(u"schema"_s);
    Error error;
    TestSupport::query(*m_client,
                       u"CREATE DATABASE %1; CREATE DATABASE %2"_s.arg(
                               Source::quoteIdentifier(m_db), Source::quoteIdentifier(m_otherDb)),
                       {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    TestSupport::query(*m_client,
                       u"CREATE RETENTION POLICY \"short\" ON %1 DURATION 1h REPLICATION 1"_s.arg(
                               Source::quoteIdentifier(m_db)),
                       {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    // Odd names: a measurement with a space and a double quote whose tag key has a space and
    // whose tag value has a comma; one with a comma and a space whose tag key is a double
    // quote and whose tag value has a single quote.
    const QByteArray lines = R"(cpu,host=a,region=eu usage=1.5,count=3i 1000000000
cpu,host=b,region=eu usage=2.5,count=4i 2000000000
status state="ok",ok=true 3000000000
weird\ "name",tag\ key=x\,y f=1 4000000000
m\,with\ space,"q=o'brien g="h\"i" 5000000000)";
    error = TestSupport::writeLines(*m_client, lines, WriteOptions {.database = m_db});
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    // Only in the short policy (now, so that it is within its hour).
    error = TestSupport::writeLines(*m_client, "mem,host=x used=5i",
                                    WriteOptions {.database = m_db, .retentionPolicy = u"short"_s});
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    error = TestSupport::writeLines(*m_client, "other,t=1 v=1 1",
                                    WriteOptions {.database = m_otherDb});
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_Schema::cleanupTestCase()
{
    if (m_client) {
        TestSupport::query(
                *m_client,
                u"DROP DATABASE %1; DROP DATABASE %2"_s.arg(Source::quoteIdentifier(m_db),
                                                            Source::quoteIdentifier(m_otherDb)));
    }
}

void tst_Schema::statementsQuoteEverything()
{
    QCOMPARE(S::showTagValues(u"d b"_s, u"r\"p"_s, u"m\\x"_s, u"k\""_s, 11),
             uR"(SHOW TAG VALUES ON "d b" FROM "r\"p"."m\\x" WITH KEY = "k\"" LIMIT 11)"_s);
    QCOMPARE(S::showFieldKeys(u"db"_s, u"rp"_s, u"m,x"_s),
             uR"(SHOW FIELD KEYS ON "db" FROM "rp"."m,x")"_s);
    QCOMPARE(S::selectAll(u"d\"b"_s, u"autogen"_s, u"cpu"_s),
             uR"(SELECT * FROM "d\"b"."autogen"."cpu" LIMIT 100)"_s);
    QCOMPARE(S::selectWhereTag(u"db"_s, u"rp"_s, u"m"_s, u"k"_s, u"it's \\ok"_s),
             uR"(SELECT * FROM "db"."rp"."m" WHERE "k" = 'it\'s \\ok' LIMIT 100)"_s);
    QCOMPARE(S::seriesCardinality(u"db"_s, u"m"_s),
             uR"(SHOW SERIES CARDINALITY ON "db" FROM "m")"_s);
    QCOMPARE(S::catalog(u"d b"_s),
             uR"(SHOW MEASUREMENTS ON "d b"; SHOW FIELD KEYS ON "d b"; SHOW TAG KEYS ON "d b")"_s);
    QCOMPARE(S::createRetentionPolicy(u"db"_s, {.name = u"r"_s, .duration = u"30d"_s}),
             uR"(CREATE RETENTION POLICY "r" ON "db" DURATION 30d REPLICATION 1)"_s);
    QCOMPARE(
            S::createRetentionPolicy(u"db"_s,
                                     {.name = u"r"_s,
                                      .duration = u"INF"_s,
                                      .replication = 3,
                                      .shardDuration = u"1d"_s,
                                      .makeDefault = true}),
            uR"(CREATE RETENTION POLICY "r" ON "db" DURATION INF REPLICATION 3 SHARD DURATION 1d DEFAULT)"_s);
    QCOMPARE(S::dropMeasurement(u"a\"b"_s), uR"(DROP MEASUREMENT "a\"b")"_s);

    QVERIFY(S::isValidDuration(u"30d"_s));
    QVERIFY(S::isValidDuration(u"1h30m"_s));
    QVERIFY(S::isValidDuration(u"500ms"_s));
    QVERIFY(!S::isValidDuration(u"INF"_s));
    QVERIFY(S::isValidDuration(u"inf"_s, true));
    QVERIFY(!S::isValidDuration(u"1x"_s));
    QVERIFY(!S::isValidDuration(u"d"_s));
    QVERIFY(!S::isValidDuration(QString()));
}

void tst_Schema::retentionPolicyDialog()
{
    RetentionPolicyDialog dialog(u"my db"_s);
    auto *name = dialog.findChild<QLineEdit *>(u"name"_s);
    auto *duration = dialog.findChild<QLineEdit *>(u"duration"_s);
    auto *shard = dialog.findChild<QLineEdit *>(u"shardDuration"_s);
    auto *makeDefault = dialog.findChild<QCheckBox *>(u"makeDefault"_s);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(name && duration && shard && makeDefault && ok);
    QVERIFY(!ok->isEnabled()); // no name yet

    QTest::keyClicks(name, u"r \"p\""_s);
    duration->clear();
    QTest::keyClicks(duration, u"2w"_s);
    QTest::keyClicks(shard, u"1d"_s);
    makeDefault->setChecked(true);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.spec(),
             (S::RetentionPolicySpec {.name = u"r \"p\""_s,
                                      .duration = u"2w"_s,
                                      .replication = 1,
                                      .shardDuration = u"1d"_s,
                                      .makeDefault = true}));
    QCOMPARE(
            dialog.statement(),
            uR"(CREATE RETENTION POLICY "r \"p\"" ON "my db" DURATION 2w REPLICATION 1 SHARD DURATION 1d DEFAULT)"_s);

    QTest::keyClicks(shard, u"x"_s); // "1dx"
    QVERIFY(!ok->isEnabled());
    shard->clear(); // optional
    QVERIFY(ok->isEnabled());
    duration->setText(u"forever"_s);
    QVERIFY(!ok->isEnabled());
}

void tst_Schema::loadsLazilyAndCancelsOnRefresh()
{
    FaultServer server;
    QVERIFY(server.listen());
    QList<QPointer<QTcpSocket>> held;
    bool answerDatabases = false;
    server.setHandler([&](const FaultServer::Request &request, QTcpSocket *socket) {
        if (answerDatabases && decodedQuery(request) == u"SHOW DATABASES")
            FaultServer::respond(socket, 200, "application/json",
                                 databasesJson({u"a\"b"_s, u"c"_s}));
        else
            held.append(socket);
    });
    Client client(ClientOptions {.baseUrls = {server.url()}});
    // No QAbstractItemModelTester here: it fetches every node it sees, which is what this
    // test shows does not happen by itself.
    SchemaModel model(&client);
    QSignalSpy failed(&model, &SchemaModel::loadFailed);

    // Nothing is asked before a view (here: the test) wants the children.
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.hasChildren());
    QVERIFY(model.canFetchMore({}));
    QTest::qWait(50);
    QCOMPARE(server.requests().size(), 0);

    model.fetchMore({});
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(SchemaModel::PlaceholderKindRole).toInt(),
             SchemaModel::Loading);
    QCOMPARE(model.index(0, 0).data().toString(), u"Loading…"_s);
    QVERIFY(!model.index(0, 0).data(SchemaModel::NameRole).isValid());
    QTRY_COMPARE(held.size(), 1);
    QCOMPARE(decodedQuery(server.requests().at(0)), u"SHOW DATABASES"_s);

    FaultServer::respond(held.takeFirst(), 200, "application/json",
                         databasesJson({u"a\"b"_s, u"c"_s}));
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(names(&model, {}), (QStringList {u"a\"b"_s, u"c"_s}));
    const QModelIndex db = model.childIndex({}, u"a\"b"_s);
    QCOMPARE(db.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::Database);
    QCOMPARE(db.data(SchemaModel::DatabaseRole).toString(), u"a\"b"_s);
    QVERIFY(model.hasChildren(db));
    QCOMPARE(model.rowCount(db), 0);
    QVERIFY(model.canFetchMore(db));

    model.fetchMore(db);
    QTRY_COMPARE(held.size(), 1);
    QCOMPARE(decodedQuery(server.requests().last()), uR"(SHOW RETENTION POLICIES ON "a\"b")"_s);
    QTRY_COMPARE(names(&model, db), QStringList {placeholder(SchemaModel::Loading)});

    // A refresh drops the running load (its reply is aborted) and lists the databases again.
    answerDatabases = true;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QCOMPARE(reset.size(), 1);
    QTRY_COMPARE(names(&model, {}), (QStringList {u"a\"b"_s, u"c"_s}));
    QVERIFY(model.canFetchMore(model.childIndex({}, u"a\"b"_s)));
    QTest::qWait(100);
    QCOMPARE(failed.size(), 0);
}

void tst_Schema::statementErrorBecomesErrorNode()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &request, QTcpSocket *socket) {
        const QByteArray body = decodedQuery(request) == u"SHOW DATABASES"
                ? databasesJson({u"gone"_s})
                : R"({"results":[{"statement_id":0,"error":"database not found: gone"}]})";
        FaultServer::respond(socket, 200, "application/json", body);
    });
    Client client(ClientOptions {.baseUrls = {server.url()}});
    SchemaModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &SchemaModel::loadFailed);
    QVERIFY(load(model, {}));
    const QModelIndex db = model.childIndex({}, u"gone"_s);
    QVERIFY(load(model, db));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<QModelIndex>(), QModelIndex(db));
    QCOMPARE(failed.first().at(1).value<Error>().kind(), Error::Kind::StatementError);
    QCOMPARE(names(&model, db), QStringList {placeholder(SchemaModel::LoadError)});
    const QModelIndex errorNode = model.index(0, 0, db);
    QVERIFY(errorNode.data(SchemaModel::ErrorRole)
                    .toString()
                    .contains(u"database not found: gone"));
    QVERIFY(errorNode.data().toString().contains(u"database not found: gone"));
    QVERIFY(!model.canFetchMore(db));

    // Refreshing the error node asks again.
    const qsizetype requests = server.requests().size();
    model.refresh(errorNode);
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(server.requests().size(), requests + 1);
}

void tst_Schema::deadServer()
{
    const QUrl url = deadUrl();
    QVERIFY(url.isValid());
    Client client(ClientOptions {.baseUrls = {url}, .timeout = 10s});

    SchemaModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &SchemaModel::loadFailed);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);
    QVERIFY(!failed.first().at(0).value<QModelIndex>().isValid());
    QCOMPARE(failed.first().at(1).value<Error>().kind(), Error::Kind::NoServersReachable);
    QCOMPARE(names(&model, {}), QStringList {placeholder(SchemaModel::LoadError)});
    QVERIFY(!model.index(0, 0).data(SchemaModel::ErrorRole).toString().isEmpty());
    QVERIFY(!model.canFetchMore({}));

    SchemaCatalog catalog(&client);
    QSignalSpy catalogFailed(&catalog, &SchemaCatalog::failed);
    catalog.load(u"db"_s);
    QTRY_COMPARE_WITH_TIMEOUT(catalogFailed.size(), 1, LoadTimeout);
    QCOMPARE(catalogFailed.first().at(0).toString(), u"db"_s);

    SchemaBrowser browser(&client);
    browser.setErrorBoxesEnabled(false);
    browser.setDatabaseNameHandler([] { return u"new"_s; });
    QSignalSpy statementFailed(&browser, &SchemaBrowser::statementFailed);
    QVERIFY(trigger(browser, {}, u"createDatabase"_s));
    QTRY_COMPARE_WITH_TIMEOUT(statementFailed.size(), 1, LoadTimeout);
    QCOMPARE(statementFailed.first().at(0).toString(), u"CREATE DATABASE \"new\""_s);
    QCOMPARE(statementFailed.first().at(1).value<Error>().kind(), Error::Kind::NoServersReachable);
}

void tst_Schema::modelListsSchema()
{
    SchemaModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 2);

    QVERIFY(load(model, {}));
    QVERIFY(names(&model, {}).contains(m_db));
    const QModelIndex db = open(model, {m_db});
    QVERIFY(db.isValid());
    QCOMPARE(db.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::Database);
    QCOMPARE(names(&model, db), (QStringList {u"autogen"_s, u"short"_s}));

    const QModelIndex autogen = model.childIndex(db, u"autogen"_s);
    const QModelIndex shortRp = model.childIndex(db, u"short"_s);
    QCOMPARE(autogen.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::RetentionPolicy);
    QCOMPARE(autogen.data(SchemaModel::DefaultRetentionPolicyRole).toBool(), true);
    QCOMPARE(shortRp.data(SchemaModel::DefaultRetentionPolicyRole).toBool(), false);
    QCOMPARE(shortRp.data(SchemaModel::DurationRole).toString(), u"1h0m0s"_s);
    QCOMPARE(model.index(autogen.row(), SchemaModel::DetailColumn, db).data().toString(),
             u"infinite, default"_s);
    QCOMPARE(model.index(shortRp.row(), SchemaModel::DetailColumn, db).data().toString(), u"1h"_s);

    const QStringList measurements = {u"cpu"_s, u"m,with space"_s, u"mem"_s, u"status"_s,
                                      u"weird \"name\""_s};
    QVERIFY(load(model, autogen));
    QCOMPARE(names(&model, autogen), measurements);
    QVERIFY(load(model, shortRp));
    QCOMPARE(names(&model, shortRp), measurements);

    const QModelIndex cpu = model.childIndex(autogen, u"cpu"_s);
    QCOMPARE(cpu.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::Measurement);
    QCOMPARE(cpu.data(SchemaModel::MeasurementRole).toString(), u"cpu"_s);
    QCOMPARE(cpu.data(SchemaModel::RetentionPolicyRole).toString(), u"autogen"_s);
    QCOMPARE(model.rowCount(cpu), 2);
    const QModelIndex fields = model.index(0, 0, cpu);
    const QModelIndex tags = model.index(1, 0, cpu);
    QCOMPARE(fields.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::FieldGroup);
    QCOMPARE(tags.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::TagGroup);
    QCOMPARE(fields.data().toString(), u"Fields"_s);
    QCOMPARE(tags.data().toString(), u"Tags"_s);

    QVERIFY(load(model, fields));
    QCOMPARE(names(&model, fields), (QStringList {u"count"_s, u"usage"_s}));
    QCOMPARE(model.index(0, 0, fields).data(SchemaModel::FieldTypeRole).toString(), u"integer"_s);
    QCOMPARE(model.index(1, 0, fields).data(SchemaModel::FieldTypeRole).toString(), u"float"_s);
    QCOMPARE(model.index(1, SchemaModel::DetailColumn, fields).data().toString(), u"float"_s);
    QCOMPARE(model.index(1, 0, fields).data(SchemaModel::NodeKindRole).toInt(), SchemaModel::Field);

    QVERIFY(load(model, tags));
    QCOMPARE(names(&model, tags), (QStringList {u"host"_s, u"region"_s}));
    const QModelIndex host = model.childIndex(tags, u"host"_s);
    QCOMPARE(host.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::TagKey);
    QVERIFY(load(model, host));
    QCOMPARE(names(&model, host), (QStringList {u"a"_s, u"b"_s}));
    const QModelIndex b = model.childIndex(host, u"b"_s);
    QCOMPARE(b.data(SchemaModel::NodeKindRole).toInt(), SchemaModel::TagValue);
    QCOMPARE(b.data(SchemaModel::TagKeyRole).toString(), u"host"_s);
    QCOMPARE(b.data(SchemaModel::MeasurementRole).toString(), u"cpu"_s);
    QCOMPARE(b.data(SchemaModel::RetentionPolicyRole).toString(), u"autogen"_s);
    QCOMPARE(b.data(SchemaModel::DatabaseRole).toString(), m_db);
    QVERIFY(!model.hasChildren(b));

    const QModelIndex statusFields = open(model, {m_db, u"autogen"_s, u"status"_s, u"Fields"_s});
    QCOMPARE(names(&model, statusFields), (QStringList {u"ok"_s, u"state"_s}));
    QCOMPARE(model.index(0, 0, statusFields).data(SchemaModel::FieldTypeRole).toString(),
             u"boolean"_s);
    QCOMPARE(model.index(1, 0, statusFields).data(SchemaModel::FieldTypeRole).toString(),
             u"string"_s);
    const QModelIndex statusTags = open(model, {m_db, u"autogen"_s, u"status"_s, u"Tags"_s});
    QCOMPARE(names(&model, statusTags), QStringList {placeholder(SchemaModel::Empty)});

    // Field keys are per retention policy: the fields of the node's own policy.
    const QModelIndex memAutogen = open(model, {m_db, u"autogen"_s, u"mem"_s, u"Fields"_s});
    QCOMPARE(names(&model, memAutogen), QStringList {placeholder(SchemaModel::Empty)});
    const QModelIndex memShort = open(model, {m_db, u"short"_s, u"mem"_s, u"Fields"_s});
    QCOMPARE(names(&model, memShort), QStringList {u"used"_s});
    QCOMPARE(model.index(0, 0, memShort).data(SchemaModel::FieldTypeRole).toString(), u"integer"_s);
    QCOMPARE(model.index(0, 0, memShort).data(SchemaModel::RetentionPolicyRole).toString(),
             u"short"_s);
}

void tst_Schema::oddNamesLoad()
{
    SchemaModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &SchemaModel::loadFailed);

    const QModelIndex weirdTagKey =
            open(model, {m_db, u"autogen"_s, u"weird \"name\""_s, u"Tags"_s, u"tag key"_s});
    QVERIFY(weirdTagKey.isValid());
    QCOMPARE(names(&model, weirdTagKey), QStringList {u"x,y"_s});
    const QModelIndex weirdFields =
            open(model, {m_db, u"autogen"_s, u"weird \"name\""_s, u"Fields"_s});
    QCOMPARE(names(&model, weirdFields), QStringList {u"f"_s});

    const QModelIndex quoteKey =
            open(model, {m_db, u"autogen"_s, u"m,with space"_s, u"Tags"_s, u"\"q"_s});
    QVERIFY(quoteKey.isValid());
    QCOMPARE(names(&model, quoteKey), QStringList {u"o'brien"_s});
    const QModelIndex commaFields =
            open(model, {m_db, u"autogen"_s, u"m,with space"_s, u"Fields"_s});
    QCOMPARE(names(&model, commaFields), QStringList {u"g"_s});
    QCOMPARE(model.index(0, 0, commaFields).data(SchemaModel::FieldTypeRole).toString(),
             u"string"_s);

    for (const QList<QVariant> &failure : failed)
        QVERIFY2(failure.at(0).value<QModelIndex>().data(SchemaModel::DatabaseRole) != m_db,
                 qPrintable(failure.at(1).value<Error>().toString()));
}

void tst_Schema::tagValuesAreLimited()
{
    SchemaModel model(m_client.get());
    model.setTagValueLimit(1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex host = open(model, {m_db, u"autogen"_s, u"cpu"_s, u"Tags"_s, u"host"_s});
    QVERIFY(host.isValid());
    QCOMPARE(names(&model, host), (QStringList {u"a"_s, placeholder(SchemaModel::MoreValues)}));
    QVERIFY(model.index(1, 0, host).data().toString().contains(u"first 1 value"));
}

void tst_Schema::reloadsWhenOptionsChange()
{
    Client client(m_client->options());
    SchemaModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model, {}));
    QVERIFY(names(&model, {}).contains(m_db));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy failed(&model, &SchemaModel::loadFailed);
    ClientOptions options = client.options();
    options.baseUrls = {deadUrl()};
    options.timeout = 10s;
    QVERIFY(!client.setOptions(options).isError());
    QCOMPARE(reset.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);
    QCOMPARE(names(&model, {}), QStringList {placeholder(SchemaModel::LoadError)});
}

void tst_Schema::filterKeepsMatchesAndTheirAncestors()
{
    SchemaBrowser browser(m_client.get());
    browser.show();
    SchemaModel *model = browser.model();
    // Shown, the browser lists the databases by itself.
    QTRY_VERIFY_WITH_TIMEOUT(model->isLoaded({}), LoadTimeout);
    QSortFilterProxyModel *proxy = browser.proxyModel();
    QTreeView *view = browser.treeView();

    // Expanding in the view loads the node and shows its children below it.
    const QModelIndex database = model->childIndex({}, m_db);
    QVERIFY(database.isValid());
    const QModelIndex databaseRow = proxy->mapFromSource(database);
    view->expand(databaseRow);
    QTRY_VERIFY_WITH_TIMEOUT(model->isLoaded(database), LoadTimeout);
    QTRY_COMPARE(view->indexBelow(databaseRow),
                 proxy->mapFromSource(model->childIndex(database, u"autogen"_s)));

    const QModelIndex usage = open(*model, {m_db, u"autogen"_s, u"cpu"_s, u"Fields"_s, u"usage"_s});
    QVERIFY(usage.isValid());
    QVERIFY(open(*model, {m_db, u"autogen"_s, u"cpu"_s, u"Tags"_s, u"host"_s}).isValid());
    QVERIFY(open(*model, {m_db, u"autogen"_s, u"status"_s, u"Fields"_s}).isValid());
    const QModelIndex count = model->childIndex(usage.parent(), u"count"_s);
    const QModelIndex cpuTags = model->index(1, 0, usage.parent().parent());
    const QModelIndex status = model->childIndex(usage.parent().parent().parent(), u"status"_s);
    QVERIFY(count.isValid() && cpuTags.isValid() && status.isValid());

    QCOMPARE(browser.filterEdit()->placeholderText(), u"Filter…"_s);
    QTest::keyClicks(browser.filterEdit(), u"usa"_s);
    QVERIFY(proxy->mapFromSource(usage).isValid());
    QVERIFY(!proxy->mapFromSource(count).isValid());
    QVERIFY(!proxy->mapFromSource(cpuTags).isValid());
    QVERIFY(!proxy->mapFromSource(status).isValid());
    // The way to the match is open.
    for (QModelIndex ancestor = usage.parent(); ancestor.isValid(); ancestor = ancestor.parent()) {
        const QModelIndex mapped = proxy->mapFromSource(ancestor);
        QVERIFY(mapped.isValid());
        QVERIFY2(view->isExpanded(mapped),
                 qPrintable(ancestor.data(SchemaModel::NameRole).toString()));
    }

    // Case-insensitive; what lies under a matching node stays reachable.
    browser.filterEdit()->clear();
    QTest::keyClicks(browser.filterEdit(), u"CPU"_s);
    QVERIFY(proxy->mapFromSource(count).isValid());
    QVERIFY(proxy->mapFromSource(cpuTags).isValid());
    QVERIFY(!proxy->mapFromSource(status).isValid());

    browser.filterEdit()->clear();
    QVERIFY(proxy->mapFromSource(status).isValid());
}

void tst_Schema::queryActions()
{
    SchemaBrowser browser(m_client.get());
    SchemaModel *model = browser.model();
    QSignalSpy openQuery(&browser, &SchemaBrowser::openQueryRequested);
    QSignalSpy runQuery(&browser, &SchemaBrowser::runQueryRequested);
    const QString db = Source::quoteIdentifier(m_db);

    // The text a query action emits, checked against the server: it must run and find rows.
    const auto opened = [&](const QModelIndex &index, const QString &action) -> QString {
        openQuery.clear();
        if (!trigger(browser, index, action) || openQuery.size() != 1)
            return u"<no query>"_s;
        if (openQuery.first().at(1).toString() != m_db)
            return u"<wrong database>"_s;
        return openQuery.first().at(0).toString();
    };
    const auto rows = [this](const QString &query) {
        Error error;
        const QueryResult result = TestSupport::query(*m_client, query, {}, &error);
        return error.isError() ? -1 : result.rowCount();
    };

    const QModelIndex cpu = open(*model, {m_db, u"autogen"_s, u"cpu"_s});
    QVERIFY(cpu.isValid());
    const QList<QAction *> cpuActions = browser.actionsFor(cpu);
    QCOMPARE(actionNames(cpuActions),
             (QStringList {u"selectAll"_s, u"seriesCardinality"_s, u"dropMeasurement"_s,
                           u"copyName"_s, u"refresh"_s}));
    QCOMPARE(findAction(cpuActions, u"selectAll"_s)->text(), u"SELECT * … LIMIT 100"_s);
    qDeleteAll(cpuActions);
    QString query = opened(cpu, u"selectAll"_s);
    QCOMPARE(query, u"SELECT * FROM %1.\"autogen\".\"cpu\" LIMIT 100"_s.arg(db));
    QCOMPARE(rows(query), 2);

    QVERIFY(trigger(browser, cpu, u"seriesCardinality"_s));
    QCOMPARE(runQuery.size(), 1);
    QCOMPARE(runQuery.first().at(0).toString(),
             u"SHOW SERIES CARDINALITY ON %1 FROM \"cpu\""_s.arg(db));
    QCOMPARE(runQuery.first().at(1).toString(), m_db);

    const QModelIndex weird = open(*model, {m_db, u"autogen"_s, u"weird \"name\""_s});
    query = opened(weird, u"selectAll"_s);
    QCOMPARE(query, uR"(SELECT * FROM %1."autogen"."weird \"name\"" LIMIT 100)"_s.arg(db));
    QCOMPARE(rows(query), 1);

    const QModelIndex usage = open(*model, {m_db, u"autogen"_s, u"cpu"_s, u"Fields"_s, u"usage"_s});
    query = opened(usage, u"selectThis"_s);
    QCOMPARE(query, u"SELECT \"usage\" FROM %1.\"autogen\".\"cpu\" LIMIT 100"_s.arg(db));
    QCOMPARE(rows(query), 2);

    const QModelIndex host = open(*model, {m_db, u"autogen"_s, u"cpu"_s, u"Tags"_s, u"host"_s});
    query = opened(host, u"selectThis"_s);
    QCOMPARE(query, u"SELECT * FROM %1.\"autogen\".\"cpu\" GROUP BY \"host\" LIMIT 100"_s.arg(db));
    QCOMPARE(rows(query), 2);

    const QModelIndex obrien = open(
            *model, {m_db, u"autogen"_s, u"m,with space"_s, u"Tags"_s, u"\"q"_s, u"o'brien"_s});
    QVERIFY(obrien.isValid());
    query = opened(obrien, u"filterByValue"_s);
    QCOMPARE(query,
             uR"(SELECT * FROM %1."autogen"."m,with space" WHERE "\"q" = 'o\'brien' LIMIT 100)"_s
                     .arg(db));
    QCOMPARE(rows(query), 1);

    const QModelIndex database = model->childIndex({}, m_db);
    QVERIFY(trigger(browser, database, u"showMeasurements"_s));
    QCOMPARE(runQuery.last().at(0).toString(), u"SHOW MEASUREMENTS ON %1"_s.arg(db));
    QVERIFY(trigger(browser, database, u"seriesCardinality"_s));
    QCOMPARE(runQuery.last().at(0).toString(), u"SHOW SERIES CARDINALITY ON %1"_s.arg(db));
    QCOMPARE(runQuery.size(), 3);

    QVERIFY(trigger(browser, weird, u"copyName"_s));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"weird \"name\""_s);

    const QList<QAction *> rootActions = browser.actionsFor({});
    QCOMPARE(actionNames(rootActions), (QStringList {u"createDatabase"_s, u"refresh"_s}));
    qDeleteAll(rootActions);
    const QList<QAction *> databaseActions = browser.actionsFor(database);
    QCOMPARE(
            actionNames(databaseActions),
            (QStringList {u"showMeasurements"_s, u"seriesCardinality"_s, u"createRetentionPolicy"_s,
                          u"dropDatabase"_s, u"copyName"_s, u"refresh"_s}));
    qDeleteAll(databaseActions);

    // The context menu offers the same actions, and they work from there.
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTreeView *view = browser.treeView();
    const QModelIndex cpuRow = browser.proxyModel()->mapFromSource(cpu);
    for (QModelIndex row = cpuRow.parent(); row.isValid(); row = row.parent())
        view->expand(row);
    view->scrollTo(cpuRow);
    QTRY_VERIFY(view->visualRect(cpuRow).isValid());
    Q_EMIT view->customContextMenuRequested(view->visualRect(cpuRow).center());
    QMenu *menu = browser.findChild<QMenu *>();
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QCOMPARE(actionNames(menu->actions()),
             (QStringList {u"selectAll"_s, u"seriesCardinality"_s, u"dropMeasurement"_s,
                           u"copyName"_s, u"refresh"_s}));
    openQuery.clear();
    findAction(menu->actions(), u"selectAll"_s)->trigger();
    QCOMPARE(openQuery.size(), 1);
    QCOMPARE(openQuery.first().at(0).toString(),
             u"SELECT * FROM %1.\"autogen\".\"cpu\" LIMIT 100"_s.arg(db));
    menu->close();
    QTRY_VERIFY(!browser.findChild<QMenu *>()); // deleted on close, with its actions

    // The current node's database follows the selection.
    QSignalSpy currentDatabase(&browser, &SchemaBrowser::currentDatabaseChanged);
    browser.treeView()->setCurrentIndex(browser.proxyModel()->mapFromSource(usage));
    QCOMPARE(browser.currentDatabase(), m_db);
    QCOMPARE(currentDatabase.size(), 1);
    QCOMPARE(currentDatabase.first().at(0).toString(), m_db);
}

void tst_Schema::administrationThroughActions()
{
    SchemaBrowser browser(m_client.get());
    browser.setErrorBoxesEnabled(false);
    SchemaModel *model = browser.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy succeeded(&browser, &SchemaBrowser::statementSucceeded);
    QSignalSpy failed(&browser, &SchemaBrowser::statementFailed);
    QStringList asked;
    bool answer = false;
    browser.setConfirmHandler([&](const QString &, const QString &text) {
        asked.append(text);
        return answer;
    });
    const auto serverList = [this](const QString &query, const QString &column) {
        return ::column(TestSupport::query(*m_client, query), column);
    };

    // Create a database (with a name that needs quoting).
    const QString name = TestSupport::uniqueName(u"schema admin \"x\""_s);
    const QString quoted = Source::quoteIdentifier(name);
    browser.setDatabaseNameHandler([&] { return name; });
    QVERIFY(load(*model, {}));
    QVERIFY(trigger(browser, {}, u"createDatabase"_s));
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 1, LoadTimeout);
    QCOMPARE(succeeded.last().at(0).toString(), u"CREATE DATABASE "_s + quoted);
    QVERIFY(serverList(u"SHOW DATABASES"_s, u"name"_s).contains(name));
    QTRY_VERIFY_WITH_TIMEOUT(model->childIndex({}, name).isValid(), LoadTimeout);
    QVERIFY(load(*model, model->childIndex({}, name)));

    // Create a retention policy through the real dialog, filled in as a user would.
    QTimer filler;
    filler.setInterval(10);
    connect(&filler, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<RetentionPolicyDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        filler.stop();
        dialog->setSpec({.name = u"week"_s,
                         .duration = u"7d"_s,
                         .replication = 1,
                         .shardDuration = u"1d"_s,
                         .makeDefault = true});
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    filler.start();
    QVERIFY(trigger(browser, model->childIndex({}, name), u"createRetentionPolicy"_s));
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 2, LoadTimeout);
    QCOMPARE(succeeded.last().at(0).toString(),
             u"CREATE RETENTION POLICY \"week\" ON %1 DURATION 7d REPLICATION 1 SHARD DURATION 1d "
             u"DEFAULT"_s.arg(quoted));
    QTRY_COMPARE_WITH_TIMEOUT(names(model, model->childIndex({}, name)),
                              (QStringList {u"autogen"_s, u"week"_s}), LoadTimeout);
    QVERIFY(model->childIndex(model->childIndex({}, name), u"week"_s)
                    .data(SchemaModel::DefaultRetentionPolicyRole)
                    .toBool());

    // A statement the server rejects is reported, nothing else happens.
    browser.setRetentionPolicyHandler([](const QString &) {
        return S::RetentionPolicySpec {.name = u"bad"_s, .duration = u"1x"_s};
    });
    QVERIFY(trigger(browser, model->childIndex({}, name), u"createRetentionPolicy"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);
    QCOMPARE(failed.last().at(0).toString(),
             u"CREATE RETENTION POLICY \"bad\" ON %1 DURATION 1x REPLICATION 1"_s.arg(quoted));
    QVERIFY(failed.last().at(1).value<Error>().isError());

    // Drop the retention policy: asked first, then gone from server and tree.
    answer = true;
    QVERIFY(trigger(browser, model->childIndex(model->childIndex({}, name), u"week"_s),
                    u"dropRetentionPolicy"_s));
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.last().contains(u"DROP RETENTION POLICY \"week\" ON "_s + quoted));
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 3, LoadTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(names(model, model->childIndex({}, name)), QStringList {u"autogen"_s},
                              LoadTimeout);

    // Drop a measurement: refused, then confirmed.
    QVERIFY(!TestSupport::writeLines(
                     *m_client, "cpu v=1 1\nweird\\ \"name\" v=2 2",
                     WriteOptions {.database = name, .retentionPolicy = u"autogen"_s})
                     .isError());
    // The tree was loaded before the write: its Refresh action shows the new measurements.
    const QModelIndex autogen = open(*model, {name, u"autogen"_s});
    QVERIFY(trigger(browser, autogen, u"refresh"_s));
    QTRY_COMPARE_WITH_TIMEOUT(names(model, autogen), (QStringList {u"cpu"_s, u"weird \"name\""_s}),
                              LoadTimeout);
    const QString showMeasurements = u"SHOW MEASUREMENTS ON "_s + quoted;
    answer = false;
    QVERIFY(trigger(browser, model->childIndex(autogen, u"weird \"name\""_s),
                    u"dropMeasurement"_s));
    QCOMPARE(asked.size(), 2);
    QVERIFY(asked.last().contains(uR"(DROP MEASUREMENT "weird \"name\"")"_s));
    QTest::qWait(200);
    QCOMPARE(succeeded.size(), 3);
    QCOMPARE(serverList(showMeasurements, u"name"_s),
             (QStringList {u"cpu"_s, u"weird \"name\""_s}));
    QCOMPARE(names(model, autogen), (QStringList {u"cpu"_s, u"weird \"name\""_s}));

    answer = true;
    QVERIFY(trigger(browser, model->childIndex(autogen, u"weird \"name\""_s),
                    u"dropMeasurement"_s));
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 4, LoadTimeout);
    QCOMPARE(succeeded.last().at(0).toString(), uR"(DROP MEASUREMENT "weird \"name\"")"_s);
    QCOMPARE(serverList(showMeasurements, u"name"_s), QStringList {u"cpu"_s});
    QTRY_COMPARE_WITH_TIMEOUT(names(model, autogen), QStringList {u"cpu"_s}, LoadTimeout);

    // Drop the database.
    QVERIFY(trigger(browser, model->childIndex({}, name), u"dropDatabase"_s));
    QVERIFY(asked.last().contains(u"DROP DATABASE "_s + quoted));
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 5, LoadTimeout);
    QVERIFY(!serverList(u"SHOW DATABASES"_s, u"name"_s).contains(name));
    QTRY_VERIFY_WITH_TIMEOUT(model->isLoaded({}) && !model->childIndex({}, name).isValid()
                                     && model->childIndex({}, m_db).isValid(),
                             LoadTimeout);
    QCOMPARE(failed.size(), 1);
}

void tst_Schema::catalog()
{
    SchemaCatalog catalog(m_client.get());
    QSignalSpy loaded(&catalog, &SchemaCatalog::loaded);
    QSignalSpy failed(&catalog, &SchemaCatalog::failed);
    catalog.load(m_db);
    QVERIFY(catalog.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    const QList<QVariant> arguments = loaded.takeFirst();
    QCOMPARE(arguments.at(0).toString(), m_db);
    QCOMPARE(arguments.at(1).toStringList(),
             (QStringList {u"cpu"_s, u"m,with space"_s, u"mem"_s, u"status"_s,
                           u"weird \"name\""_s}));
    // SHOW FIELD KEYS without FROM covers the default retention policy only: "used" (only in
    // "short") is not there.
    QCOMPARE(arguments.at(2).toStringList(),
             (QStringList {u"count"_s, u"f"_s, u"g"_s, u"ok"_s, u"state"_s, u"usage"_s}));
    QCOMPARE(arguments.at(3).toStringList(),
             (QStringList {u"\"q"_s, u"host"_s, u"region"_s, u"tag key"_s}));
    QCOMPARE(catalog.database(), m_db);
    QCOMPARE(catalog.tagKeys(), arguments.at(3).toStringList());

    // A newer load replaces the running one: only the second database is reported.
    catalog.load(m_db);
    catalog.load(m_otherDb);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, LoadTimeout);
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().at(0).toString(), m_otherDb);
    QCOMPARE(loaded.first().at(1).toStringList(), QStringList {u"other"_s});
    QCOMPARE(loaded.first().at(2).toStringList(), QStringList {u"v"_s});
    QCOMPARE(loaded.first().at(3).toStringList(), QStringList {u"t"_s});
    QCOMPARE(failed.size(), 0);

    // A database that does not exist fails.
    catalog.load(u"no such database"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, LoadTimeout);
    QCOMPARE(failed.first().at(0).toString(), u"no such database"_s);
    QCOMPARE(failed.first().at(1).value<Error>().kind(), Error::Kind::StatementError);
    QCOMPARE(catalog.database(), m_otherDb);
}

QTEST_MAIN(tst_Schema)
#include "tst_schema.moc"
