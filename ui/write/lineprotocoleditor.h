// SPDX-License-Identifier: MIT
#ifndef EXPLORER_LINEPROTOCOLEDITOR_H
#define EXPLORER_LINEPROTOCOLEDITOR_H

#include <QtWidgets/QPlainTextEdit>

namespace Explorer {

// A plain monospace editor for line protocol with line numbers in a gutter and two sets of
// marked lines: the local check's bad lines and the lines the last write did not write.
// Marks are extra selections: they move with the text as it is edited.
//
// Child object names: "lineNumberGutter".
class LineProtocolEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class MarkKind { BadLine, NotWritten };

    explicit LineProtocolEditor(QWidget *parent = nullptr);

    // 1-based line numbers; at most MaxMarks of each kind are shown (a huge paste that is all
    // wrong needs no million highlights to be understood).
    static constexpr qsizetype MaxMarks = 5000;
    void setMarkedLines(MarkKind kind, const QList<qsizetype> &lines);
    QList<qsizetype> markedLines(MarkKind kind) const;

    // Moves the cursor to line (1-based), column (1-based) and shows it.
    void goToLine(qsizetype line, qsizetype column = 1);
    // Replaces the whole text as one undoable edit (Ctrl+Z brings the old text back).
    void replaceText(const QString &text);
    // Keeps only these lines (1-based, ascending), joined by '\n', as one undoable edit. Removes
    // the others in place when they form few runs (a write stopped early keeps a long tail):
    // rebuilding a text of 100,000 lines would hold up the window for a noticeable time.
    void keepLines(const QList<qsizetype> &lines);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    class Gutter;
    friend class Gutter;
    int gutterWidth() const;
    void updateGutterGeometry();
    void paintGutter(QPaintEvent *event);
    void applyMarks();

    Gutter *m_gutter;
    QList<qsizetype> m_badLines;
    QList<qsizetype> m_notWritten;
};

} // namespace Explorer

#endif // EXPLORER_LINEPROTOCOLEDITOR_H
