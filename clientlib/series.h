// SPDX-License-Identifier: MIT
#ifndef INFLUX_SERIES_H
#define INFLUX_SERIES_H

#include "timestamp.h"

#include <QtCore/QExplicitlySharedDataPointer>
#include <QtCore/QMap>
#include <QtCore/QMetaType>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

namespace Influx {

class SeriesData;
class SeriesBuilder;

// What one column of a Series holds. Each column is stored as one typed array (plus a null
// bitmap), so a million rows of time + float cost 16 MB, not a million QVariants.
enum class ColumnType {
    Null, // no value seen yet (all rows null)
    Integer, // JSON integers (qint64). Float fields with integral values arrive as integers
             // from the server (Go writes 654.0 as 654) and stay integers until a fraction
             // appears in the same column, which turns the column into Float.
    Float, // double
    Boolean,
    String, // dictionary-encoded: repeated values (tags, states) are stored once
    Time, // RFC 3339 times, stored as Timestamp (exact nanoseconds)
    Mixed, // values of incompatible types in one column; stored as QVariant
};

// One series of a query result: a name, the tags of its GROUP BY, the column names and the rows.
// Implicitly shared: copies are cheap, the first write to a shared copy detaches.
class Series
{
public:
    // A read-only view of one row, valid while the Series it came from is alive and unchanged.
    // The counterpart of the reference client's KeyedTuple: access by column name or index.
    // Reading never changes the stored values.
    class Row
    {
    public:
        qsizetype size() const;
        qsizetype index() const { return m_row; }
        QVariant value(qsizetype column) const; // index may be negative (from the end)
        QVariant value(QStringView column) const; // invalid QVariant for an unknown column
        bool contains(QStringView column) const;
        QVariant operator[](qsizetype column) const { return value(column); }
        QVariant operator[](QStringView column) const { return value(column); }
        QVariantList values() const;
        QVariantMap toMap() const; // column name → value (the last column wins on duplicates)

        // Equal when the columns and the values are equal.
        friend bool operator==(const Row &a, const Row &b);
        // Lexicographic on the values; only meaningful for rows with the same columns.
        friend bool operator<(const Row &a, const Row &b);

    private:
        friend class Series;
        Row(const Series *series, qsizetype row) : m_series(series), m_row(row) { }
        const Series *m_series;
        qsizetype m_row;
    };

    Series();
    Series(const QString &name, const QStringList &columns,
           const QMap<QString, QString> &tags = {});
    Series(const Series &other);
    Series(Series &&other) noexcept;
    Series &operator=(const Series &other);
    Series &operator=(Series &&other) noexcept;
    ~Series();

    QString name() const;
    QMap<QString, QString> tags() const;
    QStringList columns() const;
    qsizetype columnCount() const;
    qsizetype rowCount() const;
    bool isEmpty() const { return rowCount() == 0; }
    // -1 when there is no such column; with duplicate names the last one wins.
    qsizetype columnIndex(QStringView name) const;
    ColumnType columnType(qsizetype column) const;

    // Generic access. Time cells are Influx::Timestamp, null cells an invalid QVariant.
    QVariant value(qsizetype row, qsizetype column) const;
    QVariant value(qsizetype row, QStringView column) const;
    Row row(qsizetype row) const { return Row(this, row); }

    // Typed access without QVariant; the column must have the matching type.
    bool isNull(qsizetype row, qsizetype column) const;
    qint64 integerAt(qsizetype row, qsizetype column) const;
    double floatAt(qsizetype row, qsizetype column) const; // Integer columns convert
    bool booleanAt(qsizetype row, qsizetype column) const;
    QString stringAt(qsizetype row, qsizetype column) const;
    // The UTF-8 text of a String cell as it arrived (no conversion; valid while the series is
    // not modified).
    QByteArrayView stringUtf8At(qsizetype row, qsizetype column) const;
    Timestamp timeAt(qsizetype row, qsizetype column) const;

    // Appends one row (QVariant per column; Timestamp, qint64/int, double, bool, QString or
    // null). Meant for tests and small data; the decoder uses SeriesBuilder.
    void appendRow(const QVariantList &values);
    // Appends the rows of another piece of the same series (partial chunks). Columns are taken
    // by position; a column whose types differ becomes wider (Integer+Float → Float when the
    // integers are exact as doubles, Time+String → String holding the original texts,
    // otherwise Mixed). Extra columns of the piece are added (null in the earlier rows).
    void appendRows(const Series &piece);

    // True when the server marked the last piece of this series partial and no continuation
    // arrived (max-row-limit truncation).
    bool isTruncated() const;
    void setTruncated(bool truncated);

    // Bytes held by the column storage (for benchmarks and the UI's memory display).
    qsizetype memoryUsage() const;
    // Gives back the spare capacity the column arrays kept for growth (the result merger calls
    // it once a series that grew piece by piece is complete).
    void squeeze();

    friend bool operator==(const Series &a, const Series &b);
    friend bool operator!=(const Series &a, const Series &b) { return !(a == b); }

private:
    friend class SeriesBuilder;
    QExplicitlySharedDataPointer<SeriesData> d;
    void detach();
};

} // namespace Influx

Q_DECLARE_METATYPE(Influx::Series)

#endif // INFLUX_SERIES_H
