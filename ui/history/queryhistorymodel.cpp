// SPDX-License-Identifier: MIT
#include "queryhistorymodel.h"

#include <QtCore/QLocale>
#include <QtGui/QColor>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// The first line with text, marked when more follows.
QString firstLine(const QString &query)
{
    const QStringList lines = query.trimmed().split(u'\n');
    const QString first = lines.value(0).trimmed();
    return lines.size() > 1 ? first + u" …"_s : first;
}

QString elapsedText(qint64 ms)
{
    if (ms < 1000)
        return QueryHistoryModel::tr("%1 ms").arg(ms);
    return QueryHistoryModel::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 2));
}

} // namespace

QueryHistoryModel::QueryHistoryModel(QueryHistory *history, QObject *parent)
    : QAbstractTableModel(parent), m_history(history)
{
    reload();
}

void QueryHistoryModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    reload();
}

void QueryHistoryModel::reload()
{
    beginResetModel();
    m_rows = m_history->search(m_filter);
    endResetModel();
}

bool QueryHistoryModel::addEntry(const QueryHistory::Entry &entry, QString *error)
{
    const qsizetype before = m_history->entries().size();
    const bool written = m_history->append(entry, error);
    const QList<QueryHistory::Entry> entries = m_history->entries();
    if (entries.size() != before + 1) { // trimmed: old rows went away too
        reload();
        return written;
    }
    const QueryHistory::Entry &stored = entries.constLast(); // redacted, as in the file
    if (stored.query.contains(m_filter, Qt::CaseInsensitive)) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(stored);
        endInsertRows();
    }
    return written;
}

int QueryHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueryHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QueryHistory::Entry &entry = m_rows[index.row()];
    const bool failed = !entry.error.isEmpty();
    if (role == QueryRole)
        return entry.query;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return entry.when.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case Query:
            return firstLine(entry.query);
        case Rows:
            return failed && entry.rows == 0 ? QString() : QLocale().toString(entry.rows);
        case Elapsed:
            return elapsedText(entry.elapsedMs);
        case Status:
            return failed ? entry.error.section(u'\n', 0, 0) : tr("ok");
        case Connection:
            return entry.connection;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Query)
            return entry.query;
        if (index.column() == Status && failed)
            return entry.error;
        if (index.column() == When)
            return QLocale().toString(entry.when.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Rows || index.column() == Elapsed)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status && failed)
            return QColor(0xc6, 0x28, 0x28);
        break;
    default:
        break;
    }
    return {};
}

QVariant QueryHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Query:
        return tr("Query");
    case Rows:
        return tr("Rows");
    case Elapsed:
        return tr("Elapsed");
    case Status:
        return tr("Status");
    case Connection:
        return tr("Connection");
    }
    return {};
}

} // namespace Explorer
