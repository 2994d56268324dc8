// SPDX-License-Identifier: MIT
#include "queryfile.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QStringDecoder>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool QueryFile::read(const QString &path, QString *text, QString *error)
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(error, tr("The file %1 does not exist.").arg(name));
    if (info.isDir())
        return fail(error, tr("%1 is a folder, not a query file.").arg(name));
    if (info.size() > maximumSize)
        return fail(error,
                    tr("The file %1 is too large for the query editor (%2 MB).")
                            .arg(name)
                            .arg(info.size() / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, tr("Cannot open %1: %2").arg(name, file.errorString()));
    const QByteArray bytes = file.read(maximumSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(error, tr("Cannot read %1: %2").arg(name, file.errorString()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString decoded = decoder(bytes);
    if (decoder.hasError())
        return fail(error, tr("%1 is not UTF-8 text.").arg(name));
    decoded.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    if (text)
        *text = decoded;
    return true;
}

bool QueryFile::write(const QString &path, const QString &text, QString *error)
{
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("Cannot write %1: %2").arg(name, file.errorString()));
    file.write(text.toUtf8());
    if (!file.commit())
        return fail(error, tr("Cannot save %1: %2").arg(name, file.errorString()));
    return true;
}

QStringList QueryFile::nameFilters()
{
    return {tr("InfluxQL queries (*.influxql *.sql *.txt)"), tr("All files (*)")};
}

} // namespace Explorer
