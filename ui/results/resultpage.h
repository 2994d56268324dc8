// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTPAGE_H
#define EXPLORER_RESULTPAGE_H

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Influx {
class QueryReply;
}

namespace Explorer {

struct Preferences;
class ResultTableModel;
class ResultTableView;

// One tab of ResultsPanel: a header line naming the statement, the series and its tags (and
// whether the server truncated it) above a ResultTableView of the series. Owns its view and
// model; the reply is not owned.
class ResultPage : public QWidget
{
    Q_OBJECT
public:
    // statementId: the server's statement_id (0-based), shown 1-based.
    ResultPage(Influx::QueryReply *reply, int statementIndex, int seriesIndex, int statementId,
               const Preferences &preferences, QWidget *parent = nullptr);

    ResultTableView *view() const { return m_view; }
    ResultTableModel *model() const { return m_model; }
    // "1: cpu host=a,region=eu"
    QString tabTitle() const;
    // The statement, measurement and every tag on a line of its own.
    QString tabToolTip() const;

private:
    void updateHeader();

    ResultTableView *m_view;
    ResultTableModel *m_model;
    int m_statementId;
    QLabel *m_header;
};

} // namespace Explorer

#endif // EXPLORER_RESULTPAGE_H
