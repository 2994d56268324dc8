// SPDX-License-Identifier: MIT
#include "resultpage.h"

#include "models/resulttablemodel.h"
#include "results/resulttableview.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

QStringList tagTexts(const Influx::Series &series)
{
    QStringList texts;
    const QMap<QString, QString> tags = series.tags();
    for (auto it = tags.begin(); it != tags.end(); ++it)
        texts.append(it.key() + u'=' + it.value());
    return texts;
}

} // namespace

ResultPage::ResultPage(Influx::QueryReply *reply, int statementIndex, int seriesIndex,
                       int statementId, const Preferences &preferences, QWidget *parent)
    : QWidget(parent),
      m_view(new ResultTableView(this)),
      m_model(new ResultTableModel(reply, statementIndex, seriesIndex, m_view)),
      m_statementId(statementId),
      m_header(new QLabel(this))
{
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model->setPreferences(preferences);
    m_view->setResultModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);
    updateHeader();
    connect(m_model, &ResultTableModel::completed, this, &ResultPage::updateHeader);
}

QString ResultPage::tabTitle() const
{
    return tr("%1: %2").arg(m_statementId + 1).arg(m_model->title());
}

QString ResultPage::tabToolTip() const
{
    const Influx::Series series = m_model->series();
    QString tip = tr("Statement %1\nMeasurement: %2").arg(m_statementId + 1).arg(series.name());
    const QStringList tags = tagTexts(series);
    if (!tags.isEmpty())
        tip += u'\n' + tr("Tags:") + u"\n  "_s + tags.join(u"\n  "_s);
    return tip;
}

void ResultPage::updateHeader()
{
    const Influx::Series series = m_model->series();
    const QString statement = tr("Statement %1").arg(m_statementId + 1);
    const QStringList tags = tagTexts(series);
    QString text = tags.isEmpty()
            ? tr("%1 · %2").arg(statement, series.name())
            : tr("%1 · %2 · %3").arg(statement, series.name(), tags.join(u", "_s));
    if (m_model->isComplete() && series.isTruncated())
        text = tr("%1 · truncated by the server's row limit").arg(text);
    m_header->setText(text);
}

} // namespace Explorer
