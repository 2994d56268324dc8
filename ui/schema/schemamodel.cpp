// SPDX-License-Identifier: MIT
#include "schema/schemamodel.h"

#include "schema/schemastatements.h"

#include "client.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QFont>

using namespace Qt::StringLiterals;

namespace Explorer {

struct SchemaModel::Node
{
    NodeKind kind = Placeholder;
    PlaceholderKind placeholder = NoPlaceholder;
    QString name; // the placeholder's text for placeholders
    QString detail; // field type; retention policy duration
    QString shardDuration;
    qint64 replication = 0;
    bool isDefault = false;
    QString error;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    State state = State::Loaded;
    QPointer<Influx::QueryReply> reply;
};

// Where a node sits: the names of its ancestors (and its own, for a node of that kind).
struct SchemaModel::Context
{
    QString database;
    QString retentionPolicy;
    QString measurement;
    QString tagKey;
};

namespace {

// "720h0m0s" → "30d", "1h30m0s" → "1h30m", "0s" → infinite: the server spells out every unit.
QString durationText(const QString &duration)
{
    static const QRegularExpression parts(u"([0-9.]+)([a-zµ]+)"_s);
    QString text;
    qint64 hours = -1;
    bool onlyHours = true;
    for (const QRegularExpressionMatch &m : parts.globalMatch(duration)) {
        if (m.captured(1).toDouble() == 0)
            continue;
        if (m.captured(2) == u"h")
            hours = m.captured(1).toLongLong();
        else
            onlyHours = false;
        text += m.captured(0);
    }
    if (text.isEmpty())
        return SchemaModel::tr("infinite");
    if (onlyHours && hours > 0 && hours % 24 == 0)
        return QString::number(hours / 24) + u'd';
    return text;
}

} // namespace

SchemaModel::SchemaModel(Influx::Client *client, QObject *parent)
    : QAbstractItemModel(parent), m_client(client), m_root(std::make_unique<Node>())
{
    m_root->state = State::Unloaded;
    if (client)
        connect(client, &Influx::Client::optionsChanged, this, [this] { refresh(); });
}

SchemaModel::~SchemaModel()
{
    cancelLoads(m_root.get());
}

Influx::Client *SchemaModel::client() const
{
    return m_client;
}

bool SchemaModel::isLoading(const QModelIndex &index) const
{
    return nodeFor(index)->state == State::Loading;
}

bool SchemaModel::isLoaded(const QModelIndex &index) const
{
    const State state = nodeFor(index)->state;
    return state == State::Loaded || state == State::Failed;
}

QModelIndex SchemaModel::childIndex(const QModelIndex &parent, const QString &name) const
{
    if (parent.column() > 0)
        return {};
    for (const NodePtr &child : nodeFor(parent)->children) {
        if (child->kind != Placeholder && child->name == name)
            return indexFor(child.get());
    }
    return {};
}

void SchemaModel::refresh()
{
    beginResetModel();
    cancelLoads(m_root.get());
    m_root->children.clear();
    m_root->state = State::Unloaded;
    endResetModel();
    startLoad(m_root.get());
}

void SchemaModel::refresh(const QModelIndex &index)
{
    Node *node = nodeFor(index);
    if (node->kind == Measurement) {
        for (const NodePtr &group : node->children)
            reload(group.get());
        return;
    }
    while (!isLoadable(node))
        node = node->parent;
    reload(node);
}

QModelIndex SchemaModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children[size_t(row)].get());
}

QModelIndex SchemaModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int SchemaModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int SchemaModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SchemaModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    if (!node->children.empty())
        return true;
    return isLoadable(node) && (node->state == State::Unloaded || node->state == State::Loading);
}

QVariant SchemaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const auto ifKind = [node](NodeKind kind, const QVariant &value) {
        return node->kind == kind ? value : QVariant();
    };
    const auto nonEmpty = [](const QString &text) {
        return text.isEmpty() ? QVariant() : QVariant(text);
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        if (node->kind == Field)
            return node->detail;
        if (node->kind == RetentionPolicy) {
            const QString duration = durationText(node->detail);
            return node->isDefault ? tr("%1, default").arg(duration) : duration;
        }
        return {};
    case Qt::ToolTipRole:
        if (node->placeholder == LoadError)
            return node->error;
        if (node->kind == RetentionPolicy) {
            return tr("Duration %1, shard group duration %2, replication %3%4")
                    .arg(durationText(node->detail), durationText(node->shardDuration))
                    .arg(node->replication)
                    .arg(node->isDefault ? tr(" (default policy)") : QString());
        }
        return {};
    case Qt::FontRole:
        if (node->kind == Placeholder || (node->kind == RetentionPolicy && node->isDefault)) {
            QFont font;
            font.setItalic(node->kind == Placeholder);
            font.setBold(node->kind == RetentionPolicy);
            return font;
        }
        return {};
    case NodeKindRole:
        return node->kind;
    case DatabaseRole:
        return nonEmpty(contextOf(node).database);
    case RetentionPolicyRole:
        return nonEmpty(contextOf(node).retentionPolicy);
    case MeasurementRole:
        return nonEmpty(contextOf(node).measurement);
    case TagKeyRole:
        return nonEmpty(contextOf(node).tagKey);
    case NameRole:
        return node->kind == Placeholder ? QVariant() : QVariant(node->name);
    case FieldTypeRole:
        return ifKind(Field, node->detail);
    case DefaultRetentionPolicyRole:
        return ifKind(RetentionPolicy, node->isDefault);
    case DurationRole:
        return ifKind(RetentionPolicy, node->detail);
    case PlaceholderKindRole:
        return node->placeholder;
    case ErrorRole:
        return node->placeholder == LoadError ? QVariant(node->error) : QVariant();
    default:
        return {};
    }
}

QVariant SchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

Qt::ItemFlags SchemaModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const NodeKind kind = nodeFor(index)->kind;
    if (kind == Field || kind == TagValue || kind == Placeholder)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

bool SchemaModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    return isLoadable(node) && node->state == State::Unloaded;
}

void SchemaModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startLoad(nodeFor(parent));
}

SchemaModel::Node *SchemaModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex SchemaModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

SchemaModel::Context SchemaModel::contextOf(const Node *node) const
{
    Context context;
    for (; node; node = node->parent) {
        switch (node->kind) {
        case Database:
            context.database = node->name;
            break;
        case RetentionPolicy:
            context.retentionPolicy = node->name;
            break;
        case Measurement:
            context.measurement = node->name;
            break;
        case TagKey:
            context.tagKey = node->name;
            break;
        default:
            break;
        }
    }
    return context;
}

bool SchemaModel::isLoadable(const Node *node)
{
    switch (node->kind) {
    case Database:
    case RetentionPolicy:
    case FieldGroup:
    case TagGroup:
    case TagKey:
        return true;
    case Placeholder:
        return !node->parent; // the root: the database list
    default:
        return false;
    }
}

QString SchemaModel::queryFor(const Node *node) const
{
    namespace S = SchemaStatements;
    const Context c = contextOf(node);
    switch (node->kind) {
    case Database:
        return S::showRetentionPolicies(c.database);
    case RetentionPolicy:
        return S::showMeasurements(c.database);
    case FieldGroup:
        return S::showFieldKeys(c.database, c.retentionPolicy, c.measurement);
    case TagGroup:
        return S::showTagKeys(c.database, c.retentionPolicy, c.measurement);
    case TagKey:
        // One more than shown tells whether there are more.
        return S::showTagValues(c.database, c.retentionPolicy, c.measurement, c.tagKey,
                                m_tagValueLimit > 0 ? m_tagValueLimit + 1 : 0);
    default:
        return S::showDatabases();
    }
}

void SchemaModel::startLoad(Node *node)
{
    // A view may have asked already while the node's old children were being removed.
    if (!m_client || node->reply)
        return;
    node->state = State::Loading;
    Influx::QueryReply *reply = m_client->rawQuery(queryFor(node));
    node->reply = reply;
    m_loads.insert(reply, node);
    connect(reply, &Influx::Reply::finished, this, &SchemaModel::onLoadFinished);
    m_pendingLoadingRows.append(node);
    if (!m_loadingRowsQueued) {
        m_loadingRowsQueued = true;
        QMetaObject::invokeMethod(this, &SchemaModel::addLoadingRows, Qt::QueuedConnection);
    }
}

void SchemaModel::addLoadingRows()
{
    m_loadingRowsQueued = false;
    const QList<Node *> nodes = std::exchange(m_pendingLoadingRows, {});
    for (Node *node : nodes) {
        if (node->state != State::Loading || !node->children.empty())
            continue;
        auto loading = std::make_unique<Node>();
        loading->placeholder = Loading;
        loading->name = tr("Loading…");
        std::vector<NodePtr> children;
        children.push_back(std::move(loading));
        setChildren(node, std::move(children));
    }
}

void SchemaModel::reload(Node *node)
{
    if (node->state == State::Unloaded)
        return;
    cancelLoads(node);
    setChildren(node, {});
    startLoad(node);
}

void SchemaModel::onLoadFinished(Influx::Reply *finished)
{
    auto *reply = static_cast<Influx::QueryReply *>(finished);
    reply->deleteLater();
    Node *node = m_loads.take(reply);
    if (!node)
        return;
    node->reply = nullptr;
    m_pendingLoadingRows.removeAll(node);
    const Influx::Error error = reply->error();
    if (error.isError()) {
        node->state = State::Failed;
        auto placeholder = std::make_unique<Node>();
        placeholder->placeholder = LoadError;
        placeholder->name = tr("Error: %1").arg(error.message());
        placeholder->error = error.toString();
        std::vector<NodePtr> children;
        children.push_back(std::move(placeholder));
        setChildren(node, std::move(children));
        Q_EMIT loadFailed(indexFor(node), error);
    } else {
        node->state = State::Loaded;
        setChildren(node, childrenFromResult(node, reply));
    }
    Q_EMIT loadFinished(indexFor(node));
}

std::vector<SchemaModel::NodePtr>
SchemaModel::childrenFromResult(const Node *node, const Influx::QueryReply *reply) const
{
    std::vector<NodePtr> children;
    const auto add = [&children](NodeKind kind, const QString &name) {
        auto child = std::make_unique<Node>();
        child->kind = kind;
        child->name = name;
        child->state = isLoadable(child.get()) ? State::Unloaded : State::Loaded;
        children.push_back(std::move(child));
        return children.back().get();
    };
    const QString groupNames[] = {tr("Fields"), tr("Tags")};
    const int limit = node->kind == TagKey ? m_tagValueLimit : 0;
    bool more = false;
    for (const Influx::Series &series : reply->result().allSeries()) {
        const QStringView nameColumn = node->kind == FieldGroup ? u"fieldKey"
                : node->kind == TagGroup                        ? u"tagKey"
                : node->kind == TagKey                          ? u"value"
                                                                : u"name";
        if (series.columnIndex(nameColumn) < 0)
            continue;
        for (qsizetype row = 0; row < series.rowCount(); ++row) {
            const auto cell = [&series, row](QStringView column) {
                const qsizetype index = series.columnIndex(column);
                return index < 0 ? QVariant() : series.value(row, index);
            };
            if (limit > 0 && qsizetype(children.size()) >= limit) {
                more = true;
                break;
            }
            const QString name = cell(nameColumn).toString();
            switch (node->kind) {
            case Database: {
                Node *policy = add(RetentionPolicy, name);
                policy->detail = cell(u"duration").toString();
                policy->shardDuration = cell(u"shardGroupDuration").toString();
                policy->replication = cell(u"replicaN").toLongLong();
                policy->isDefault = cell(u"default").toBool();
                break;
            }
            case RetentionPolicy: {
                Node *measurement = add(Measurement, name);
                for (int group = 0; group < 2; ++group) {
                    auto child = std::make_unique<Node>();
                    child->kind = group == 0 ? FieldGroup : TagGroup;
                    child->name = groupNames[group];
                    child->state = State::Unloaded;
                    child->parent = measurement;
                    child->row = group;
                    measurement->children.push_back(std::move(child));
                }
                break;
            }
            case FieldGroup:
                add(Field, name)->detail = cell(u"fieldType").toString();
                break;
            case TagGroup:
                add(TagKey, name);
                break;
            case TagKey:
                add(TagValue, name);
                break;
            default:
                add(Database, name);
                break;
            }
        }
    }
    if (more || children.empty()) {
        Node *placeholder =
                add(Placeholder,
                    more ? tr("… more (only the first %n values are shown)", nullptr, limit)
                         : tr("(none)"));
        placeholder->placeholder = more ? MoreValues : Empty;
    }
    return children;
}

void SchemaModel::setChildren(Node *node, std::vector<NodePtr> children)
{
    const QModelIndex parent = indexFor(node);
    if (!node->children.empty()) {
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        // After beginRemoveRows(): whoever listens to it (QAbstractItemModelTester does) may
        // still fetch the children being removed.
        for (const NodePtr &child : node->children)
            cancelLoads(child.get());
        node->children.clear();
        endRemoveRows();
    }
    if (children.empty())
        return;
    for (size_t row = 0; row < children.size(); ++row) {
        children[row]->parent = node;
        children[row]->row = int(row);
    }
    beginInsertRows(parent, 0, int(children.size()) - 1);
    node->children = std::move(children);
    endInsertRows();
}

void SchemaModel::cancelLoads(Node *node)
{
    if (node->reply) {
        m_loads.remove(node->reply.data());
        disposeReply(node->reply.data());
        node->reply = nullptr;
    }
    if (node->state == State::Loading)
        node->state = State::Unloaded;
    m_pendingLoadingRows.removeAll(node);
    for (const NodePtr &child : node->children)
        cancelLoads(child.get());
}

void SchemaModel::disposeReply(Influx::QueryReply *reply)
{
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isFinished()) {
        reply->deleteLater();
        return;
    }
    // abort() finishes the reply, possibly later; it deletes itself then.
    connect(reply, &Influx::Reply::finished, reply, &QObject::deleteLater);
    reply->abort();
}

} // namespace Explorer
