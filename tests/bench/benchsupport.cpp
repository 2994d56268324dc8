// SPDX-License-Identifier: MIT
#include "benchsupport.h"

#include <QtCore/QFile>

using namespace Qt::StringLiterals;

namespace Bench {

QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    return file.readAll().split(' ').mid(0, 3).join(' ');
}

} // namespace Bench
