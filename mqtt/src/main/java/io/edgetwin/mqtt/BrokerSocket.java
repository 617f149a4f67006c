package io.edgetwin.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens the socket to the broker within a deadline, with Nagle's algorithm off (a request must not wait
 * for the previous one's ack). With an {@link SSLSocketFactory} (mTLS) a plain TCP
 * socket is connected first and TLS layered on it, with SNI (for a host name) and the broker's
 * certificate checked against the host ({@code HTTPS} endpoint identification); the handshake runs
 * here, under the same deadline, so a broker that accepts and never answers TLS cannot hang the caller.
 */
final class BrokerSocket {

    /** An IPv4 address or anything with a colon (IPv6): no SNI for those (RFC 6066 allows host names only). */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");

    private BrokerSocket() {
    }

    /** A connected (and, for TLS, handshaken) socket, or a {@link MqttFailure} saying what failed. */
    static Socket open(BrokerAddress broker, SocketFactory sockets, long deadlineNanos) throws IOException {
        InetSocketAddress address = new InetSocketAddress(broker.host(), broker.port());
        if (address.isUnresolved()) {
            throw new MqttFailure("cannot resolve broker host '" + broker.host() + "'");
        }
        if (sockets instanceof SSLSocketFactory tls) {
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            connect(plain, address, broker, deadlineNanos);
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, broker.host(), broker.port(), true);
            handshake(secure, broker, deadlineNanos);
            return secure;
        }
        Socket socket = sockets.createSocket();
        socket.setTcpNoDelay(true);
        connect(socket, address, broker, deadlineNanos);
        return socket;
    }

    private static void connect(Socket socket, InetSocketAddress address, BrokerAddress broker, long deadlineNanos) throws IOException {
        try {
            socket.connect(address, millisLeft(deadlineNanos, broker, "TCP connect"));
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new MqttFailure("no TCP connection to " + broker + " within the connect timeout", e);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void handshake(SSLSocket socket, BrokerAddress broker, long deadlineNanos) throws IOException {
        try {
            SSLParameters parameters = socket.getSSLParameters();
            if (!IP_LITERAL.matcher(broker.host()).matches()) {
                parameters.setServerNames(List.of(new SNIHostName(broker.host())));
            }
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(millisLeft(deadlineNanos, broker, "TLS handshake"));
            socket.startHandshake();
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new MqttFailure("no TLS handshake with " + broker + " within the connect timeout", e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Milliseconds to the deadline, at least 1; past it, a timeout failure naming {@code step}. */
    static int millisLeft(long deadlineNanos, BrokerAddress broker, String step) throws MqttFailure {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new MqttFailure("connect timeout before the " + step + " with " + broker);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
