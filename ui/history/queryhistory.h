// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYHISTORY_H
#define EXPLORER_QUERYHISTORY_H

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Explorer {

// The query editor's history: what ran, when, against which connection, how long it took and
// how it ended. It survives restarts as one JSON object per line in a file, so an append never
// rewrites what is there (only trimming to maxEntries does, atomically).
//
// Passwords never reach the file: a string literal after PASSWORD (CREATE USER … WITH PASSWORD
// '…', SET PASSWORD FOR … = '…') is stored as '******'.
class QueryHistory
{
public:
    struct Entry
    {
        QString query;
        QDateTime when; // UTC
        QString connection; // profile name, never credentials
        qint64 elapsedMs = 0;
        qint64 rows = 0;
        QString error; // empty on success
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit QueryHistory(const QString &filePath, int maxEntries = 10000);

    // Reads the file; a damaged line is skipped, the others are kept. A missing file is empty.
    bool load(QString *error = nullptr);
    // Redacts, keeps and appends the entry to the file.
    bool append(const Entry &entry, QString *error = nullptr);
    QList<Entry> entries() const { return m_entries; } // oldest first
    // Entries whose query contains text (case-insensitive), newest first.
    QList<Entry> search(QStringView text) const;
    QString filePath() const { return m_path; }

    static QString redact(const QString &query);

private:
    bool rewrite(QString *error);
    QString m_path;
    int m_maxEntries;
    QList<Entry> m_entries;
};

} // namespace Explorer

#endif // EXPLORER_QUERYHISTORY_H
