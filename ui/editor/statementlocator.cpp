// SPDX-License-Identifier: MIT
#include "statementlocator.h"

#include "influxql.h"

namespace Explorer {

StatementLocator::StatementLocator(QStringView text)
{
    using Kind = Influx::InfluxQL::Token::Kind;
    Segment segment;
    // The first comment that starts on a line below the previous ';' (-1: none yet).
    int ownLineComment = -1;
    auto finish = [&](int next) {
        segment.anchor = segment.begin < 0 ? segment.start
                : ownLineComment >= 0      ? ownLineComment
                                           : segment.begin;
        m_segments.append(segment);
        segment = Segment {};
        segment.start = next;
        ownLineComment = -1;
    };
    for (const Influx::InfluxQL::Token &token : Influx::InfluxQL::tokenize(text)) {
        if (token.kind == Kind::Semicolon) {
            finish(int(token.end));
        } else if (token.isComment()) {
            if (segment.begin < 0 && ownLineComment < 0
                && (m_segments.isEmpty()
                    || text.sliced(segment.start, token.begin - segment.start).contains(u'\n'))) {
                ownLineComment = int(token.begin);
            }
        } else {
            if (segment.begin < 0)
                segment.begin = int(token.begin);
            segment.end = int(token.end);
        }
    }
    finish(int(text.size()));
}

QList<QPair<int, int>> StatementLocator::ranges() const
{
    QList<QPair<int, int>> result;
    for (const Segment &segment : m_segments) {
        if (segment.begin >= 0)
            result.append({segment.begin, segment.end});
    }
    return result;
}

qsizetype StatementLocator::indexAt(int position) const
{
    // The segment the position falls into: after its start and up to (including) its ';'.
    qsizetype at = 0;
    while (at + 1 < m_segments.size() && position >= m_segments[at + 1].start)
        ++at;
    const Segment &segment = m_segments[at];
    const bool rightAfterSemicolon = at > 0 && position == segment.start;
    qsizetype chosen = -1;
    if (segment.begin >= 0 && position >= segment.anchor && !rightAfterSemicolon) {
        chosen = at;
    } else {
        for (qsizetype i = at - 1; i >= 0 && chosen < 0; --i) {
            if (m_segments[i].begin >= 0)
                chosen = i;
        }
        for (qsizetype i = at; i < m_segments.size() && chosen < 0; ++i) {
            if (m_segments[i].begin >= 0)
                chosen = i;
        }
    }
    if (chosen < 0)
        return -1;
    qsizetype index = 0; // count the non-empty segments before the chosen one
    for (qsizetype i = 0; i < chosen; ++i)
        index += m_segments[i].begin >= 0 ? 1 : 0;
    return index;
}

QPair<int, int> StatementLocator::rangeAt(int position) const
{
    const qsizetype index = indexAt(position);
    return index < 0 ? QPair<int, int> {-1, -1} : ranges().at(index);
}

} // namespace Explorer
