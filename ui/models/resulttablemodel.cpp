// SPDX-License-Identifier: MIT
#include "resulttablemodel.h"

#include <QtCore/QTimeZone>

using namespace Qt::StringLiterals;

namespace Explorer {

ResultTableModel::ResultTableModel(Influx::QueryReply *reply, int statementIndex, int seriesIndex,
                                   QObject *parent)
    : QAbstractTableModel(parent),
      m_reply(reply),
      m_statement(statementIndex),
      m_seriesIndex(seriesIndex)
{
    connect(reply, &Influx::QueryReply::rowsReceived, this, &ResultTableModel::onRowsReceived);
    connect(reply, &Influx::Reply::finished, this, &ResultTableModel::onFinished);
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
    return tags.isEmpty() ? s.name() : s.name() + u' ' + tags.join(u", "_s);
}

void ResultTableModel::setTimeZone(TimeZone zone)
{
    if (zone == m_timeZone)
        return;
    m_timeZone = zone;
    if (m_exposed > 0)
        Q_EMIT dataChanged(index(0, 0), index(int(m_exposed) - 1, m_columns - 1),
                           {Qt::DisplayRole});
}

QString ResultTableModel::formatTime(Influx::Timestamp time, TimeZone zone)
{
    if (zone == TimeZone::Utc)
        return time.toRfc3339();
    // QDateTime has milliseconds only: take the wall-clock part from it and the fraction,
    // with all nine digits, from the timestamp itself.
    const qint64 ns = time.nanoseconds();
    const qint64 fraction = ((ns % 1000000000) + 1000000000) % 1000000000;
    const QDateTime local =
            QDateTime::fromMSecsSinceEpoch((ns - fraction) / 1000000, QTimeZone::systemTimeZone());
    QString text = local.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    if (fraction)
        text += u'.' + QString::number(fraction).rightJustified(9, u'0');
    const int offset = local.offsetFromUtc();
    text += QString::asprintf(" %c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 3600,
                              std::abs(offset) % 3600 / 60);
    return text;
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exposed);
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Influx::Series s = series();
    const qsizetype row = index.row();
    const qsizetype column = index.column();
    switch (role) {
    case RawValueRole:
        return s.value(row, column);
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (s.isNull(row, column))
            return {};
        switch (s.columnType(column)) {
        case Influx::ColumnType::Time:
            return formatTime(s.timeAt(row, column), m_timeZone);
        case Influx::ColumnType::Float:
            // Shortest text that reads back as the same double: no digit lost, none invented.
            return QString::number(s.floatAt(row, column), 'g', QLocale::FloatingPointShortest);
        case Influx::ColumnType::Boolean:
            return s.booleanAt(row, column) ? u"true"_s : u"false"_s;
        default:
            return s.value(row, column).toString();
        }
    }
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
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return series().columns().value(section);
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

void ResultTableModel::onRowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow,
                                      qsizetype count)
{
    Q_UNUSED(count)
    if (statementIndex != m_statement || seriesIndex != m_seriesIndex)
        return;
    if (m_columns == 0) {
        const int columns = int(series().columnCount());
        if (columns > 0) {
            m_inserting = true;
            beginInsertColumns({}, 0, columns - 1);
            m_columns = columns;
            endInsertColumns();
            m_inserting = false;
        }
    }
    // While every received row is visible (the view keeps up), new rows flow in on their own
    // up to the next step; beyond that the view asks with fetchMore().
    if (m_exposed == firstRow)
        expose((m_exposed / FetchStep + 1) * FetchStep);
}

void ResultTableModel::onFinished()
{
    m_final = series();
    m_finished = true;
}

} // namespace Explorer
