// SPDX-License-Identifier: MIT
#include "mainwindow/querypage.h"

#include "editor/queryeditor.h"
#include "editor/queryfile.h"
#include "results/queryrunner.h"
#include "results/resultspanel.h"

#include <QtCore/QFileInfo>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

QueryPage::QueryPage(Influx::Client *client, QWidget *parent)
    : QWidget(parent),
      m_database(new QComboBox(this)),
      m_runButton(new QToolButton(this)),
      m_runAllButton(new QToolButton(this)),
      m_splitter(new QSplitter(Qt::Vertical, this)),
      m_editor(new QueryEditor(m_splitter)),
      m_results(new ResultsPanel(m_splitter)),
      m_runner(new QueryRunner(client, m_results, this))
{
    m_database->setObjectName(u"databaseBox"_s);
    m_database->setEditable(true);
    m_database->setMinimumContentsLength(16);
    m_database->setToolTip(tr("The database queries run against (the \"db\" parameter)"));
    m_database->lineEdit()->setPlaceholderText(tr("database"));
    m_runButton->setObjectName(u"runButton"_s);
    m_runButton->setText(tr("Run"));
    m_runButton->setToolTip(tr("Run the selection or the statement under the cursor (Ctrl+Enter)"));
    m_runAllButton->setObjectName(u"runAllButton"_s);
    m_runAllButton->setText(tr("Run all"));
    m_runAllButton->setToolTip(tr("Run every statement in the editor (Ctrl+Shift+Enter)"));
    for (QToolButton *button : {m_runButton, m_runAllButton})
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runAllButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Database:"), this);
    label->setBuddy(m_database);
    bar->addWidget(label);
    bar->addWidget(m_database);
    bar->addSpacing(12);
    bar->addWidget(m_runButton);
    bar->addWidget(m_runAllButton);
    bar->addStretch();

    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter);

    connect(m_runButton, &QToolButton::clicked, this, &QueryPage::runStatement);
    connect(m_runAllButton, &QToolButton::clicked, this, &QueryPage::runAll);
    connect(m_editor, &QueryEditor::runRequested, this, &QueryPage::run);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            [this] { Q_EMIT titleChanged(title()); });
    connect(m_database, &QComboBox::currentTextChanged, this, &QueryPage::databaseChanged);
    connect(m_runner, &QueryRunner::runningChanged, this, &QueryPage::runningChanged);
    connect(m_runner, &QueryRunner::queryFinished, this, &QueryPage::queryFinished);
}

QueryPage::~QueryPage() = default;

void QueryPage::setDatabases(const QStringList &databases)
{
    const QString current = database();
    const QSignalBlocker blocker(m_database);
    m_database->clear();
    m_database->addItems(databases);
    m_database->setCurrentText(current);
}

QString QueryPage::database() const
{
    return m_database->currentText().trimmed();
}

void QueryPage::setDatabase(const QString &database)
{
    m_database->setCurrentText(database);
}

void QueryPage::setPreferences(const Preferences &preferences)
{
    m_results->setPreferences(preferences);
}

bool QueryPage::isModified() const
{
    return m_editor->document()->isModified();
}

bool QueryPage::openFile(const QString &path, QString *error)
{
    QString text;
    if (!QueryFile::read(path, &text, error))
        return false;
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    m_filePath = path;
    Q_EMIT titleChanged(title());
    return true;
}

bool QueryPage::saveFile(const QString &path, QString *error)
{
    if (!QueryFile::write(path, m_editor->toPlainText(), error))
        return false;
    m_filePath = path;
    m_editor->document()->setModified(false);
    Q_EMIT titleChanged(title());
    return true;
}

QString QueryPage::title() const
{
    const QString name = m_filePath.isEmpty() ? m_untitled : QFileInfo(m_filePath).fileName();
    return isModified() ? name + u'*' : name;
}

void QueryPage::setUntitledName(const QString &name)
{
    m_untitled = name;
    Q_EMIT titleChanged(title());
}

bool QueryPage::isRunning() const
{
    return m_runner->isRunning();
}

void QueryPage::runStatement()
{
    run(m_editor->textToRun());
}

void QueryPage::runAll()
{
    run(m_editor->toPlainText());
}

void QueryPage::run(const QString &text)
{
    m_runner->run(text, database());
}

void QueryPage::cancel()
{
    m_runner->cancel();
}

} // namespace Explorer
