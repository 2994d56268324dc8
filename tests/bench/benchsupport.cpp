// SPDX-License-Identifier: MIT
#include "benchsupport.h"

#include <QtCore/QFile>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Bench {

QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    return file.readAll().split(' ').mid(0, 3).join(' ');
}

double processCpuSeconds(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double ownCpuSeconds()
{
    const auto seconds = [](int who) {
        rusage usage {};
        if (getrusage(who, &usage) != 0)
            return -1.0;
        const auto tv = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
        return tv(usage.ru_utime) + tv(usage.ru_stime);
    };
    return seconds(RUSAGE_SELF) + seconds(RUSAGE_CHILDREN);
}

} // namespace Bench
