// SPDX-License-Identifier: MIT
#ifndef EXPLORER_INFLUXQLHIGHLIGHTER_H
#define EXPLORER_INFLUXQLHIGHLIGHTER_H

#include <QtGui/QSyntaxHighlighter>
#include <QtCore/QStringList>
#include <QtGui/QTextCharFormat>

namespace Explorer {

// InfluxQL syntax highlighting for the query editor. It colours what the client's own InfluxQL
// scanner (Influx::InfluxQL::tokenize, the one that decides GET or POST) sees, so the colours
// never disagree with how a query is classified: keywords, functions, strings, quoted
// identifiers, regexes, numbers and durations, bound parameters and comments (also
// /* block comments */ that span lines).
class InfluxQLHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Style { Keyword, Function, String, Identifier, Regex, Number, Parameter, Comment };

    explicit InfluxQLHighlighter(QTextDocument *document);

    QTextCharFormat format(Style style) const;
    static bool isKeyword(QStringView word);
    static bool isFunction(QStringView word);
    // The words isKeyword() and isFunction() accept, upper case, for completion.
    static QStringList keywords();
    static QStringList functions();

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Normal = 0, InBlockComment = 1 };
    QTextCharFormat m_formats[8];
};

} // namespace Explorer

#endif // EXPLORER_INFLUXQLHIGHLIGHTER_H
