// SPDX-License-Identifier: MIT
#include "mainwindow/builderpage.h"

#include "builder/querybuilderform.h"
#include "charts/chartpanel.h"
#include "charts/serieschartview.h"
#include "results/queryrunner.h"
#include "results/resultspanel.h"

#include <QtCore/QEvent>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {
// Room for the value axis and margins before the chart has been laid out once.
constexpr int AxisAllowancePx = 90;
} // namespace

BuilderPage::BuilderPage(Influx::Client *client, QWidget *parent)
    : QWidget(parent),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_form(new QueryBuilderForm(client, m_splitter)),
      m_results(new ResultsPanel(m_splitter)),
      m_runner(new QueryRunner(client, m_results, this))
{
    m_form->setObjectName(u"builderForm"_s);
    m_results->setObjectName(u"builderResults"_s);
    m_results->setChartFirst(true);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_splitter);

    connect(m_form, &QueryBuilderForm::runRequested, this,
            [this](const QString &influxql, const QString &database) {
                m_runner->run(influxql, database);
            });
    connect(m_form, &QueryBuilderForm::openInEditorRequested, this,
            &BuilderPage::openInEditorRequested);
    connect(m_runner, &QueryRunner::runningChanged, this, &BuilderPage::runningChanged);
    connect(m_runner, &QueryRunner::queryFinished, this, &BuilderPage::queryFinished);
    connect(m_results, &ResultsPanel::chartUpdated, this, &BuilderPage::updateChartWidth);
    m_results->installEventFilter(this);
    m_results->chartPanel()->view()->installEventFilter(this);
}

BuilderPage::~BuilderPage() = default;

void BuilderPage::setDatabases(const QStringList &databases)
{
    m_form->setDatabases(databases);
}

QString BuilderPage::database() const
{
    return m_form->state().database;
}

void BuilderPage::setDatabase(const QString &database)
{
    QueryBuilderState state = m_form->state();
    if (state.database == database)
        return;
    state.database = database;
    m_form->setState(state);
}

void BuilderPage::setPreferences(const Preferences &preferences)
{
    m_results->setPreferences(preferences);
}

bool BuilderPage::isRunning() const
{
    return m_runner->isRunning();
}

void BuilderPage::run()
{
    m_form->run();
}

void BuilderPage::cancel()
{
    m_runner->cancel();
}

void BuilderPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_sized)
        return;
    m_sized = true;
    // The whole form when there is room for it, but the chart keeps most of a narrow tab.
    const int form = std::min(m_form->sizeHint().width(), width() * 55 / 100);
    m_splitter->setSizes({form, std::max(width() - form, 1)});
}

bool BuilderPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::Show)
        updateChartWidth();
    return QWidget::eventFilter(watched, event);
}

void BuilderPage::updateChartWidth()
{
    // The automatic GROUP BY time interval gives about one point per pixel column of the plot.
    const SeriesChartView *view = m_results->chartPanel()->view();
    const int width = view->isVisible() ? int(view->decimationWidth() / view->devicePixelRatioF())
                                        : m_results->width() - AxisAllowancePx;
    if (width > 0)
        m_form->setChartWidth(width);
}

} // namespace Explorer
