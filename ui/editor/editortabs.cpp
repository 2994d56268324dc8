// SPDX-License-Identifier: MIT
#include "editortabs.h"

#include "queryeditor.h"
#include "queryfile.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMessageBox>

using namespace Qt::StringLiterals;

namespace Explorer {

EditorTabs::EditorTabs(QWidget *parent) : QTabWidget(parent)
{
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) { closeTab(index); });
}

QueryEditor *EditorTabs::addEditor(const QString &text, const QString &title)
{
    auto *editor = new QueryEditor(this);
    editor->setPlainText(text);
    editor->document()->setModified(false);
    editor->setSchemaWords(m_measurements, m_fields, m_tags);
    m_tabs.insert(editor,
                  {QString(), title.isEmpty() ? tr("Query %1").arg(++m_untitledCount) : title});
    connect(editor, &QueryEditor::runRequested, this,
            [this, editor](const QString &query) { Q_EMIT runRequested(editor, query); });
    connect(editor->document(), &QTextDocument::modificationChanged, this,
            [this, editor] { updateTitle(editor); });
    setCurrentIndex(addTab(editor, QString()));
    updateTitle(editor);
    return editor;
}

QueryEditor *EditorTabs::currentEditor() const
{
    return qobject_cast<QueryEditor *>(currentWidget());
}

QueryEditor *EditorTabs::editorAt(int index) const
{
    return qobject_cast<QueryEditor *>(widget(index));
}

QList<QueryEditor *> EditorTabs::editors() const
{
    QList<QueryEditor *> result;
    for (int i = 0; i < count(); ++i) {
        if (QueryEditor *editor = editorAt(i))
            result.append(editor);
    }
    return result;
}

QString EditorTabs::filePath(const QueryEditor *editor) const
{
    return m_tabs.value(editor).path;
}

bool EditorTabs::openFile(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (QueryEditor *editor : editors()) {
        if (filePath(editor) == absolute) {
            setCurrentWidget(editor);
            return true;
        }
    }
    QString text;
    if (!QueryFile::read(absolute, &text, error))
        return false;
    QueryEditor *editor = currentEditor();
    const bool reusable = editor && filePath(editor).isEmpty() && !editor->document()->isModified()
            && editor->document()->isEmpty();
    if (reusable) {
        editor->setPlainText(text);
        editor->document()->setModified(false);
    } else {
        editor = addEditor(text);
    }
    m_tabs[editor].path = absolute;
    updateTitle(editor);
    return true;
}

bool EditorTabs::saveCurrent(const QString &path, QString *error)
{
    return saveEditor(currentEditor(), path, error);
}

bool EditorTabs::saveEditor(QueryEditor *editor, const QString &path, QString *error)
{
    if (!editor || !m_tabs.contains(editor)) {
        if (error)
            *error = tr("There is no query to save.");
        return false;
    }
    QString target = path.isEmpty() ? filePath(editor) : path;
    if (target.isEmpty())
        target = askSavePath(editor);
    if (target.isEmpty()) {
        if (error)
            error->clear();
        return false;
    }
    target = QFileInfo(target).absoluteFilePath();
    if (!QueryFile::write(target, editor->toPlainText(), error))
        return false;
    m_tabs[editor].path = target;
    editor->document()->setModified(false);
    updateTitle(editor);
    return true;
}

bool EditorTabs::closeTab(int index)
{
    QueryEditor *editor = editorAt(index);
    if (!editor)
        return false;
    if (editor->document()->isModified()) {
        switch (askSaveChanges(editor)) {
        case SaveChoice::Cancel:
            return false;
        case SaveChoice::Save: {
            QString error;
            if (!saveEditor(editor, {}, &error)) {
                if (!error.isEmpty())
                    Q_EMIT errorOccurred(error);
                return false;
            }
            break;
        }
        case SaveChoice::Discard:
            break;
        }
    }
    removeTab(indexOf(editor));
    m_tabs.remove(editor);
    editor->deleteLater();
    return true;
}

bool EditorTabs::closeAll()
{
    while (count() > 0) {
        if (!closeTab(count() - 1))
            return false;
    }
    return true;
}

void EditorTabs::setSchemaWords(const QStringList &measurements, const QStringList &fields,
                                const QStringList &tags)
{
    m_measurements = measurements;
    m_fields = fields;
    m_tags = tags;
    for (QueryEditor *editor : editors())
        editor->setSchemaWords(measurements, fields, tags);
}

void EditorTabs::setSaveChangesHandler(SaveChangesHandler handler)
{
    m_saveChanges = std::move(handler);
}

void EditorTabs::setSavePathHandler(SavePathHandler handler)
{
    m_savePath = std::move(handler);
}

void EditorTabs::updateTitle(QueryEditor *editor)
{
    const int index = indexOf(editor);
    if (index < 0 || !m_tabs.contains(editor))
        return;
    const TabState &state = m_tabs[editor];
    QString title = state.path.isEmpty() ? state.untitledName : QFileInfo(state.path).fileName();
    if (editor->document()->isModified())
        title += u'*';
    setTabText(index, title);
    setTabToolTip(index, QDir::toNativeSeparators(state.path));
}

EditorTabs::SaveChoice EditorTabs::askSaveChanges(QueryEditor *editor)
{
    if (m_saveChanges)
        return m_saveChanges(editor);
    setCurrentWidget(editor);
    const QString title = tabText(indexOf(editor)).chopped(1); // without the '*'
    const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"), tr("Save the changes to %1?").arg(title),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Save       ? SaveChoice::Save
            : answer == QMessageBox::Discard ? SaveChoice::Discard
                                             : SaveChoice::Cancel;
}

QString EditorTabs::askSavePath(QueryEditor *editor)
{
    if (m_savePath)
        return m_savePath(editor);
    return QFileDialog::getSaveFileName(this, tr("Save query"),
                                        m_tabs.value(editor).untitledName + u".influxql"_s,
                                        QueryFile::nameFilters().join(u";;"_s));
}

} // namespace Explorer
