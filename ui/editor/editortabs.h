// SPDX-License-Identifier: MIT
#ifndef EXPLORER_EDITORTABS_H
#define EXPLORER_EDITORTABS_H

#include "editor/queryeditor.h"

#include <QtCore/QHash>
#include <QtCore/QStringList>
#include <QtWidgets/QTabWidget>

#include <functional>

namespace Explorer {

// Tabs of QueryEditors, each optionally backed by a query file. A tab is titled with its file
// name (or "Query N"), with '*' while it has unsaved changes; the tooltip is the full path.
// Closing a modified tab asks the save-changes handler; saving a tab without a file asks the
// save-path handler. Both default to dialogs and can be replaced (tests answer them directly).
//
// The tabs own their editors. Every editor's runRequested is forwarded with the editor, and
// setSchemaWords reaches every editor, including those created later.
class EditorTabs : public QTabWidget
{
    Q_OBJECT
public:
    enum class SaveChoice { Save, Discard, Cancel };
    using SaveChangesHandler = std::function<SaveChoice(QueryEditor *editor)>;
    using SavePathHandler = std::function<QString(QueryEditor *editor)>; // empty: cancelled

    explicit EditorTabs(QWidget *parent = nullptr);

    // A new tab (made current) holding text, unmodified; the title defaults to "Query N".
    QueryEditor *addEditor(const QString &text = {}, const QString &title = {});
    QueryEditor *currentEditor() const;
    QueryEditor *editorAt(int index) const;
    QList<QueryEditor *> editors() const;
    QString filePath(const QueryEditor *editor) const; // empty for a tab without file

    // Opens path in a new tab, or in the current one when that is empty, unmodified and has no
    // file; a file already open only becomes current. False with a message on failure.
    bool openFile(const QString &path, QString *error = nullptr);
    // Saves the current editor to path, or to its own file, or to the path the save-path
    // handler gives (false, error empty, when it gives none). The tab then belongs to path.
    bool saveCurrent(const QString &path = {}, QString *error = nullptr);
    bool saveEditor(QueryEditor *editor, const QString &path = {}, QString *error = nullptr);

    // Closes the tab, asking first when it is modified; false when the user cancelled or the
    // save failed (then errorOccurred has the message).
    bool closeTab(int index);
    // Closes every tab in turn (for quitting); stops and returns false at the first cancel.
    bool closeAll();

    void setSchemaWords(const QStringList &measurements, const QStringList &fields,
                        const QStringList &tags);
    void setSaveChangesHandler(SaveChangesHandler handler);
    void setSavePathHandler(SavePathHandler handler);

Q_SIGNALS:
    void runRequested(Explorer::QueryEditor *editor, const QString &text);
    void errorOccurred(const QString &message);

private:
    void updateTitle(QueryEditor *editor);
    SaveChoice askSaveChanges(QueryEditor *editor);
    QString askSavePath(QueryEditor *editor);

    struct TabState
    {
        QString path;
        QString untitledName; // "Query N" or the title given to addEditor
    };
    QHash<const QueryEditor *, TabState> m_tabs;
    int m_untitledCount = 0;
    QStringList m_measurements;
    QStringList m_fields;
    QStringList m_tags;
    SaveChangesHandler m_saveChanges;
    SavePathHandler m_savePath;
};

} // namespace Explorer

#endif // EXPLORER_EDITORTABS_H
