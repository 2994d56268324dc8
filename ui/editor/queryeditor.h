// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYEDITOR_H
#define EXPLORER_QUERYEDITOR_H

#include "editor/completionengine.h"
#include "editor/statementlocator.h"

#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtWidgets/QPlainTextEdit>

#include <optional>

QT_BEGIN_NAMESPACE
class QCompleter;
class QStandardItemModel;
QT_END_NAMESPACE

namespace Explorer {

class InfluxQLHighlighter;

// The raw InfluxQL editor: highlighting, a line-number gutter (with a bar beside the lines that
// Ctrl+Enter would run), current-line highlight, 4-space tabs, auto-indent and completion of
// keywords, functions and the current database's schema (setSchemaWords).
//
// Running: one signal, runRequested(text), carries whatever should be sent to the server.
// Ctrl+Enter (Return or keypad Enter) sends textToRun(): the selection, else the statement at
// the cursor. Ctrl+Shift+Enter sends the whole text (the client splits it into statements).
// Text that is empty or only whitespace is never sent. runStatement()/runAll() do the same for
// toolbar actions.
//
// Self-contained: it knows nothing of files, tabs or connections. It owns its highlighter,
// gutter, completer and completion model.
class QueryEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit QueryEditor(QWidget *parent = nullptr);
    ~QueryEditor() override;

    // The statement containing the cursor, trimmed (see StatementLocator for the rules).
    QString statementAtCursor() const;
    // The selection (trimmed, newlines as '\n') if there is one, else statementAtCursor().
    QString textToRun() const;
    // [begin, end) positions of every statement in the text.
    QList<QPair<int, int>> statementRanges() const;

    // The current database's names, offered by completion; empty lists clear them.
    void setSchemaWords(const QStringList &measurements, const QStringList &fields,
                        const QStringList &tags);
    const CompletionEngine &completionEngine() const { return m_engine; }
    QCompleter *completer() const { return m_completer; }

public Q_SLOTS:
    void runStatement(); // as Ctrl+Enter
    void runAll(); // as Ctrl+Shift+Enter
    void showCompletions(); // as Ctrl+Space: the popup, even for an empty prefix

Q_SIGNALS:
    void runRequested(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    class Gutter;
    friend class Gutter;
    enum class Trigger { Typing, Explicit, Refresh };

    const StatementLocator &locator() const;
    QPair<int, int> runRange() const;
    void insertNewline();
    void unindent();
    void updateCompletion(Trigger trigger);
    void insertCompletion(const QModelIndex &index);
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    void updateGutter(const QRect &rect, int dy);
    void updateGutterGeometry();
    void highlightCurrentLine();

    InfluxQLHighlighter *m_highlighter;
    Gutter *m_gutter;
    CompletionEngine m_engine;
    QStandardItemModel *m_completionModel;
    QCompleter *m_completer;
    bool m_explicitPopup = false; // opened by Ctrl+Space: stays open for an empty prefix
    mutable std::optional<StatementLocator> m_locator; // of the current text
};

} // namespace Explorer

#endif // EXPLORER_QUERYEDITOR_H
