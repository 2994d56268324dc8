// SPDX-License-Identifier: MIT
#include "lineprotocoleditor.h"

#include <QtGui/QFontDatabase>
#include <QtGui/QPainter>
#include <QtGui/QTextBlock>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr int GutterMargin = 4;

QColor markColor(LineProtocolEditor::MarkKind kind)
{
    return kind == LineProtocolEditor::MarkKind::BadLine ? QColor(255, 205, 205)
                                                         : QColor(255, 233, 180);
}

} // namespace

class LineProtocolEditor::Gutter : public QWidget
{
public:
    explicit Gutter(LineProtocolEditor *editor) : QWidget(editor), m_editor(editor)
    {
        setObjectName(u"lineNumberGutter"_s);
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    LineProtocolEditor *m_editor;
};

LineProtocolEditor::LineProtocolEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_gutter(new Gutter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    setPlaceholderText(tr("Paste line protocol here, or open a file.\n"
                          "measurement,tag=value field=1.5,count=3i,ok=true,note=\"text\" "
                          "1700000000000000000"));
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            &LineProtocolEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterGeometry();
}

void LineProtocolEditor::setMarkedLines(MarkKind kind, const QList<qsizetype> &lines)
{
    (kind == MarkKind::BadLine ? m_badLines : m_notWritten) =
            lines.first(std::min(lines.size(), MaxMarks));
    applyMarks();
}

QList<qsizetype> LineProtocolEditor::markedLines(MarkKind kind) const
{
    return kind == MarkKind::BadLine ? m_badLines : m_notWritten;
}

void LineProtocolEditor::applyMarks()
{
    QList<QTextEdit::ExtraSelection> selections;
    const auto add = [this, &selections](const QList<qsizetype> &lines, MarkKind kind) {
        for (const qsizetype line : lines) {
            const QTextBlock block = document()->findBlockByNumber(int(line - 1));
            if (!block.isValid())
                continue;
            QTextEdit::ExtraSelection selection;
            selection.format.setBackground(markColor(kind));
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor = QTextCursor(block);
            selections.append(selection);
        }
    };
    add(m_notWritten, MarkKind::NotWritten);
    add(m_badLines, MarkKind::BadLine); // last: drawn on top
    setExtraSelections(selections);
}

void LineProtocolEditor::goToLine(qsizetype line, qsizetype column)
{
    const QTextBlock block = document()->findBlockByNumber(int(line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        int(std::clamp<qsizetype>(column - 1, 0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

void LineProtocolEditor::replaceText(const QString &text)
{
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

void LineProtocolEditor::keepLines(const QList<qsizetype> &lines)
{
    // The runs of blocks to remove, as [first, last] block numbers.
    QList<std::pair<int, int>> runs;
    int next = 0; // the first block not yet decided
    for (const qsizetype line : lines) {
        const int block = int(line - 1);
        if (block > next)
            runs.append({next, block - 1});
        next = std::max(next, block + 1);
    }
    const int blocks = document()->blockCount();
    if (next < blocks)
        runs.append({next, blocks - 1});
    constexpr qsizetype MaxRuns = 100; // beyond this, one replacement is cheaper
    if (runs.size() > MaxRuns) {
        QStringList kept;
        kept.reserve(lines.size());
        for (const qsizetype line : lines)
            kept.append(document()->findBlockByNumber(int(line - 1)).text());
        replaceText(kept.join(u'\n'));
        return;
    }
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    // From the end, so that the block numbers of the runs before stay valid.
    for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
        const QTextBlock first = document()->findBlockByNumber(run->first);
        const QTextBlock after = document()->findBlockByNumber(run->second + 1);
        if (after.isValid()) {
            cursor.setPosition(first.position()); // the run and the line ends after its lines
            cursor.setPosition(after.position(), QTextCursor::KeepAnchor);
        } else {
            // The last lines: with the line end before them, so that no '\n' is left over.
            cursor.setPosition(std::max(0, first.position() - 1));
            cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        }
        cursor.removeSelectedText();
    }
    cursor.endEditBlock();
}

void LineProtocolEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

int LineProtocolEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 2 * GutterMargin + fontMetrics().horizontalAdvance(u'9') * digits;
}

// The gutter widens with the number of digits (line 100 needs one more).
void LineProtocolEditor::updateGutterGeometry()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), width, contents.height()));
}

void LineProtocolEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::Window));
    painter.setFont(font());
    const int current = textCursor().blockNumber();
    const int numberRight = m_gutter->width() - GutterMargin;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        const int bottom = top + height;
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            painter.setPen(palette().color(number == current ? QPalette::WindowText
                                                             : QPalette::PlaceholderText));
            painter.drawText(0, top, numberRight, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
    }
}

} // namespace Explorer
