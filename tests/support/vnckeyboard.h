// SPDX-License-Identifier: MIT
#ifndef TESTSUPPORT_VNCKEYBOARD_H
#define TESTSUPPORT_VNCKEYBOARD_H

#include <QtNetwork/QTcpSocket>

namespace TestSupport {

// Just enough of the RFB protocol (RFC 6143, version 3.3) to type into the window of a process
// that runs on Qt's "vnc" platform: the test's only way to make an edit in another process.
class VncKeyboard
{
public:
    static constexpr quint32 ControlL = 0xffe3;
    static constexpr quint32 Return = 0xff0d;

    // Connects to the vnc platform's server on 127.0.0.1:port (waiting up to 30 s for it to
    // listen) and completes the handshake; false when that fails.
    bool connectTo(quint16 port);
    void key(quint32 keysym, bool down);
    void type(const QByteArray &text); // Latin-1 characters, each pressed and released

private:
    QByteArray read(qint64 size);
    QTcpSocket m_socket;
};

} // namespace TestSupport

#endif // TESTSUPPORT_VNCKEYBOARD_H
