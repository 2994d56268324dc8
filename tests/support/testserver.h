// SPDX-License-Identifier: MIT
#ifndef TESTSUPPORT_TESTSERVER_H
#define TESTSUPPORT_TESTSERVER_H

#include "client.h"

#include <QtCore/QUrl>

namespace TestSupport {

// The base URL of the influxd started by the CTest fixture "influxd" (see tests/CMakeLists.txt).
// Empty when the test runs without the fixture; live tests then fail with a clear message.
QUrl fixtureUrl();

// A name no other test (or earlier run) uses: prefix + pid + counter.
QString uniqueName(const QString &prefix);

// A 127.0.0.1 port that was free a moment ago (connecting to it is refused), 0 when none could
// be found; and the same as a base URL.
quint16 closedPort();
QString closedPortUrl();

// Runs a query and waits for it (tests only; the GUI never waits).
Influx::QueryResult query(Influx::Client &client, const QString &text,
                          const Influx::QueryOptions &options = {}, Influx::Error *error = nullptr);
// Writes line protocol and waits; returns the error (none on success).
Influx::Error writeLines(Influx::Client &client, const QByteArray &lines,
                         const Influx::WriteOptions &options = {});

// On the fixture's influxd: creates a database and writes the lines into it (none on success),
// or drops it.
Influx::Error createDatabase(const QString &database, const QByteArray &lines = {});
void dropDatabase(const QString &database);

} // namespace TestSupport

#endif // TESTSUPPORT_TESTSERVER_H
