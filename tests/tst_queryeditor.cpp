// SPDX-License-Identifier: MIT
// QueryEditor, its completion and the editor tabs: which statement Ctrl+Enter runs (with ';'
// inside strings, identifiers, regexes and comments), the run keys, what completion offers where
// and what it inserts, the popup driven by real key presses, and query files through the tabs.
#include "editor/completionengine.h"
#include "editor/influxqlhighlighter.h"
#include "editor/queryeditor.h"
#include "editor/queryfile.h"
#include "influxql.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QFontDatabase>
#include <QtGui/QTextDocument>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCompleter>

using namespace Qt::StringLiterals;
using Explorer::CompletionEngine;
using Explorer::QueryEditor;
using Explorer::QueryFile;
using Kind = CompletionEngine::Kind;

namespace {

constexpr QChar cursorMark = u'@'; // not an InfluxQL character

// Puts text (without the mark) into the editor and the cursor where the mark was.
void setTextWithCursor(QueryEditor &editor, const QString &marked)
{
    const qsizetype at = marked.indexOf(cursorMark);
    QVERIFY2(at >= 0, "the text has no cursor mark");
    editor.setPlainText(QString(marked).remove(at, 1));
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(int(at));
    editor.setTextCursor(cursor);
}

CompletionEngine::Result complete(const CompletionEngine &engine, const QString &marked)
{
    const qsizetype at = marked.indexOf(cursorMark);
    const QString text = at < 0 ? marked : QString(marked).remove(at, 1);
    return engine.complete(text, at < 0 ? text.size() : at);
}

QStringList displays(const CompletionEngine::Result &result, qsizetype count = -1)
{
    QStringList list;
    for (const CompletionEngine::Candidate &candidate : result.candidates)
        list.append(candidate.display);
    return count < 0 ? list : list.first(std::min(count, list.size()));
}

CompletionEngine schemaEngine()
{
    CompletionEngine engine;
    engine.setSchemaWords({u"mem"_s, u"cpu"_s, u"cpu load"_s, u"Cpu\"Q"_s},
                          {u"usage_user"_s, u"value"_s, u"select"_s}, {u"host"_s, u"region"_s});
    return engine;
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_QueryEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statementAtCursor_data();
    void statementAtCursor();
    void rangesAgreeWithSplitStatements();
    void selectionWins();
    void runKeys();
    void emptyTextRunsNothing();
    void tabAndAutoIndent();
    void looks();

    void completionContexts_data();
    void completionContexts();
    void completionCaseAndPrefix();
    void completionInsertions();
    void nothingInsideLiterals_data();
    void nothingInsideLiterals();
    void quoting_data();
    void quoting();

    void popupOpensAfterTwoCharacters();
    void popupChoosesWithArrowsAndTab();
    void popupEscapeAndCtrlSpace();

    void queryFileErrors();

private:
    static bool show(QueryEditor &editor);
    static void type(QueryEditor &editor, const QString &text);
};

bool tst_QueryEditor::show(QueryEditor &editor)
{
    editor.resize(500, 300);
    editor.show();
    editor.activateWindow();
    if (!QTest::qWaitForWindowActive(&editor))
        return false;
    editor.setFocus();
    return editor.hasFocus();
}

// Keys go to the window, which hands them to the open popup (whose completer passes them on to
// the editor) or else to the focused editor, as for a user.
void tst_QueryEditor::type(QueryEditor &editor, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(editor.windowHandle(), char(c.unicode()));
}

void tst_QueryEditor::statementAtCursor_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("statement");
    QTest::newRow("middle of three") << u"SELECT 1; SELECT 2@; SELECT 3"_s << u"SELECT 2"_s;
    QTest::newRow("inside a word") << u"SELECT 1;\nSEL@ECT 2"_s << u"SELECT 2"_s;
    QTest::newRow("start of text") << u"@SELECT 1;\nSELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("end of text") << u"SELECT 1;\nSELECT 2@"_s << u"SELECT 2"_s;
    QTest::newRow("end after final ;") << u"SELECT 1;\nSELECT 2;@"_s << u"SELECT 2"_s;
    QTest::newRow("right after ;") << u"SELECT 1;@SELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("right before ;") << u"SELECT 1@;SELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("spaces between") << u"SELECT 1;   @  SELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("blank line between") << u"SELECT 1;\n@\nSELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("blank lines before first") << u"\n  @\n\nSELECT 1;\nSELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("trailing whitespace") << u"SELECT 1; SELECT 2  \n\n@"_s << u"SELECT 2"_s;
    QTest::newRow("; in string") << u"SELECT * FROM m WHERE a = 'x;y@' ; SELECT 2"_s
                                 << u"SELECT * FROM m WHERE a = 'x;y'"_s;
    QTest::newRow("; in string, after it")
            << u"SELECT * FROM m WHERE a = 'x;y' ; SELECT 2@"_s << u"SELECT 2"_s;
    QTest::newRow("; in identifier")
            << u"SELECT \"a;b\" FROM m@; SELECT 2"_s << u"SELECT \"a;b\" FROM m"_s;
    QTest::newRow("; in regex") << u"SELECT * FROM /a;b/@; SELECT 2"_s << u"SELECT * FROM /a;b/"_s;
    QTest::newRow("; in line comment")
            << u"SELECT 1 -- no; split\n+ 2@; SELECT 3"_s << u"SELECT 1 -- no; split\n+ 2"_s;
    QTest::newRow("; in block comment")
            << u"SELECT /* ; */ 1@; SELECT 2"_s << u"SELECT /* ; */ 1"_s;
    QTest::newRow("comment line above a statement")
            << u"SELECT 1;\n-- the second@\nSELECT 2"_s << u"SELECT 2"_s;
    QTest::newRow("comment on the line of ;")
            << u"SELECT 1; -- first@\nSELECT 2"_s << u"SELECT 1"_s;
    QTest::newRow("statement over lines")
            << u"SHOW DATABASES;\n\nSELECT mean(v)\n  FROM m\n@  WHERE x = 1;\n\nSHOW USERS"_s
            << u"SELECT mean(v)\n  FROM m\n  WHERE x = 1"_s;
    QTest::newRow("empty statements") << u"SELECT 1;;;@;"_s << u"SELECT 1"_s;
    QTest::newRow("empty text") << u"@"_s << QString();
    QTest::newRow("only comments") << u"  -- nothing@ here\n/* nor here */"_s << QString();
    QTest::newRow("unterminated string") << u"SELECT 1; SELECT 'a;b@"_s << u"SELECT 'a;b"_s;
}

void tst_QueryEditor::statementAtCursor()
{
    QFETCH(QString, text);
    QFETCH(QString, statement);
    QueryEditor editor;
    setTextWithCursor(editor, text);
    QCOMPARE(editor.statementAtCursor(), statement);
    QCOMPARE(editor.textToRun(), statement);
}

void tst_QueryEditor::rangesAgreeWithSplitStatements()
{
    const QString text = u"-- intro\nSELECT 'a;b' FROM \"x;y\" ;; /* c; */\n"
                         "SELECT * FROM /r;e/ -- t;\n;\n  SHOW DATABASES  "_s;
    QueryEditor editor;
    editor.setPlainText(text);
    QStringList fromRanges;
    for (const auto &[begin, end] : editor.statementRanges())
        fromRanges.append(text.mid(begin, end - begin));
    QStringList split;
    for (QStringView statement : Influx::InfluxQL::splitStatements(text))
        split.append(statement.toString());
    QCOMPARE(fromRanges, split);
    QCOMPARE(fromRanges.size(), 3);
}

void tst_QueryEditor::selectionWins()
{
    QueryEditor editor;
    editor.setPlainText(u"SELECT 1;\nSELECT a\nFROM m;\nSELECT 3"_s);
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(10); // start of "SELECT a"
    cursor.setPosition(26, QTextCursor::KeepAnchor); // end of "FROM m;"
    editor.setTextCursor(cursor);
    QCOMPARE(editor.statementAtCursor(), u"SELECT a\nFROM m"_s);
    QCOMPARE(editor.textToRun(), u"SELECT a\nFROM m;"_s); // newline as '\n', ';' kept
    cursor.clearSelection();
    editor.setTextCursor(cursor);
    QCOMPARE(editor.textToRun(), u"SELECT a\nFROM m"_s);
}

void tst_QueryEditor::runKeys()
{
    QueryEditor editor;
    QVERIFY(show(editor));
    const QString text = u"SHOW DATABASES;\nSELECT * FROM \"a;b\"\n;SHOW USERS"_s;
    setTextWithCursor(editor, u"SHOW DATABASES;\nSELECT * FR@OM \"a;b\"\n;SHOW USERS"_s);
    QSignalSpy run(&editor, &QueryEditor::runRequested);

    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(run.size(), 1);
    QCOMPARE(run.at(0).at(0).toString(), u"SELECT * FROM \"a;b\""_s);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(run.size(), 2);
    QCOMPARE(run.at(1).at(0).toString(), u"SELECT * FROM \"a;b\""_s);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(run.size(), 3);
    QCOMPARE(run.at(2).at(0).toString(), text);
    QCOMPARE(editor.toPlainText(), text); // no newline was typed

    // With a selection, Ctrl+Enter runs exactly that.
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(0);
    cursor.setPosition(4, QTextCursor::KeepAnchor);
    editor.setTextCursor(cursor);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(run.size(), 4);
    QCOMPARE(run.at(3).at(0).toString(), u"SHOW"_s);
}

void tst_QueryEditor::emptyTextRunsNothing()
{
    QueryEditor editor;
    QVERIFY(show(editor));
    QSignalSpy run(&editor, &QueryEditor::runRequested);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    editor.setPlainText(u"  \n\t\n"_s);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    editor.setPlainText(u"-- just a comment\n"_s);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(run.size(), 0);
}

void tst_QueryEditor::tabAndAutoIndent()
{
    QueryEditor editor;
    QVERIFY(show(editor));
    QTest::keyClick(editor.windowHandle(), Qt::Key_Tab);
    type(editor, u"SELECT"_s);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Escape); // the popup, if any
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return);
    type(editor, u"x"_s);
    QCOMPARE(editor.toPlainText(), u"    SELECT\n    x"_s);
    QVERIFY(editor.hasFocus()); // Tab did not move focus away
    QTest::keyClick(editor.windowHandle(), Qt::Key_Backtab);
    QCOMPARE(editor.toPlainText(), u"    SELECT\nx"_s);
}

void tst_QueryEditor::looks()
{
    QueryEditor editor;
    QVERIFY(show(editor));
    QCOMPARE(editor.font(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QVERIFY(editor.document()->findChild<Explorer::InfluxQLHighlighter *>());

    // The gutter sits left of the text and widens when the line numbers get another digit.
    const QWidget *gutter = editor.findChild<QWidget *>(u"lineNumberGutter"_s);
    QVERIFY(gutter && gutter->isVisible());
    QCOMPARE(gutter->geometry().right() + 1, editor.viewport()->geometry().left());
    editor.setPlainText(u"SELECT 1\n"_s.repeated(98)); // 99 lines, scroll bars shown
    const int narrow = gutter->width();
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return); // line 100
    QVERIFY(gutter->width() > narrow);
    QCOMPARE(gutter->geometry().right() + 1, editor.viewport()->geometry().left());

    // The current line is highlighted, and the highlight follows the cursor.
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(editor.document()->findBlockByNumber(7).position() + 3);
    editor.setTextCursor(cursor);
    const QList<QTextEdit::ExtraSelection> selections = editor.extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.at(0).cursor.blockNumber(), 7);
    QVERIFY(selections.at(0).format.property(QTextFormat::FullWidthSelection).toBool());
}

void tst_QueryEditor::completionContexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QList<Kind>>("kinds");
    using L = QList<Kind>;
    QTest::newRow("after FROM: measurements")
            << u"SELECT * FROM @"_s << QStringList {u"cpu"_s, u"cpu load"_s, u"Cpu\"Q"_s, u"mem"_s}
            << L {Kind::Measurement, Kind::Measurement, Kind::Measurement, Kind::Measurement};
    QTest::newRow("after FROM, prefix")
            << u"SELECT * FROM c@"_s
            << QStringList {u"cpu"_s, u"cpu load"_s, u"Cpu\"Q"_s, u"cardinality"_s}
            << L {Kind::Measurement, Kind::Measurement, Kind::Measurement, Kind::Keyword};
    QTest::newRow("after FROM, lower-case keywords")
            << u"select * from m@"_s << QStringList {u"mem"_s, u"measurement"_s}
            << L {Kind::Measurement, Kind::Keyword};
    QTest::newRow("after INTO") << u"SELECT * INTO @"_s << QStringList {u"cpu"_s}
                                << L {Kind::Measurement};
    QTest::newRow("after SELECT: fields, then tags")
            << u"SELECT @"_s << QStringList {u"time"_s,  u"select"_s, u"usage_user"_s,
                                             u"value"_s, u"host"_s,   u"region"_s}
            << L {Kind::Field, Kind::Field, Kind::Field, Kind::Field, Kind::Tag, Kind::Tag};
    QTest::newRow("after SELECT, then functions")
            << u"SELECT mean(v), m@"_s << QStringList {u"max"_s, u"mean"_s, u"median"_s}
            << L {Kind::Function, Kind::Function, Kind::Function};
    QTest::newRow("WHERE: tags, then fields")
            << u"SELECT * FROM cpu WHERE host = 'a' AND @"_s
            << QStringList {u"host"_s, u"region"_s, u"time"_s, u"select"_s}
            << L {Kind::Tag, Kind::Tag, Kind::Field, Kind::Field};
    QTest::newRow("GROUP BY: tags, then time()") << u"SELECT mean(v) FROM cpu GROUP BY @"_s
                                                 << QStringList {u"host"_s, u"region"_s, u"abs"_s}
                                                 << L {Kind::Tag, Kind::Tag, Kind::Function};
    QTest::newRow("after a complete operand: keywords")
            << u"SELECT * FROM cpu W@"_s << QStringList {u"WHERE"_s, u"WITH"_s, u"WRITE"_s}
            << L {Kind::Keyword, Kind::Keyword, Kind::Keyword};
    QTest::newRow("after SELECT *: keywords")
            << u"SELECT * f@"_s << QStringList {u"false"_s, u"field"_s, u"for"_s}
            << L {Kind::Keyword, Kind::Keyword, Kind::Keyword};
    QTest::newRow("new statement: keywords")
            << u"SELECT * FROM cpu; s@"_s << QStringList {u"select"_s, u"series"_s}
            << L {Kind::Keyword, Kind::Keyword};
    QTest::newRow("SHOW TAG VALUES WITH KEY")
            << u"SHOW TAG VALUES FROM cpu WITH KEY = @"_s << QStringList {u"host"_s, u"region"_s}
            << L {Kind::Tag, Kind::Tag};
    QTest::newRow("quoted prefix: schema only")
            << u"SELECT * FROM \"cp@"_s << QStringList {u"cpu"_s, u"cpu load"_s, u"Cpu\"Q"_s}
            << L {Kind::Measurement, Kind::Measurement, Kind::Measurement};
}

void tst_QueryEditor::completionContexts()
{
    QFETCH(QString, text);
    QFETCH(QStringList, first);
    QFETCH(QList<Kind>, kinds);
    const CompletionEngine engine = schemaEngine();
    const CompletionEngine::Result result = complete(engine, text);
    QCOMPARE(displays(result, first.size()), first);
    for (qsizetype i = 0; i < kinds.size(); ++i)
        QCOMPARE(result.candidates.at(i).kind, kinds.at(i));
}

void tst_QueryEditor::completionCaseAndPrefix()
{
    const CompletionEngine engine = schemaEngine();
    // The prefix matches in any case; keywords follow the case typed, upper case by default.
    CompletionEngine::Result result = complete(engine, u"SELECT * FROM CP@"_s);
    QCOMPARE(result.prefix, u"CP"_s);
    QCOMPARE(displays(result, 3), (QStringList {u"cpu"_s, u"cpu load"_s, u"Cpu\"Q"_s}));
    const CompletionEngine bare;
    QCOMPARE(displays(complete(bare, u"sel@"_s)), QStringList {u"select"_s});
    QCOMPARE(displays(complete(bare, u"SeL@"_s)), QStringList {u"SELECT"_s});
    QCOMPARE(displays(complete(bare, u"SEL@"_s)), QStringList {u"SELECT"_s});
    QCOMPARE(displays(complete(bare, u"SELECT MEDI@"_s)), QStringList {u"MEDIAN"_s});
    QCOMPARE(displays(complete(bare, u"SELECT Medi@"_s)), QStringList {u"median"_s});
    // Nothing matches: nothing offered.
    QVERIFY(complete(engine, u"SELECT * FROM cpu WHERE zzz@"_s).candidates.isEmpty());
    // The word being typed is replaced as a whole, also the part after the cursor.
    result = complete(engine, u"SELECT * FROM cp@u WHERE"_s);
    QCOMPARE(result.begin, 14);
    QCOMPARE(result.end, 17);
    QCOMPARE(result.prefix, u"cp"_s);
    // Without schema words only keywords and functions are offered.
    result = complete(bare, u"SELECT * FROM c@"_s);
    QVERIFY(!result.candidates.isEmpty());
    for (const CompletionEngine::Candidate &candidate : std::as_const(result.candidates))
        QCOMPARE(candidate.kind, Kind::Keyword);
}

void tst_QueryEditor::completionInsertions()
{
    const CompletionEngine engine = schemaEngine();
    CompletionEngine::Result result = complete(engine, u"SELECT * FROM cpu@"_s);
    QCOMPARE(result.candidates.at(0).insertion, u"cpu"_s);
    QCOMPARE(result.candidates.at(1).insertion, u"\"cpu load\""_s);
    QCOMPARE(result.candidates.at(2).insertion, u"\"Cpu\\\"Q\""_s);
    // A field named like a keyword is quoted; the keyword itself is not.
    result = complete(engine, u"SELECT sel@"_s);
    QCOMPARE(displays(result), (QStringList {u"select"_s}));
    QCOMPARE(result.candidates.at(0).kind, Kind::Field);
    QCOMPARE(result.candidates.at(0).insertion, u"\"select\""_s);
    // A function opens its parentheses, with the cursor between them, unless '(' follows.
    result = complete(engine, u"SELECT mea@"_s);
    QCOMPARE(result.candidates.at(0).insertion, u"mean()"_s);
    QCOMPARE(result.candidates.at(0).cursorBack, 1);
    result = complete(engine, u"SELECT mea@(value)"_s);
    QCOMPARE(result.candidates.at(0).insertion, u"mean"_s);
    QCOMPARE(result.candidates.at(0).cursorBack, 0);
    // In a quoted word even a plain name stays quoted, since the quote is already typed.
    result = complete(engine, u"SELECT * FROM \"me@"_s);
    QCOMPARE(result.begin, 14);
    QVERIFY(result.quoted);
    QCOMPARE(result.candidates.at(0).insertion, u"\"mem\""_s);
}

void tst_QueryEditor::nothingInsideLiterals_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("string") << u"SELECT * FROM cpu WHERE host = 'se@"_s;
    QTest::newRow("string, closed") << u"SELECT * FROM cpu WHERE host = 'se'@"_s;
    QTest::newRow("regex") << u"SELECT * FROM /cp@"_s;
    QTest::newRow("line comment") << u"SELECT 1 -- sel@"_s;
    QTest::newRow("block comment") << u"SELECT /* sel@"_s;
    QTest::newRow("duration") << u"SELECT * FROM cpu WHERE time > now() - 5m@"_s;
    QTest::newRow("parameter") << u"SELECT * FROM cpu WHERE host = $ho@"_s;
    QTest::newRow("closed identifier") << u"SELECT \"usage\"@"_s;
}

void tst_QueryEditor::nothingInsideLiterals()
{
    QFETCH(QString, text);
    QVERIFY(complete(schemaEngine(), text).candidates.isEmpty());
}

void tst_QueryEditor::quoting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("inserted");
    QTest::newRow("plain") << u"cpu_2"_s << u"cpu_2"_s;
    QTest::newRow("underscore first") << u"_x"_s << u"_x"_s;
    QTest::newRow("space") << u"cpu load"_s << u"\"cpu load\""_s;
    QTest::newRow("digit first") << u"1m"_s << u"\"1m\""_s;
    QTest::newRow("dot and dash") << u"disk.io-ops"_s << u"\"disk.io-ops\""_s;
    QTest::newRow("keyword") << u"from"_s << u"\"from\""_s;
    QTest::newRow("keyword, upper") << u"LIMIT"_s << u"\"LIMIT\""_s;
    QTest::newRow("function name is fine") << u"mean"_s << u"mean"_s;
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << u"\"a\\\"b\\\\c\""_s;
    QTest::newRow("non-ASCII") << u"température"_s << u"\"température\""_s;
}

void tst_QueryEditor::quoting()
{
    QFETCH(QString, name);
    QFETCH(QString, inserted);
    QCOMPARE(CompletionEngine::quoteIdentifier(name), inserted);
    QCOMPARE(CompletionEngine::needsQuoting(name), inserted != name);
}

void tst_QueryEditor::popupOpensAfterTwoCharacters()
{
    QueryEditor editor;
    editor.setSchemaWords({u"cpu"_s, u"cpu load"_s}, {u"usage"_s}, {u"host"_s});
    QVERIFY(show(editor));
    QAbstractItemView *popup = editor.completer()->popup();

    type(editor, u"SELECT * FROM c"_s);
    QVERIFY(!popup->isVisible()); // one character is not enough
    type(editor, u"p"_s);
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->index(0, 0).data().toString(), u"cpu"_s);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(editor.toPlainText(), u"SELECT * FROM cpu"_s); // Enter accepted, no newline

    // A word typed to the end leaves no popup behind; a space closes it.
    type(editor, u" WHERE"_s);
    QVERIFY(!popup->isVisible());
    type(editor, u" ho"_s);
    QTRY_VERIFY(popup->isVisible());
    type(editor, u" "_s);
    QVERIFY(!popup->isVisible());
    QCOMPARE(editor.toPlainText(), u"SELECT * FROM cpu WHERE ho "_s);
}

void tst_QueryEditor::popupChoosesWithArrowsAndTab()
{
    QueryEditor editor;
    editor.setSchemaWords({u"cpu"_s, u"cpu load"_s}, {u"usage"_s}, {u"host"_s});
    QVERIFY(show(editor));
    QAbstractItemView *popup = editor.completer()->popup();
    type(editor, u"SELECT me"_s);
    QTRY_VERIFY(popup->isVisible());
    QVERIFY(popup->model()->rowCount() > 1); // mean, median, measurement, ...
    type(editor, u"d"_s); // narrows while open
    QTRY_COMPARE(popup->model()->rowCount(), 1);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Tab);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(editor.toPlainText(), u"SELECT median()"_s);
    QCOMPARE(editor.textCursor().position(), 14); // between the parentheses
    type(editor, u"us"_s);
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), u"SELECT median(usage)"_s);

    editor.setPlainText(QString());
    type(editor, u"SELECT * FROM cp"_s);
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(editor.windowHandle(), Qt::Key_Down);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(editor.toPlainText(), u"SELECT * FROM \"cpu load\""_s);
}

void tst_QueryEditor::popupEscapeAndCtrlSpace()
{
    QueryEditor editor;
    editor.setSchemaWords({u"cpu"_s, u"mem"_s}, {}, {});
    QVERIFY(show(editor));
    QAbstractItemView *popup = editor.completer()->popup();
    type(editor, u"SELECT * FROM cp"_s);
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(editor.windowHandle(), Qt::Key_Escape);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(editor.toPlainText(), u"SELECT * FROM cp"_s);
    QVERIFY(editor.hasFocus());

    // Ctrl+Space opens it even for an empty word; the measurements come first after FROM.
    editor.setPlainText(u"SELECT * FROM "_s);
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->index(0, 0).data().toString(), u"cpu"_s);
    QCOMPARE(popup->model()->index(1, 0).data().toString(), u"mem"_s);
    QCOMPARE(editor.toPlainText(), u"SELECT * FROM "_s); // Ctrl+Space typed nothing
    QTest::keyClick(editor.windowHandle(), Qt::Key_Down);
    QTest::keyClick(editor.windowHandle(), Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), u"SELECT * FROM mem"_s);
}

void tst_QueryEditor::queryFileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString text = u"unchanged"_s;
    QString error;
    const QString missing = dir.filePath(u"missing.influxql"_s);
    QVERIFY(!QueryFile::read(missing, &text, &error));
    QVERIFY2(error.contains(u"missing.influxql"_s), qPrintable(error));
    QCOMPARE(text, u"unchanged"_s);

    error.clear();
    QVERIFY(!QueryFile::read(dir.path(), &text, &error));
    QVERIFY2(error.contains(u"folder"_s), qPrintable(error));

    const QString latin1 = dir.filePath(u"latin1.sql"_s);
    QVERIFY(writeBytes(latin1, "SELECT * FROM \"temp\xe9rature\""));
    error.clear();
    QVERIFY(!QueryFile::read(latin1, &text, &error));
    QVERIFY2(error.contains(u"UTF-8"_s), qPrintable(error));

    error.clear();
    QVERIFY(!QueryFile::write(dir.filePath(u"no/such/folder/q.influxql"_s), u"x"_s, &error));
    QVERIFY2(error.contains(u"q.influxql"_s), qPrintable(error));

    // CRLF and a byte-order mark are read as plain '\n' text.
    const QString windows = dir.filePath(u"windows.txt"_s);
    QVERIFY(writeBytes(windows, "\xef\xbb\xbfSELECT 1;\r\nSELECT 2\r\n"));
    QVERIFY(QueryFile::read(windows, &text, &error));
    QCOMPARE(text, u"SELECT 1;\nSELECT 2\n"_s);

    // Writing is UTF-8 without a byte-order mark, and reads back the same.
    const QString written = dir.filePath(u"abfrage-ü.influxql"_s);
    const QString original = u"SELECT \"temperatur °C\" FROM \"straße\" -- 日本\n"_s;
    QVERIFY2(QueryFile::write(written, original, &error), qPrintable(error));
    QCOMPARE(readBytes(written), original.toUtf8());
    QVERIFY(QueryFile::read(written, &text, &error));
    QCOMPARE(text, original);
}

QTEST_MAIN(tst_QueryEditor)
#include "tst_queryeditor.moc"
