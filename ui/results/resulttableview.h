// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTTABLEVIEW_H
#define EXPLORER_RESULTTABLEVIEW_H

#include <QtWidgets/QTableView>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

namespace Explorer {

class ResultTableModel;

// A table of one result series: copying as tab-separated text (Ctrl+C, context menu), sorting
// once the model's rows are final, column widths taken from the first rows only.
//
// Copied text: the selected cells' rows and columns (columns in their visual order, rows in
// view order), cells that lie inside that rectangle but are not selected stay empty; the
// display text, which keeps every digit. A field holding a tab, a line break or a double
// quote is quoted like CSV ("a""b"), which spreadsheets understand when pasting.
class ResultTableView : public QTableView
{
    Q_OBJECT
public:
    // Rows looked at when sizing columns to their contents.
    static constexpr int ResizeSampleRows = 200;

    explicit ResultTableView(QWidget *parent = nullptr);

    // The model is not owned. Sorting (click on a header) is enabled once the model is
    // complete, and the columns are sized once its first rows arrived.
    void setResultModel(ResultTableModel *model);
    ResultTableModel *resultModel() const { return m_model; }

    // The selection as text, see above.
    QString selectionText(bool withHeaders) const;

public Q_SLOTS:
    void copySelection();
    void copySelectionWithHeaders();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onCompleted();
    void sizeColumns();

    ResultTableModel *m_model = nullptr;
    bool m_sized = false;
    QAction *m_copy;
    QAction *m_copyWithHeaders;
    QAction *m_selectAll;
};

} // namespace Explorer

#endif // EXPLORER_RESULTTABLEVIEW_H
