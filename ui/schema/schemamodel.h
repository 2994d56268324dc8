// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SCHEMAMODEL_H
#define EXPLORER_SCHEMAMODEL_H

#include "error.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QHash>
#include <QtCore/QPointer>

#include <memory>

namespace Influx {
class Client;
class QueryReply;
class Reply;
} // namespace Influx

namespace Explorer {

// The server's schema as a lazily loaded tree:
//   databases → retention policies → measurements → "Fields" / "Tags"
//             → field keys (with their type) / tag keys → tag values.
// Measurements are per database in InfluxDB 1.x; they are listed under every retention
// policy so that the node knows the "db"."rp"."m" it stands for (field keys are per policy).
//
// Nothing is loaded until a view (or the caller) asks: hasChildren() is true for a node not
// loaded yet, canFetchMore()/fetchMore() start its SHOW query through the client. While it
// runs the node has a "Loading…" placeholder child; a failure leaves an error placeholder
// child and emits loadFailed(). Nothing blocks.
//
// The client is not owned and must outlive the model. When its options change (another
// server, other credentials) the whole tree is reloaded.
class SchemaModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum NodeKind {
        Database,
        RetentionPolicy,
        Measurement,
        FieldGroup,
        TagGroup,
        Field,
        TagKey,
        TagValue,
        Placeholder,
    };
    Q_ENUM(NodeKind)

    enum PlaceholderKind {
        NoPlaceholder,
        Loading,
        LoadError, // the parent's query failed; ErrorRole has the message
        MoreValues, // tag values beyond tagValueLimit() were left out
        Empty, // the parent's query returned nothing
    };
    Q_ENUM(PlaceholderKind)

    enum Role {
        NodeKindRole = Qt::UserRole + 1, // NodeKind
        // The database / retention policy / measurement / tag key the node belongs to (its
        // own name for a node of that kind); invalid above it.
        DatabaseRole,
        RetentionPolicyRole,
        MeasurementRole,
        TagKeyRole,
        NameRole, // the node's own name (tag value, field key ...); invalid for placeholders
        FieldTypeRole, // "float", "integer", "string" or "boolean" (Field nodes)
        DefaultRetentionPolicyRole, // bool (RetentionPolicy nodes)
        DurationRole, // the server's text, "0s" = infinite (RetentionPolicy nodes)
        PlaceholderKindRole, // PlaceholderKind
        ErrorRole, // the error text (LoadError placeholders)
    };

    enum Column { NameColumn, DetailColumn, ColumnCount };

    static constexpr int DefaultTagValueLimit = 1000;

    explicit SchemaModel(Influx::Client *client, QObject *parent = nullptr);
    ~SchemaModel() override;

    Influx::Client *client() const;

    // At most this many tag values are listed per tag key; a MoreValues placeholder follows
    // when there are more. Applies to tag keys loaded afterwards.
    void setTagValueLimit(int limit) { m_tagValueLimit = limit; }
    int tagValueLimit() const { return m_tagValueLimit; }

    // True while the node's (or, for an invalid index, the database list's) query runs.
    bool isLoading(const QModelIndex &index = {}) const;
    // True once the node's children are known (loaded, failed or static).
    bool isLoaded(const QModelIndex &index = {}) const;
    // The child of parent with that NameRole, or an invalid index.
    QModelIndex childIndex(const QModelIndex &parent, const QString &name) const;

    // Reloads everything (resets the model and starts loading the database list).
    void refresh();
    // Reloads the children of the node the index belongs to (its nearest loaded ancestor
    // for leaves; both groups for a measurement). An invalid index reloads the database list.
    // A node never loaded stays lazy.
    void refresh(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // A node's query failed; index is the node (invalid for the database list).
    void loadFailed(const QModelIndex &index, const Influx::Error &error);
    // A node's children arrived (also after a failure, then after loadFailed()).
    void loadFinished(const QModelIndex &index);

private:
    struct Node;
    using NodePtr = std::unique_ptr<Node>;
    struct Context;
    enum class State { Unloaded, Loading, Loaded, Failed };

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    Context contextOf(const Node *node) const;
    static bool isLoadable(const Node *node);
    QString queryFor(const Node *node) const;

    void startLoad(Node *node);
    void reload(Node *node);
    void onLoadFinished(Influx::Reply *reply);
    std::vector<NodePtr> childrenFromResult(const Node *node,
                                            const Influx::QueryReply *reply) const;
    void setChildren(Node *node, std::vector<NodePtr> children);
    void addLoadingRows();
    // Stops every query running in node's subtree (node included).
    void cancelLoads(Node *node);
    void disposeReply(Influx::QueryReply *reply);

    QPointer<Influx::Client> m_client;
    std::unique_ptr<Node> m_root;
    QHash<Influx::QueryReply *, Node *> m_loads;
    // Nodes whose "Loading…" row is still to be inserted. It is inserted from the event loop:
    // fetchMore() may be called while the model is emitting a change (views and
    // QAbstractItemModelTester do), where inserting rows would nest model changes.
    QList<Node *> m_pendingLoadingRows;
    bool m_loadingRowsQueued = false;
    int m_tagValueLimit = DefaultTagValueLimit;
};

} // namespace Explorer

#endif // EXPLORER_SCHEMAMODEL_H
