// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYFILE_H
#define EXPLORER_QUERYFILE_H

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace Explorer {

// Query files on disk (.influxql, .sql, .txt): UTF-8 text. Reading strips a byte-order mark and
// turns CRLF/CR line ends into '\n'; writing is atomic (QSaveFile), so a failed save never
// leaves half a file. Errors are sentences for the user, naming the file.
class QueryFile
{
    Q_DECLARE_TR_FUNCTIONS(Explorer::QueryFile)
public:
    static constexpr qint64 maximumSize = 16 * 1024 * 1024; // larger is surely not a query

    static bool read(const QString &path, QString *text, QString *error = nullptr);
    static bool write(const QString &path, const QString &text, QString *error = nullptr);
    // For QFileDialog: "InfluxQL queries (*.influxql *.sql *.txt)", "All files (*)".
    static QStringList nameFilters();
};

} // namespace Explorer

#endif // EXPLORER_QUERYFILE_H
