// SPDX-License-Identifier: MIT
// QueryHistory: survives a restart (a new instance reading the same file), searches, trims,
// skips damaged lines, and never writes a password to the file.
#include "history/queryhistory.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Explorer::QueryHistory;

class tst_QueryHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redaction_data();
    void redaction();
    void survivesRestart();
    void searchNewestFirst();
    void trimsToMaximum();
    void damagedLineIsSkipped();
    void passwordNeverReachesTheFile();

private:
    static QueryHistory::Entry entry(const QString &query, qint64 rows = 1)
    {
        return {query,     QDateTime(QDate(2026, 11, 25), QTime(12, 0, 0, 123), Qt::UTC),
                u"demo"_s, 42,
                rows,      QString()};
    }
};

void tst_QueryHistory::redaction_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("stored");
    QTest::newRow("create user") << u"CREATE USER bob WITH PASSWORD 'p@ss;word'"_s
                                 << u"CREATE USER bob WITH PASSWORD '******'"_s;
    QTest::newRow("set password") << u"set password for \"bob\" = 'it\\'s'"_s
                                  << u"set password for \"bob\" = '******'"_s;
    QTest::newRow("several statements")
            << u"CREATE USER a WITH PASSWORD 'x'; SELECT * FROM m WHERE s = 'kept'"_s
            << u"CREATE USER a WITH PASSWORD '******'; SELECT * FROM m WHERE s = 'kept'"_s;
    QTest::newRow("no password") << u"SELECT 'password' FROM m WHERE t = 'x'"_s
                                 << u"SELECT 'password' FROM m WHERE t = 'x'"_s;
}

void tst_QueryHistory::redaction()
{
    QFETCH(QString, query);
    QFETCH(QString, stored);
    QCOMPARE(QueryHistory::redact(query), stored);
}

void tst_QueryHistory::survivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/history.jsonl"_s);
    {
        QueryHistory history(path);
        QVERIFY(history.load());
        QVERIFY(history.entries().isEmpty());
        QVERIFY(history.append(entry(u"SHOW DATABASES"_s)));
        QueryHistory::Entry failed = entry(u"SELEKT"_s, 0);
        failed.error = u"error parsing query: found SELEKT"_s;
        QVERIFY(history.append(failed));
    }
    QueryHistory reopened(path);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.entries().size(), 2);
    QCOMPARE(reopened.entries()[0], entry(u"SHOW DATABASES"_s));
    QCOMPARE(reopened.entries()[1].error, u"error parsing query: found SELEKT"_s);
}

void tst_QueryHistory::searchNewestFirst()
{
    QTemporaryDir dir;
    QueryHistory history(dir.filePath(u"h.jsonl"_s));
    for (const QString &q :
         {u"SELECT * FROM cpu"_s, u"SHOW MEASUREMENTS"_s, u"select mean(v) from CPU"_s})
        QVERIFY(history.append(entry(q)));
    const QList<QueryHistory::Entry> found = history.search(u"cpu");
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].query, u"select mean(v) from CPU"_s);
    QCOMPARE(found[1].query, u"SELECT * FROM cpu"_s);
}

void tst_QueryHistory::trimsToMaximum()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.jsonl"_s);
    QueryHistory history(path, 10);
    for (int i = 0; i < 25; ++i)
        QVERIFY(history.append(entry(u"SELECT %1"_s.arg(i))));
    QVERIFY(history.entries().size() <= 11);
    QCOMPARE(history.entries().last().query, u"SELECT 24"_s);
    QueryHistory reopened(path, 10);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.entries().size(), 10);
    QCOMPARE(reopened.entries().first().query, u"SELECT 15"_s);
    QCOMPARE(reopened.entries().last().query, u"SELECT 24"_s);
}

void tst_QueryHistory::damagedLineIsSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.jsonl"_s);
    {
        QueryHistory history(path);
        QVERIFY(history.append(entry(u"SELECT 1"_s)));
    }
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"query\": \"SELECT 2\", trunc\n");
    }
    QueryHistory history(path);
    QVERIFY(history.append(entry(u"SELECT 3"_s)));
    QueryHistory reopened(path);
    QVERIFY(reopened.load());
    QCOMPARE(reopened.entries().size(), 2);
    QCOMPARE(reopened.entries()[1].query, u"SELECT 3"_s);
}

void tst_QueryHistory::passwordNeverReachesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.jsonl"_s);
    QueryHistory history(path);
    QVERIFY(history.append(entry(u"CREATE USER admin WITH PASSWORD 'S3cr3t-Pa55'"_s)));
    QCOMPARE(history.entries().first().query, u"CREATE USER admin WITH PASSWORD '******'"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("CREATE USER admin"));
    QVERIFY(!bytes.contains("S3cr3t"));
}

QTEST_GUILESS_MAIN(tst_QueryHistory)
#include "tst_queryhistory.moc"
