// SPDX-License-Identifier: MIT
#include "resulttablemodel.h"

#include "models/seriessort.h"

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

QString typeName(Influx::ColumnType type)
{
    switch (type) {
    case Influx::ColumnType::Null:
        return ResultTableModel::tr("no values");
    case Influx::ColumnType::Integer:
        return ResultTableModel::tr("integer");
    case Influx::ColumnType::Float:
        return ResultTableModel::tr("float");
    case Influx::ColumnType::Boolean:
        return ResultTableModel::tr("boolean");
    case Influx::ColumnType::String:
        return ResultTableModel::tr("string");
    case Influx::ColumnType::Time:
        return ResultTableModel::tr("time");
    case Influx::ColumnType::Mixed:
        return ResultTableModel::tr("mixed");
    }
    return {};
}

QString floatText(double value)
{
    // Shortest text that reads back as the same double: no digit lost, none invented.
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

ResultTableModel::ResultTableModel(Influx::QueryReply *reply, int statementIndex, int seriesIndex,
                                   QObject *parent)
    : QAbstractTableModel(parent),
      m_reply(reply),
      m_statement(statementIndex),
      m_seriesIndex(seriesIndex)
{
    connect(reply, &Influx::QueryReply::rowsReceived, this, &ResultTableModel::onRowsReceived);
    connect(reply, &Influx::Reply::finished, this, &ResultTableModel::onFinished);
    // A reply deleted while still running takes its rows with it.
    connect(reply, &QObject::destroyed, this, [this] {
        if (m_finished)
            return;
        beginResetModel();
        m_exposed = 0;
        m_columns = 0;
        m_finished = true;
        endResetModel();
        Q_EMIT completed();
    });
    m_columns = int(series().columnCount());
    expose(FetchStep);
    if (reply->isFinished())
        onFinished();
}

Influx::Series ResultTableModel::series() const
{
    if (m_finished || !m_reply)
        return m_final;
    const Influx::QueryResult result = m_reply->result();
    const QList<Influx::StatementResult> &statements = result.statements();
    if (m_statement >= statements.size()
        || m_seriesIndex >= statements.at(m_statement).series.size())
        return {};
    return statements.at(m_statement).series.at(m_seriesIndex);
}

qsizetype ResultTableModel::availableRows() const
{
    return series().rowCount();
}

QString ResultTableModel::title() const
{
    const Influx::Series s = series();
    QStringList tags;
    const QMap<QString, QString> map = s.tags();
    for (auto it = map.begin(); it != map.end(); ++it)
        tags.append(it.key() + u'=' + it.value());
    return tags.isEmpty() ? s.name() : s.name() + u' ' + tags.join(u',');
}

void ResultTableModel::setPreferences(const Preferences &preferences)
{
    const bool timesChange = preferences.timeZone != m_preferences.timeZone
            || preferences.timeFormat != m_preferences.timeFormat;
    m_preferences = preferences;
    if (timesChange && m_exposed > 0 && m_columns > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(m_exposed) - 1, m_columns - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

qsizetype ResultTableModel::sourceRow(int row) const
{
    if (row < 0 || row >= m_exposed)
        return -1;
    return m_order.empty() ? row : m_order[size_t(row)];
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exposed);
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QString ResultTableModel::displayText(const Influx::Series &s, qsizetype row,
                                      qsizetype column) const
{
    switch (s.columnType(column)) {
    case Influx::ColumnType::Time:
        return m_preferences.formatTime(s.timeAt(row, column));
    case Influx::ColumnType::Float:
        return floatText(s.floatAt(row, column));
    case Influx::ColumnType::Integer:
        return QString::number(s.integerAt(row, column));
    case Influx::ColumnType::Boolean:
        return s.booleanAt(row, column) ? u"true"_s : u"false"_s;
    case Influx::ColumnType::String:
        return s.stringAt(row, column);
    case Influx::ColumnType::Null:
        return {};
    case Influx::ColumnType::Mixed:
        break;
    }
    const QVariant value = s.value(row, column);
    if (value.metaType() == QMetaType::fromType<Influx::Timestamp>())
        return m_preferences.formatTime(value.value<Influx::Timestamp>());
    if (value.metaType() == QMetaType::fromType<double>())
        return floatText(value.toDouble());
    return value.toString();
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Influx::Series s = series();
    const qsizetype row = sourceRow(index.row());
    const qsizetype column = index.column();
    if (row < 0 || row >= s.rowCount() || column >= s.columnCount())
        return {};
    switch (role) {
    case RawValueRole:
        return s.value(row, column);
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (s.isNull(row, column))
            return {};
        return displayText(s, row, column);
    case Qt::TextAlignmentRole: {
        const Influx::ColumnType type = s.columnType(column);
        if (type == Influx::ColumnType::Integer || type == Influx::ColumnType::Float)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    const Influx::Series s = series();
    if (section < 0 || section >= s.columnCount())
        return {};
    if (role == Qt::DisplayRole)
        return s.columns().value(section);
    if (role == Qt::ToolTipRole)
        return tr("%1 (%2)").arg(s.columns().value(section), typeName(s.columnType(section)));
    return {};
}

bool ResultTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_exposed < availableRows();
}

void ResultTableModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        expose(m_exposed + FetchStep);
}

void ResultTableModel::sort(int column, Qt::SortOrder order)
{
    if (!m_finished)
        return; // the rows are still arriving; the view enables sorting once they are final
    if (column < 0 || column >= m_columns)
        column = -1;
    if (column == m_sortColumn && (column < 0 || order == m_sortOrder))
        return;
    std::vector<int> newOrder;
    if (column >= 0)
        newOrder = sortedRowOrder(m_final, column, order);

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (selection, current cell) follow their series row.
    const QModelIndexList from = persistentIndexList();
    std::vector<qsizetype> fromSource;
    fromSource.reserve(size_t(from.size()));
    for (const QModelIndex &index : from)
        fromSource.push_back(sourceRow(index.row()));
    m_order = std::move(newOrder);
    m_sortColumn = column;
    m_sortOrder = order;
    if (!from.isEmpty()) {
        std::vector<int> inverse(m_order.size());
        for (size_t i = 0; i < m_order.size(); ++i)
            inverse[size_t(m_order[i])] = int(i);
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i) {
            const qsizetype source = fromSource[size_t(i)];
            const qsizetype row =
                    source < 0 ? -1 : (m_order.empty() ? source : inverse[size_t(source)]);
            to.append(row >= 0 && row < m_exposed ? index(int(row), from.at(i).column())
                                                  : QModelIndex());
        }
        changePersistentIndexList(from, to);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ResultTableModel::expose(qsizetype rows)
{
    // Views (and QAbstractItemModelTester) may call fetchMore() from inside the insertion
    // notifications; the rows being inserted already cover that.
    if (m_inserting)
        return;
    const qsizetype target = std::min(rows, availableRows());
    if (target <= m_exposed)
        return;
    m_inserting = true;
    beginInsertRows({}, int(m_exposed), int(target) - 1);
    m_exposed = target;
    endInsertRows();
    m_inserting = false;
}

void ResultTableModel::updateColumns(const Influx::Series &s)
{
    // A later piece of a series may bring more columns (never fewer).
    const int columns = int(s.columnCount());
    if (columns <= m_columns || m_inserting)
        return;
    m_inserting = true;
    beginInsertColumns({}, m_columns, columns - 1);
    m_columns = columns;
    endInsertColumns();
    m_inserting = false;
}

void ResultTableModel::onRowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow,
                                      qsizetype count)
{
    Q_UNUSED(count)
    if (statementIndex != m_statement || seriesIndex != m_seriesIndex)
        return;
    updateColumns(series());
    // While every received row is visible (the view keeps up), new rows flow in on their own
    // up to the next step; beyond that the view asks with fetchMore().
    if (m_exposed == firstRow)
        expose((m_exposed / FetchStep + 1) * FetchStep);
}

void ResultTableModel::onFinished()
{
    if (m_finished)
        return;
    m_final = series();
    m_finished = true;
    Q_EMIT completed();
}

} // namespace Explorer
