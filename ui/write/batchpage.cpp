// SPDX-License-Identifier: MIT
#include "batchpage.h"

#include "write/batchwriter.h"
#include "write/lineprotocoleditor.h"
#include "write/writeoptionsbar.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QStringDecoder>
#include <QtCore/QTimer>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using Outcome = Explorer::BatchWriteReport::Outcome;

namespace Explorer {

namespace {

constexpr int CheckDelayMs = 400;
constexpr int MaxListed = 1000; // list items; the rest is summed up in one more item
constexpr qint64 MaxFileBytes = 256 * 1024 * 1024;
constexpr int LineRole = Qt::UserRole;
constexpr int ColumnRole = Qt::UserRole + 1;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

// The 1-based numbers of the '\n'-separated lines of data that are not valid UTF-8.
QList<qsizetype> linesNotUtf8(QByteArrayView data)
{
    QList<qsizetype> lines;
    qsizetype lineNumber = 1;
    for (qsizetype start = 0; start <= data.size(); ++lineNumber) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        const QByteArrayView line = data.sliced(start, end - start);
        if (!std::all_of(line.begin(), line.end(), [](char c) { return uchar(c) < 0x80; })) {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = decoder.decode(line);
            if (decoder.hasError())
                lines.append(lineNumber);
        }
        start = end + 1;
    }
    return lines;
}

QString lineCount(qint64 n)
{
    return n == 1 ? BatchPage::tr("1 line") : BatchPage::tr("%1 lines").arg(number(n));
}

QListWidget *createList(const QString &name, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setUniformItemSizes(true);
    list->hide();
    return list;
}

QLabel *createTitle(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

} // namespace

BatchPage::BatchPage(Influx::Client *client, QWidget *parent)
    : QWidget(parent),
      m_client(client),
      m_writer(new BatchWriter(client, this)),
      m_editor(new LineProtocolEditor(this)),
      m_options(new WriteOptionsBar(this)),
      m_openButton(new QPushButton(tr("&Open File…"), this)),
      m_checkButton(new QPushButton(tr("C&heck"), this)),
      m_skipBadLines(new QCheckBox(tr("S&kip bad lines"), this)),
      m_problemsList(createList(u"checkProblemsList"_s, this)),
      m_notWrittenList(createList(u"notWrittenList"_s, this)),
      m_checkSummary(createTitle(u"checkSummaryLabel"_s, this)),
      m_notWrittenTitle(createTitle(u"notWrittenTitle"_s, this)),
      m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_writeButton(new QPushButton(tr("&Write"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_checkTimer(new QTimer(this))
{
    m_editor->setObjectName(u"batchEditor"_s);
    m_options->setObjectName(u"batchWriteOptions"_s);
    m_openButton->setObjectName(u"openFileButton"_s);
    m_checkButton->setObjectName(u"checkButton"_s);
    m_skipBadLines->setObjectName(u"skipBadLinesCheck"_s);
    m_skipBadLines->setToolTip(tr("Write the good lines and keep the bad ones in the editor"));
    m_status->setObjectName(u"batchStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(u"batchProgress"_s);
    m_progress->hide();
    m_writeButton->setObjectName(u"writeBatchButton"_s);
    m_cancelButton->setObjectName(u"cancelBatchButton"_s);
    m_cancelButton->setEnabled(false);
    for (QListWidget *list : {m_problemsList, m_notWrittenList})
        list->setWordWrap(true); // a dock is narrow; the reasons are long
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(CheckDelayMs);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_checkButton);
    buttons->addWidget(m_skipBadLines);
    buttons->addStretch(1);
    auto *top = new QVBoxLayout;
    top->addLayout(buttons);
    top->addWidget(m_options);

    auto *lists = new QWidget(this);
    auto *listsLayout = new QVBoxLayout(lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->addWidget(m_checkSummary);
    listsLayout->addWidget(m_problemsList);
    listsLayout->addWidget(m_notWrittenTitle);
    listsLayout->addWidget(m_notWrittenList);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(lists);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_writeButton);
    bottom->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    const auto goTo = [this](QListWidgetItem *item) {
        if (const qsizetype line = item->data(LineRole).toLongLong(); line > 0)
            m_editor->goToLine(line, item->data(ColumnRole).toLongLong());
    };
    connect(m_problemsList, &QListWidget::itemActivated, this, goTo);
    connect(m_notWrittenList, &QListWidget::itemActivated, this, goTo);
    connect(m_problemsList, &QListWidget::itemClicked, this, goTo);
    connect(m_notWrittenList, &QListWidget::itemClicked, this, goTo);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &BatchPage::onTextChanged);
    connect(m_checkTimer, &QTimer::timeout, this, &BatchPage::check);
    connect(m_options, &WriteOptionsBar::changed, this, [this] {
        if (m_checkedPrecision != m_options->precision())
            m_checkTimer->start(); // the precision decides the valid time range
        updateButtons();
    });
    connect(m_skipBadLines, &QCheckBox::toggled, this, [this] {
        updateCheckSummary();
        updateButtons();
    });
    connect(m_openButton, &QPushButton::clicked, this, &BatchPage::chooseFile);
    connect(m_checkButton, &QPushButton::clicked, this, &BatchPage::check);
    connect(m_writeButton, &QPushButton::clicked, this, &BatchPage::write);
    connect(m_cancelButton, &QPushButton::clicked, this, &BatchPage::cancel);
    connect(&m_checkWatcher, &QFutureWatcher<CheckResult>::finished, this,
            &BatchPage::onCheckFinished);
    connect(m_writer, &BatchWriter::progress, this, &BatchPage::onProgress);
    connect(m_writer, &BatchWriter::finished, this, &BatchPage::onWriteFinished);
    connect(m_writer, &BatchWriter::retrying, this,
            [this](qsizetype first, qsizetype last, int attempt, const QString &reason,
                   int delayMs) {
                m_status->setText(tr("Lines %1–%2: %3. Sending them again in %4 s (attempt %5 "
                                     "of %6)…")
                                          .arg(number(first), number(last), reason)
                                          .arg(delayMs / 1000.0, 0, 'f', 1)
                                          .arg(attempt)
                                          .arg(m_sentRetries + 1));
            });
    updateButtons();
}

BatchPage::~BatchPage()
{
    m_checkWatcher.disconnect(this);
    m_checkWatcher.waitForFinished(); // the check only reads its own copy of the text
}

void BatchPage::setDatabase(const QString &database)
{
    m_database = database;
    updateButtons();
}

void BatchPage::setRetentionPolicies(const QStringList &names)
{
    m_options->setRetentionPolicies(names);
}

void BatchPage::setBatchSize(int lines)
{
    m_writer->setBatchSize(lines);
}

bool BatchPage::isCheckCurrent() const
{
    return m_checkedRevision == m_revision && m_checkedPrecision == m_options->precision();
}

bool BatchPage::isWriting() const
{
    return m_writer->isRunning();
}

void BatchPage::chooseFile()
{
    const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Line Protocol"), QString(),
                                         tr("Line protocol (*.lp *.line *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool BatchPage::openFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot open %1: %2").arg(name, file.errorString()));
        return false;
    }
    if (file.size() > MaxFileBytes) {
        m_status->setText(tr("%1 is too large for the editor (%2 MiB at most); import it with "
                             "influx-explorer --import instead.")
                                  .arg(name)
                                  .arg(MaxFileBytes / (1024 * 1024)));
        return false;
    }
    const QByteArray data = file.readAll();
    m_editor->replaceText(QString::fromUtf8(data));
    QString status = tr("Opened %1 (%2 lines). Ctrl+Z brings the previous text back.")
                             .arg(name, number(m_editor->blockCount()));
    // Bytes that are not UTF-8 become U+FFFD in the editor, and would be written so.
    if (const QList<qsizetype> bad = linesNotUtf8(data); !bad.isEmpty()) {
        QStringList listed;
        for (qsizetype i = 0; i < bad.size() && i < 10; ++i)
            listed.append(number(bad[i]));
        if (bad.size() > 10)
            listed.append(u"…"_s);
        status += u' '
                + tr("Not valid UTF-8 (the bad bytes show as �): lines %1.")
                          .arg(listed.join(u", "_s));
    }
    m_status->setText(status);
    return true;
}

void BatchPage::onTextChanged()
{
    ++m_revision;
    m_checkTimer->start();
    updateButtons();
}

void BatchPage::check()
{
    m_checkTimer->stop();
    if (m_checkWatcher.isRunning()) {
        m_checkAgain = true; // once this one is done, for the newer text
        return;
    }
    m_checkAgain = false;
    const QString text = m_editor->toPlainText();
    const quint64 revision = m_revision;
    const Influx::Precision precision = m_options->precision();
    m_checkWatcher.setFuture(QtConcurrent::run([text, revision, precision] {
        return CheckResult {revision, precision, LineProtocolChecker(precision).check(text)};
    }));
}

void BatchPage::onCheckFinished()
{
    const CheckResult result = m_checkWatcher.result();
    const bool current =
            result.revision == m_revision && result.precision == m_options->precision();
    if (!current || m_checkAgain) {
        check();
        return;
    }
    m_checkedRevision = result.revision;
    m_checkedPrecision = result.precision;
    m_problems = result.problems;

    QList<qsizetype> lines;
    m_problemsList->clear();
    for (const LineProtocolChecker::Problem &problem : std::as_const(m_problems)) {
        lines.append(problem.line);
        if (m_problemsList->count() >= MaxListed)
            continue;
        auto *item = new QListWidgetItem(tr("Line %1, column %2: %3")
                                                 .arg(number(problem.line))
                                                 .arg(problem.column)
                                                 .arg(problem.message),
                                         m_problemsList);
        item->setData(LineRole, problem.line);
        item->setData(ColumnRole, problem.column);
    }
    if (m_problems.size() > MaxListed)
        m_problemsList->addItem(
                tr("… and %1 more bad lines").arg(number(m_problems.size() - MaxListed)));
    m_problemsList->setVisible(!m_problems.isEmpty());
    m_editor->setMarkedLines(LineProtocolEditor::MarkKind::BadLine, lines);
    updateCheckSummary();
    updateButtons();
    Q_EMIT checkFinished(m_problems.size());
    if (m_writeAfterCheck) {
        m_writeAfterCheck = false;
        startWrite();
    }
}

void BatchPage::write()
{
    if (isWriting())
        return;
    if (!isCheckCurrent()) {
        m_writeAfterCheck = true;
        m_status->setText(tr("Checking…"));
        check();
        return;
    }
    startWrite();
}

void BatchPage::startWrite()
{
    if (isWriting() || !isCheckCurrent() || m_database.isEmpty())
        return;
    if (!m_problems.isEmpty() && !m_skipBadLines->isChecked()) {
        m_status->setText(tr("Not written: bad lines: %1. Fix them, or tick \"Skip bad lines\".")
                                  .arg(number(m_problems.size())));
        return;
    }
    QMap<qsizetype, QString> skip;
    for (const LineProtocolChecker::Problem &problem : std::as_const(m_problems))
        skip.insert(problem.line, tr("skipped: %1").arg(problem.message));
    m_sentText = m_editor->toPlainText();
    m_sentRevision = m_revision;
    m_notWrittenList->clear();
    m_notWrittenList->hide();
    m_notWrittenTitle->hide();
    m_editor->setMarkedLines(LineProtocolEditor::MarkKind::NotWritten, {});
    m_editor->setReadOnly(true); // the text being written must stay what was sent
    m_progress->setRange(0, 0);
    m_progress->show();
    m_status->setText(tr("Writing…"));
    m_sentRetries = m_options->retries();
    m_writer->start(m_sentText, m_options->options(m_database), skip);
    updateButtons();
}

void BatchPage::cancel()
{
    m_writeAfterCheck = false;
    m_writer->cancel();
}

void BatchPage::onProgress(qint64 done, qint64 total)
{
    // QProgressBar counts in int: scale when a text has more lines than that.
    const int shift = total > std::numeric_limits<int>::max() ? 16 : 0;
    m_progress->setRange(0, int(total >> shift));
    m_progress->setValue(int(done >> shift));
    m_progress->setFormat(tr("%1 of %2 lines").arg(number(done), number(total)));
}

void BatchPage::onWriteFinished(const BatchWriteReport &report)
{
    m_lastReport = report;
    if (report.totalLines == 0) {
        // Nothing was sent: the comments and blank lines stay with the skipped lines.
        m_editor->setReadOnly(false);
        m_sentText.clear();
        m_progress->hide();
        m_status->setText(tr("Nothing to write: the text has no data lines to send."));
        updateButtons();
        Q_EMIT writeFinished(report);
        return;
    }
    QList<qsizetype> kept;
    kept.reserve(report.notWritten.size());
    for (const BatchWriteReport::Line &line : report.notWritten)
        kept.append(line.line);
    m_editor->setReadOnly(false);
    if (m_revision == m_sentRevision) {
        m_editor->keepLines(kept); // it still holds the text sent, line for line
    } else {
        const QList<QStringView> lines = LineProtocolChecker::splitLines(m_sentText);
        QStringList text;
        text.reserve(kept.size());
        for (const qsizetype line : std::as_const(kept))
            text.append(lines.value(line - 1).toString());
        m_editor->replaceText(text.join(u'\n'));
    }
    m_sentText.clear();
    m_progress->hide();
    listNotWritten(report);
    m_status->setText(summary(report, kept.size()));
    updateButtons();
    if (report.writtenLines > 0)
        Q_EMIT pointsWritten(report.writtenLines);
    Q_EMIT writeFinished(report);
}

// One item per line, or per run of lines with the same reason (a cancelled write leaves
// thousands of "not sent" lines). The editor's line numbers come first: they are what the
// user sees now; the original ones follow.
void BatchPage::listNotWritten(const BatchWriteReport &report)
{
    m_notWrittenList->clear();
    QList<qsizetype> marked;
    const QList<BatchWriteReport::Line> &lines = report.notWritten;
    for (qsizetype i = 0; i < lines.size();) {
        qsizetype end = i + 1;
        while (end < lines.size() && lines[end].reason == lines[i].reason
               && lines[end].outcome == lines[i].outcome)
            ++end;
        const Outcome outcome = lines[i].outcome;
        if (outcome != Outcome::NotSent && outcome != Outcome::Cancelled
            && outcome != Outcome::Skipped) {
            for (qsizetype k = i; k < end; ++k)
                marked.append(k + 1);
        }
        if (m_notWrittenList->count() < MaxListed) {
            const QString text = end - i == 1
                    ? tr("Line %1 (was %2): %3")
                              .arg(number(i + 1), number(lines[i].line), lines[i].reason)
                    : tr("Lines %1–%2 (were %3–%4): %5")
                              .arg(number(i + 1), number(end), number(lines[i].line),
                                   number(lines[end - 1].line), lines[i].reason);
            auto *item = new QListWidgetItem(text, m_notWrittenList);
            item->setData(LineRole, i + 1);
            item->setData(ColumnRole, 1);
        } else if (m_notWrittenList->count() == MaxListed) {
            m_notWrittenList->addItem(tr("… and more lines not written"));
        }
        i = end;
    }
    m_notWrittenList->setVisible(m_notWrittenList->count() > 0);
    m_notWrittenTitle->setVisible(m_notWrittenList->count() > 0);
    m_notWrittenTitle->setText(tr("Not written by the last write (line numbers in the editor now; "
                                  "\"was\": before the write):"));
    m_editor->setMarkedLines(LineProtocolEditor::MarkKind::NotWritten, marked);
}

QString BatchPage::summary(const BatchWriteReport &report, qsizetype left) const
{
    QString text = tr("%1 written").arg(lineCount(report.writtenLines));
    if (left == 0) {
        text += tr("; the editor is empty.");
    } else {
        QStringList parts;
        const auto add = [&](Outcome outcome, const QString &what) {
            if (const qsizetype n = report.count(outcome))
                parts.append(what.arg(number(n)));
        };
        add(Outcome::Rejected, tr("%1 rejected by the server"));
        add(Outcome::Dropped, tr("%1 dropped by the server"));
        add(Outcome::MaybeDropped, tr("%1 maybe dropped by the server"));
        add(Outcome::Failed, tr("%1 in failed batches"));
        add(Outcome::Skipped, tr("%1 skipped (bad lines)"));
        add(Outcome::Cancelled, tr("%1 cancelled while being sent"));
        add(Outcome::NotSent, tr("%1 not sent"));
        text += tr("; %1 left in the editor: %2.").arg(lineCount(left), parts.join(u", "_s));
    }
    if (report.droppedPoints > 0) {
        text += u' '
                + (report.droppedPoints == 1 ? tr("Partial write: the server dropped 1 point.")
                                             : tr("Partial write: the server dropped %1 points.")
                                                       .arg(number(report.droppedPoints)));
    }
    if (report.retries > 0) {
        text += u' '
                + (report.retries == 1
                           ? tr("1 batch was sent again.")
                           : tr("Batches were sent again %1 times.").arg(number(report.retries)));
    }
    if (report.cancelled)
        text += u' ' + tr("Cancelled.");
    else if (report.stopped)
        text += u' ' + tr("Stopped after an error: %1").arg(report.stopReason);
    return text;
}

void BatchPage::updateCheckSummary()
{
    m_checkSummary->setVisible(!m_problems.isEmpty());
    if (m_problems.isEmpty())
        return;
    m_checkSummary->setText(m_skipBadLines->isChecked()
                                    ? tr("Bad lines: %1. Writing skips them; they stay in the "
                                         "editor.")
                                              .arg(number(m_problems.size()))
                                    : tr("Bad lines: %1. Fix them, or tick \"Skip bad lines\" "
                                         "to write the others.")
                                              .arg(number(m_problems.size())));
}

void BatchPage::updateButtons()
{
    const bool writing = isWriting();
    const bool blocked = isCheckCurrent() && !m_problems.isEmpty() && !m_skipBadLines->isChecked();
    m_writeButton->setEnabled(!writing && !blocked && !m_database.isEmpty()
                              && !m_editor->document()->isEmpty());
    m_writeButton->setToolTip(m_database.isEmpty() ? tr("Choose a database first")
                                      : blocked    ? tr("Fix the bad lines or skip them")
                                                   : QString());
    m_cancelButton->setEnabled(writing);
    m_openButton->setEnabled(!writing);
    m_checkButton->setEnabled(!writing);
}

} // namespace Explorer
