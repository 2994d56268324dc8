// SPDX-License-Identifier: MIT
#include "exportformat.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QIODevice>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Explorer::ExportFormat {

namespace {

constexpr qint64 ProgressStep = 4096; // rows between progress calls
constexpr qsizetype FlushSize = 1 << 20;

// Collects the output and hands it to the device in large blocks.
class Output
{
public:
    explicit Output(QIODevice *device) : m_device(device) { m_buffer.reserve(FlushSize + 4096); }

    QByteArray &buffer() { return m_buffer; }
    bool flushIfFull() { return m_buffer.size() < FlushSize || flush(); }
    bool flush()
    {
        if (m_buffer.isEmpty())
            return true;
        const bool ok = m_device->write(m_buffer) == m_buffer.size();
        m_buffer.clear();
        return ok;
    }
    QString errorString() const { return m_device->errorString(); }

private:
    QIODevice *m_device;
    QByteArray m_buffer;
};

// Counts rows, asks the caller every ProgressStep rows whether to go on.
class Rows
{
public:
    explicit Rows(const Progress &progress) : m_progress(progress) { }
    bool next()
    {
        ++m_written;
        return m_written % ProgressStep != 0 || !m_progress || m_progress(m_written);
    }
    bool end() { return !m_progress || m_progress(m_written); }

private:
    const Progress &m_progress;
    qint64 m_written = 0;
};

QByteArray floatText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QString tagsText(const QMap<QString, QString> &tags)
{
    QStringList parts;
    for (auto it = tags.begin(); it != tags.end(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return parts.join(u',');
}

bool writeFailed(const Output &out, QString *error)
{
    if (error)
        *error = QCoreApplication::translate("Explorer::ResultExporter", "Cannot write: %1")
                         .arg(out.errorString());
    return false;
}

// --- CSV ---------------------------------------------------------------------------------

void appendCsvField(QByteArray &out, QStringView text)
{
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
            || text.contains(u'\r');
    if (!quote) {
        out += text.toUtf8();
        return;
    }
    out += '"';
    out += text.toUtf8().replace('"', "\"\"");
    out += '"';
}

void appendCsvCell(QByteArray &out, const Influx::Series &s, qsizetype row, qsizetype column,
                   const Preferences &preferences, bool utcRfc3339)
{
    if (s.isNull(row, column))
        return;
    switch (s.columnType(column)) {
    case Influx::ColumnType::Null:
        return;
    case Influx::ColumnType::Integer:
        out += QByteArray::number(s.integerAt(row, column));
        return;
    case Influx::ColumnType::Float:
        out += floatText(s.floatAt(row, column));
        return;
    case Influx::ColumnType::Boolean:
        out += s.booleanAt(row, column) ? "true" : "false";
        return;
    case Influx::ColumnType::Time:
        if (utcRfc3339)
            out += s.timeAt(row, column).toRfc3339Utf8();
        else
            out += preferences.formatTime(s.timeAt(row, column)).toUtf8();
        return;
    case Influx::ColumnType::String:
        appendCsvField(out, s.stringAt(row, column));
        return;
    case Influx::ColumnType::Mixed:
        break;
    }
    const QVariant value = s.value(row, column);
    if (value.metaType() == QMetaType::fromType<Influx::Timestamp>())
        out += preferences.formatTime(value.value<Influx::Timestamp>()).toUtf8();
    else if (value.metaType() == QMetaType::fromType<double>())
        out += floatText(value.toDouble());
    else
        appendCsvField(out, value.toString());
}

// --- JSON --------------------------------------------------------------------------------

void appendJsonString(QByteArray &out, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[uchar(c) >> 4];
                out += hex[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendJsonFloat(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null"; // JSON has no NaN or infinity (InfluxDB never returns them)
        return;
    }
    const QByteArray text = floatText(value);
    out += text;
    // An integral value would read back as an integer: keep it a float.
    if (!text.contains('.') && !text.contains('e'))
        out += ".0";
}

void appendJsonCell(QByteArray &out, const Influx::Series &s, qsizetype row, qsizetype column)
{
    if (s.isNull(row, column)) {
        out += "null";
        return;
    }
    switch (s.columnType(column)) {
    case Influx::ColumnType::Null:
        out += "null";
        return;
    case Influx::ColumnType::Integer:
        out += QByteArray::number(s.integerAt(row, column));
        return;
    case Influx::ColumnType::Float:
        appendJsonFloat(out, s.floatAt(row, column));
        return;
    case Influx::ColumnType::Boolean:
        out += s.booleanAt(row, column) ? "true" : "false";
        return;
    case Influx::ColumnType::Time:
        out += '"' + s.timeAt(row, column).toRfc3339Utf8() + '"';
        return;
    case Influx::ColumnType::String:
        appendJsonString(out, s.stringAt(row, column));
        return;
    case Influx::ColumnType::Mixed:
        break;
    }
    const QVariant value = s.value(row, column);
    switch (value.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        out += QByteArray::number(value.toLongLong());
        break;
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        out += QByteArray::number(value.toULongLong());
        break;
    case QMetaType::Double:
        appendJsonFloat(out, value.toDouble());
        break;
    case QMetaType::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    default:
        if (value.metaType() == QMetaType::fromType<Influx::Timestamp>())
            out += '"' + value.value<Influx::Timestamp>().toRfc3339Utf8() + '"';
        else
            appendJsonString(out, value.toString());
    }
}

void appendJsonSeriesHead(QByteArray &out, const Influx::Series &s)
{
    out += "{\"name\":";
    appendJsonString(out, s.name());
    const QMap<QString, QString> tags = s.tags();
    if (!tags.isEmpty()) {
        out += ",\"tags\":{";
        for (auto it = tags.begin(); it != tags.end(); ++it) {
            if (it != tags.begin())
                out += ',';
            appendJsonString(out, it.key());
            out += ':';
            appendJsonString(out, it.value());
        }
        out += '}';
    }
    out += ",\"columns\":[";
    const QStringList columns = s.columns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i)
            out += ',';
        appendJsonString(out, columns.at(i));
    }
    out += ']';
}

void appendJsonStatementTail(QByteArray &out, const Influx::StatementResult &statement)
{
    if (!statement.messages.isEmpty()) {
        out += ",\"messages\":[";
        for (qsizetype i = 0; i < statement.messages.size(); ++i) {
            if (i)
                out += ',';
            out += "{\"level\":";
            appendJsonString(out, statement.messages.at(i).level);
            out += ",\"text\":";
            appendJsonString(out, statement.messages.at(i).text);
            out += '}';
        }
        out += ']';
    }
    if (statement.error.isError()) {
        out += ",\"error\":";
        appendJsonString(out, statement.error.message());
    }
    out += '}';
}

} // namespace

bool writeCsv(QIODevice *device, const QList<Influx::StatementResult> &statements,
              const Preferences &preferences, const Progress &progress, QString *error)
{
    Output out(device);
    Rows rows(progress);
    const bool utcRfc3339 = preferences.timeFormat == Preferences::TimeFormat::Rfc3339
            && preferences.timeZone == Preferences::TimeZone::Utc;
    bool first = true;
    QStringList previousColumns;
    for (const Influx::StatementResult &statement : statements) {
        for (const Influx::Series &s : statement.series) {
            const QStringList columns = s.columns();
            QByteArray &buffer = out.buffer();
            if (first || columns != previousColumns) {
                buffer += "name,tags";
                for (const QString &column : columns) {
                    buffer += ',';
                    appendCsvField(buffer, column);
                }
                buffer += "\r\n";
                first = false;
                previousColumns = columns;
            }
            QByteArray prefix;
            appendCsvField(prefix, s.name());
            prefix += ',';
            appendCsvField(prefix, tagsText(s.tags()));
            const qsizetype rowCount = s.rowCount();
            const qsizetype columnCount = s.columnCount();
            for (qsizetype row = 0; row < rowCount; ++row) {
                buffer += prefix;
                for (qsizetype column = 0; column < columnCount; ++column) {
                    buffer += ',';
                    appendCsvCell(buffer, s, row, column, preferences, utcRfc3339);
                }
                buffer += "\r\n";
                if (!rows.next())
                    return false;
                if (!out.flushIfFull())
                    return writeFailed(out, error);
            }
        }
    }
    if (!out.flush())
        return writeFailed(out, error);
    return rows.end();
}

bool writeJson(QIODevice *device, const QList<Influx::StatementResult> &statements,
               const Progress &progress, QString *error)
{
    Output out(device);
    Rows rows(progress);
    QByteArray &buffer = out.buffer();
    buffer += "{\"results\":[";
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Influx::StatementResult &statement = statements.at(i);
        if (i)
            buffer += ',';
        buffer += "{\"statement_id\":" + QByteArray::number(statement.statementId);
        if (!statement.series.isEmpty()) {
            buffer += ",\"series\":[";
            for (qsizetype k = 0; k < statement.series.size(); ++k) {
                const Influx::Series &s = statement.series.at(k);
                if (k)
                    buffer += ',';
                appendJsonSeriesHead(buffer, s);
                const qsizetype rowCount = s.rowCount();
                const qsizetype columnCount = s.columnCount();
                if (rowCount > 0)
                    buffer += ",\"values\":[";
                for (qsizetype row = 0; row < rowCount; ++row) {
                    buffer += row ? ",[" : "[";
                    for (qsizetype column = 0; column < columnCount; ++column) {
                        if (column)
                            buffer += ',';
                        appendJsonCell(buffer, s, row, column);
                    }
                    buffer += ']';
                    if (!rows.next())
                        return false;
                    if (!out.flushIfFull())
                        return writeFailed(out, error);
                }
                if (rowCount > 0)
                    buffer += ']';
                if (s.isTruncated())
                    buffer += ",\"partial\":true";
                buffer += '}';
            }
            buffer += ']';
        }
        appendJsonStatementTail(buffer, statement);
    }
    buffer += "]}\n";
    if (!out.flush())
        return writeFailed(out, error);
    return rows.end();
}

} // namespace Explorer::ExportFormat
