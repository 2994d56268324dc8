// SPDX-License-Identifier: MIT
#include "queryeditor.h"

#include "influxqlhighlighter.h"

#include <QtGui/QFontDatabase>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtGui/QStandardItemModel>
#include <QtGui/QTextBlock>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QScrollBar>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr int InsertionRole = Qt::UserRole;
constexpr int CursorBackRole = Qt::UserRole + 1;
constexpr int gutterMargin = 4;
constexpr int runBarWidth = 3;

bool isIdentChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_';
}

// QTextCursor::selectedText() separates lines with U+2029 (and soft breaks with U+2028).
QString plainSelection(const QTextCursor &cursor)
{
    QString text = cursor.selectedText();
    text.replace(QChar::ParagraphSeparator, u'\n').replace(QChar::LineSeparator, u'\n');
    return text;
}

QString kindName(CompletionEngine::Kind kind)
{
    switch (kind) {
    case CompletionEngine::Kind::Measurement:
        return QueryEditor::tr("measurement");
    case CompletionEngine::Kind::Field:
        return QueryEditor::tr("field");
    case CompletionEngine::Kind::Tag:
        return QueryEditor::tr("tag");
    case CompletionEngine::Kind::Keyword:
        return QueryEditor::tr("keyword");
    case CompletionEngine::Kind::Function:
        return QueryEditor::tr("function");
    }
    return {};
}

} // namespace

// Paints in the editor's left margin; all the work is the editor's, which knows the layout.
class QueryEditor::Gutter : public QWidget
{
public:
    explicit Gutter(QueryEditor *editor) : QWidget(editor), m_editor(editor)
    {
        setObjectName(u"lineNumberGutter"_s);
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    QueryEditor *m_editor;
};

QueryEditor::QueryEditor(QWidget *parent)
    : QPlainTextEdit(parent),
      m_highlighter(new InfluxQLHighlighter(document())),
      m_gutter(new Gutter(this)),
      m_completionModel(new QStandardItemModel(this)),
      m_completer(new QCompleter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(u' '));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);

    m_completer->setWidget(this);
    m_completer->setModel(m_completionModel);
    // The engine has already filtered and ranked; the completer only shows the list.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &QueryEditor::insertCompletion);

    connect(document(), &QTextDocument::contentsChanged, this, [this] { m_locator.reset(); });
    connect(this, &QPlainTextEdit::blockCountChanged, this, &QueryEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &QueryEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        highlightCurrentLine();
        m_gutter->update(); // the run bar follows the cursor
    });
    connect(this, &QPlainTextEdit::selectionChanged, m_gutter, qOverload<>(&QWidget::update));
    updateGutterGeometry();
    highlightCurrentLine();
}

QueryEditor::~QueryEditor() = default;

const StatementLocator &QueryEditor::locator() const
{
    if (!m_locator)
        m_locator.emplace(toPlainText());
    return *m_locator;
}

QString QueryEditor::statementAtCursor() const
{
    const QPair<int, int> range = locator().rangeAt(textCursor().position());
    if (range.first < 0)
        return {};
    return toPlainText().mid(range.first, range.second - range.first).trimmed();
}

QString QueryEditor::textToRun() const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return plainSelection(cursor).trimmed();
    return statementAtCursor();
}

QList<QPair<int, int>> QueryEditor::statementRanges() const
{
    return locator().ranges();
}

QPair<int, int> QueryEditor::runRange() const
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return {cursor.selectionStart(), cursor.selectionEnd()};
    return locator().rangeAt(cursor.position());
}

void QueryEditor::setSchemaWords(const QStringList &measurements, const QStringList &fields,
                                 const QStringList &tags)
{
    m_engine.setSchemaWords(measurements, fields, tags);
}

void QueryEditor::runStatement()
{
    const QString text = textToRun();
    if (!text.isEmpty())
        Q_EMIT runRequested(text);
}

void QueryEditor::runAll()
{
    const QString text = toPlainText();
    if (!text.trimmed().isEmpty())
        Q_EMIT runRequested(text);
}

void QueryEditor::showCompletions()
{
    updateCompletion(Trigger::Explicit);
}

void QueryEditor::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    QAbstractItemView *popup = m_completer->popup();
    if (popup->isVisible()
        && (enter || key == Qt::Key_Escape || key == Qt::Key_Tab || key == Qt::Key_Backtab)) {
        event->ignore(); // the completer accepts (Enter, Tab) or closes (Escape, Backtab)
        return;
    }
    if (enter && (modifiers & Qt::ControlModifier)) {
        if (modifiers & Qt::ShiftModifier)
            runAll();
        else
            runStatement();
        return;
    }
    if (key == Qt::Key_Space && modifiers == Qt::ControlModifier) {
        showCompletions();
        return;
    }
    if (key == Qt::Key_Tab && modifiers == Qt::NoModifier) {
        insertPlainText(u"    "_s);
        return;
    }
    if (key == Qt::Key_Backtab) {
        unindent();
        return;
    }
    if (enter && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier)) {
        insertNewline(); // also for Shift+Enter: a soft line break would confuse line numbers
        return;
    }

    QPlainTextEdit::keyPressEvent(event);

    const QString typed = event->text();
    const bool word = typed.size() == 1 && isIdentChar(typed.front());
    if (popup->isVisible()) {
        if (word || key == Qt::Key_Backspace)
            updateCompletion(Trigger::Refresh);
        else if (key != Qt::Key_Shift && key != Qt::Key_Control && key != Qt::Key_Alt)
            popup->hide(); // the word is done (space, operator) or the cursor moved
    } else if (word) {
        updateCompletion(Trigger::Typing);
    }
}

void QueryEditor::insertNewline()
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    qsizetype indent = 0;
    while (indent < line.size() && (line[indent] == u' ' || line[indent] == u'\t'))
        ++indent;
    cursor.beginEditBlock();
    cursor.insertBlock();
    cursor.insertText(line.left(indent));
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

// Shift+Tab: removes up to four spaces (or one tab) before the cursor's line text.
void QueryEditor::unindent()
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    qsizetype remove = 0;
    if (line.startsWith(u'\t')) {
        remove = 1;
    } else {
        while (remove < 4 && remove < line.size() && line[remove] == u' ')
            ++remove;
    }
    if (remove == 0)
        return;
    cursor.setPosition(cursor.block().position());
    cursor.setPosition(cursor.block().position() + int(remove), QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
}

void QueryEditor::updateCompletion(Trigger trigger)
{
    const CompletionEngine::Result result =
            m_engine.complete(toPlainText(), textCursor().position());
    QAbstractItemView *popup = m_completer->popup();
    bool show = !result.candidates.isEmpty();
    if (trigger == Trigger::Explicit)
        m_explicitPopup = true;
    else if (trigger == Trigger::Typing)
        m_explicitPopup = false;
    if (!m_explicitPopup) {
        // Opened by typing: only for a real word, and not when the word is already complete.
        const qsizetype minimum = trigger == Trigger::Typing ? 2 : 1;
        show = show && result.prefix.size() >= minimum
                && !(result.candidates.size() == 1
                     && result.candidates.front().display.compare(result.prefix,
                                                                  Qt::CaseInsensitive)
                             == 0);
    }
    if (!show) {
        popup->hide();
        return;
    }

    m_completionModel->clear();
    for (const CompletionEngine::Candidate &candidate : result.candidates) {
        auto *item = new QStandardItem(candidate.display);
        item->setData(candidate.insertion, InsertionRole);
        item->setData(candidate.cursorBack, CursorBackRole);
        item->setToolTip(kindName(candidate.kind));
        item->setEditable(false);
        m_completionModel->appendRow(item);
    }
    m_completer->setCompletionPrefix(QString());
    QTextCursor start = textCursor();
    start.setPosition(int(result.begin));
    QRect rect = cursorRect(start);
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width()
                  + 2 * popup->frameWidth());
    m_completer->complete(rect);
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void QueryEditor::insertCompletion(const QModelIndex &index)
{
    const QString insertion = index.data(InsertionRole).toString();
    if (insertion.isEmpty())
        return;
    // The range is taken again: it is the word at the cursor now, which the popup showed.
    const CompletionEngine::Result result =
            m_engine.complete(toPlainText(), textCursor().position());
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.setPosition(int(result.begin));
    cursor.setPosition(int(result.end), QTextCursor::KeepAnchor);
    cursor.insertText(insertion);
    cursor.endEditBlock();
    cursor.setPosition(cursor.position() - index.data(CursorBackRole).toInt());
    setTextCursor(cursor);
}

void QueryEditor::focusInEvent(QFocusEvent *event)
{
    m_completer->setWidget(this);
    QPlainTextEdit::focusInEvent(event);
}

int QueryEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = std::max(digits, 2);
    return 2 * gutterMargin + runBarWidth + fontMetrics().horizontalAdvance(u'9') * digits;
}

void QueryEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

// The gutter widens with the number of digits (line 100 needs one more).
void QueryEditor::updateGutterGeometry()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), width, contents.height()));
}

void QueryEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void QueryEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::Window));
    painter.setFont(font());

    // The lines of what Ctrl+Enter would run get a bar beside their numbers.
    const QPair<int, int> run = runRange();
    int firstRunLine = -1;
    int lastRunLine = -1;
    if (run.first >= 0) {
        firstRunLine = document()->findBlock(run.first).blockNumber();
        lastRunLine = document()->findBlock(std::max(run.first, run.second - 1)).blockNumber();
    }
    const int current = textCursor().blockNumber();
    const int numberRight = m_gutter->width() - gutterMargin - runBarWidth;
    QColor runColor = palette().color(QPalette::Highlight);

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
            if (number >= firstRunLine && number <= lastRunLine)
                painter.fillRect(m_gutter->width() - runBarWidth, top, runBarWidth, height,
                                 runColor);
        }
        block = block.next();
        top = bottom;
    }
}

void QueryEditor::highlightCurrentLine()
{
    QTextEdit::ExtraSelection line;
    QColor color = palette().color(QPalette::Highlight);
    color.setAlpha(28);
    line.format.setBackground(color);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    setExtraSelections({line});
}

} // namespace Explorer
