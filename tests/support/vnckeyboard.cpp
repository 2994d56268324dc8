// SPDX-License-Identifier: MIT
#include "vnckeyboard.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QtEndian>
#include <QtNetwork/QHostAddress>
#include <QtTest/QTest>

namespace TestSupport {

bool VncKeyboard::connectTo(quint16 port)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (m_socket.waitForConnected(1000))
            break;
        m_socket.abort();
        QTest::qWait(100);
    }
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    const QByteArray version = read(12);
    if (!version.startsWith("RFB 003."))
        return false;
    m_socket.write("RFB 003.003\n");
    if (qFromBigEndian<quint32>(read(4).constData()) != 1) // security type "None"
        return false;
    m_socket.write("\x01", 1); // ClientInit: shared
    const QByteArray init = read(24); // size, pixel format, name length
    if (init.size() != 24)
        return false;
    read(qFromBigEndian<quint32>(init.constData() + 20)); // the desktop name
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void VncKeyboard::key(quint32 keysym, bool down)
{
    char event[8] = {4, char(down ? 1 : 0), 0, 0, 0, 0, 0, 0}; // KeyEvent
    qToBigEndian(keysym, event + 4);
    m_socket.write(event, sizeof event);
    m_socket.flush();
}

void VncKeyboard::type(const QByteArray &text)
{
    for (const char c : text) {
        key(quint8(c), true);
        key(quint8(c), false);
    }
}

QByteArray VncKeyboard::read(qint64 size)
{
    QElapsedTimer clock;
    clock.start();
    while (m_socket.bytesAvailable() < size && clock.elapsed() < 10000)
        m_socket.waitForReadyRead(200);
    return m_socket.read(size);
}

} // namespace TestSupport
