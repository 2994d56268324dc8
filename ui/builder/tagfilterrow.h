// SPDX-License-Identifier: MIT
#ifndef EXPLORER_TAGFILTERROW_H
#define EXPLORER_TAGFILTERROW_H

#include "builder/querybuilderstate.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QToolButton;
QT_END_NAMESPACE

namespace Explorer {

// One condition of the query builder's WHERE list: tag key, operator (= != =~ !~), value and a
// remove button. The value picker lists what setTagValues() gives; the owner loads them when
// tagKeyChanged() says which key.
//
// Child object names, stable for tests: "tagKey", "operator", "tagValue", "remove".
class TagFilterRow : public QWidget
{
    Q_OBJECT
public:
    explicit TagFilterRow(QWidget *parent = nullptr);

    QueryBuilderState::TagFilter filter() const;
    // Emits tagKeyChanged() when the key differs.
    void setFilter(const QueryBuilderState::TagFilter &filter);
    QString tagKey() const;
    // The keys and values offered; the typed text stays.
    void setTagKeys(const QStringList &keys);
    void setTagValues(const QStringList &values);

Q_SIGNALS:
    void changed();
    void tagKeyChanged(const QString &key);
    void removeRequested();

private:
    QString m_lastKey;
    QComboBox *m_key;
    QComboBox *m_operator;
    QComboBox *m_value;
    QToolButton *m_remove;
};

} // namespace Explorer

#endif // EXPLORER_TAGFILTERROW_H
