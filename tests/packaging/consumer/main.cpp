// SPDX-License-Identifier: MIT
// Builds a query with an Influx::Client and prints it: proves that the installed headers
// compile and that the static library links with the dependencies its package config names.
#include <client.h>

#include <QtCore/QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Influx::ClientOptions options;
    options.baseUrls = {QUrl(QStringLiteral("http://127.0.0.1:8086"))};
    Influx::Client client(options);
    const QString text = client.query(QStringLiteral("usage_user"), "cpu")
                                 .whereEquals(QStringLiteral("host"), QStringLiteral("a b"))
                                 .limit(10)
                                 .toString();
    std::printf("%s\n", qUtf8Printable(text));
    return 0;
}
