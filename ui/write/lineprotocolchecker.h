// SPDX-License-Identifier: MIT
#ifndef EXPLORER_LINEPROTOCOLCHECKER_H
#define EXPLORER_LINEPROTOCOLCHECKER_H

#include <datapoint.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>

namespace Explorer {

// A strict line-protocol parser for text the user pastes: it reads each line the way
// InfluxDB 1.6's parser does (same separators, escapes and value syntax) into an
// Influx::DataPoint, then applies the client library's own rules (Influx::LineProtocol::
// validate), so a line passes only when the server would accept it AND store it as written.
// It is stricter than the server where the server guesses: duplicate tag or field keys,
// unsigned integers, text after the timestamp and the names validate() rejects are errors.
//
// Blank lines and comments (first non-blank character '#') are allowed and skipped. A trailing
// '\r' (CRLF text) is ignored. Columns are 1-based UTF-16 positions within the line.
class LineProtocolChecker
{
    Q_DECLARE_TR_FUNCTIONS(Explorer::LineProtocolChecker)
public:
    enum class LineKind { Data, Blank, Comment };

    struct Problem
    {
        qsizetype line = 0; // 1-based
        qsizetype column = 0; // 1-based
        QString message;
        friend bool operator==(const Problem &, const Problem &) = default;
    };

    // The outcome for one line: the point, or where and why it is invalid.
    struct LineResult
    {
        std::optional<Influx::DataPoint> point;
        qsizetype column = 0;
        QString message;
        bool isValid() const { return point.has_value(); }
    };

    // Timestamps are read in this precision (it decides the valid time range).
    explicit LineProtocolChecker(Influx::Precision precision = Influx::Precision::Nanoseconds)
        : m_precision(precision)
    { }

    // line without its '\n' (a trailing '\r' is ignored).
    static LineKind kindOf(QStringView line);
    // '\n'-separated lines, each without a trailing '\r'. A final '\n' ends the last line
    // rather than starting an empty one.
    static QList<QStringView> splitLines(QStringView text);

    // Parses one data line (Blank and Comment lines give a problem: call kindOf() first).
    LineResult parseLine(QStringView line) const;
    // Every bad data line of the text, in order. Stops after maxProblems (0: no limit).
    QList<Problem> check(QStringView text, qsizetype maxProblems = 0) const;

private:
    Influx::Precision m_precision;
};

} // namespace Explorer

#endif // EXPLORER_LINEPROTOCOLCHECKER_H
