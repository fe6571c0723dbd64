package io.firebreak.notification.internal.channel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

import io.firebreak.notification.internal.HostResolver;
import io.firebreak.notification.internal.UrlGuard;

/**
 * Plain sockets whose connect goes to an address the guard checked as the socket connects, never
 * to a second lookup of the name: JavaMail's {@code mail.smtp.socketFactory}. JavaMail asks it for
 * an unconnected socket and connects it to (host name, port); the socket resolves the host name with
 * {@code checked} (the {@link UrlGuard}'s SMTP check) and connects to the first address it returns,
 * as a plain socket connects to the first address of a name. STARTTLS later wraps this socket and
 * still uses the host name for SNI and the server identity check. A refused host fails the connect
 * with {@link RefusedHost}.
 */
final class PinnedSocketFactory extends SocketFactory {

    /** The guard refused the host (or it does not resolve); the message says why. */
    static final class RefusedHost extends IOException {
        RefusedHost(String message) {
            super(message);
        }
    }

    private final HostResolver checked;

    PinnedSocketFactory(HostResolver checked) {
        this.checked = checked;
    }

    @Override
    public Socket createSocket() {
        return new PinnedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(InetSocketAddress.createUnresolved(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(InetSocketAddress.createUnresolved(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address.getHostAddress(), port, localAddress, localPort);
    }

    private final class PinnedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new IOException("unsupported address " + endpoint);
            }
            InetAddress[] addresses;
            try {
                addresses = checked.resolve(target.getHostString());
            } catch (UrlGuard.RefusedUrlException e) {
                throw new RefusedHost(e.getMessage());
            }
            // A failed connect closes a socket, so there is one attempt, to the first address.
            super.connect(new InetSocketAddress(addresses[0], target.getPort()), timeout);
        }
    }
}
