// SPDX-License-Identifier: MIT
#ifndef EXPLORER_COMPLETIONENGINE_H
#define EXPLORER_COMPLETIONENGINE_H

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Explorer {

// What the query editor offers to complete, without any widget: given the text and the cursor
// position it finds the word being typed and ranks keywords, functions and the schema words of
// the current database by what the statement expects there (measurements after FROM/INTO,
// fields and tags after SELECT/WHERE/GROUP BY, keywords after a complete operand).
//
// Nothing is offered inside strings, regexes, comments, numbers or bound parameters. A name
// that InfluxQL would not read as a bare identifier is inserted double-quoted and escaped.
class CompletionEngine
{
public:
    enum class Kind { Measurement, Field, Tag, Keyword, Function };

    struct Candidate
    {
        QString display; // what the popup shows
        QString insertion; // what replaces [Result::begin, Result::end)
        int cursorBack = 0; // how far to move left after inserting (into "mean(|)")
        Kind kind = Kind::Keyword;
    };

    struct Result
    {
        qsizetype begin = 0; // the range the chosen insertion replaces
        qsizetype end = 0;
        QString prefix; // the part of the word before the cursor, without any opening quote
        bool quoted = false; // the word started with '"'
        QList<Candidate> candidates; // best first; names matching the prefix, any case
    };

    void setSchemaWords(const QStringList &measurements, const QStringList &fields,
                        const QStringList &tags);

    Result complete(QStringView text, qsizetype cursor) const;

    // True when name is not [A-Za-z_][A-Za-z0-9_]* or is a keyword.
    static bool needsQuoting(QStringView name);
    // name itself, or "name" with '"' and '\' escaped when it needs quoting.
    static QString quoteIdentifier(const QString &name);

private:
    QStringList m_measurements;
    QStringList m_fields;
    QStringList m_tags;
};

} // namespace Explorer

#endif // EXPLORER_COMPLETIONENGINE_H
