package io.edgetwin.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MqttConnection} connects and what it accepts.
 *
 * @param clientId         the MQTT client id (1 to 65535 bytes of UTF-8)
 * @param cleanSession     true: the broker forgets the session when the connection ends; false: it keeps
 *                         the subscriptions and queues QoS 1 messages for the client while it is away
 * @param keepAlive        the keep-alive sent in CONNECT (whole seconds on the wire, at least 1); a PINGREQ
 *                         goes out when nothing was sent or received for this long, and the connection is
 *                         lost when nothing arrives for 1.5 times this
 * @param connectTimeout   TCP connect, TLS handshake and CONNACK together
 * @param window           QoS 1 messages and subscriptions awaiting their ack at once; a publish beyond it
 *                         waits for an ack
 * @param maxIncomingBytes the largest incoming packet (its remaining length); larger closes the connection
 */
public record MqttOptions(String clientId, boolean cleanSession, Duration keepAlive, Duration connectTimeout, int window, int maxIncomingBytes) {

    /** 1 MiB: the largest message the core's IPC carries to a component ({@code IpcLimits}). */
    public static final int MAX_INCOMING_BYTES = 1 << 20;

    public MqttOptions {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (clientId.isEmpty() || Packets.utf8(clientId).length > 65535) {
            throw new IllegalArgumentException("client id '" + clientId + "' has " + Packets.utf8(clientId).length
                    + " bytes; expected 1 to 65535");
        }
        if (keepAlive.toMillis() < 1 || keepAlive.toSeconds() > 65535) {
            throw new IllegalArgumentException("keep-alive is " + keepAlive + "; expected 1 ms to 65535 s");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout is " + connectTimeout + "; expected > 0");
        }
        if (window < 1 || window > 65000) {
            throw new IllegalArgumentException("window is " + window + "; expected 1 to 65000");
        }
        if (maxIncomingBytes < 16) {
            throw new IllegalArgumentException("maxIncomingBytes is " + maxIncomingBytes + "; expected at least 16");
        }
    }

    /** The core's settings: a clean session, keep-alive 10 s, connect timeout 5 s, a window of 1000, packets up to 1 MiB. */
    public static MqttOptions core(String clientId) {
        return new MqttOptions(clientId, true, Duration.ofSeconds(10), Duration.ofSeconds(5), 1000, MAX_INCOMING_BYTES);
    }

    /** The same with another keep-alive. */
    public MqttOptions withKeepAlive(Duration interval) {
        return new MqttOptions(clientId, cleanSession, interval, connectTimeout, window, maxIncomingBytes);
    }

    /** The same with a clean ({@code true}) or persistent session. */
    public MqttOptions withCleanSession(boolean clean) {
        return new MqttOptions(clientId, clean, keepAlive, connectTimeout, window, maxIncomingBytes);
    }

    /** The same with another connect timeout. */
    public MqttOptions withConnectTimeout(Duration timeout) {
        return new MqttOptions(clientId, cleanSession, keepAlive, timeout, window, maxIncomingBytes);
    }

    /** The same accepting incoming packets up to {@code bytes}. */
    public MqttOptions withMaxIncomingBytes(int bytes) {
        return new MqttOptions(clientId, cleanSession, keepAlive, connectTimeout, window, bytes);
    }

    /** The keep-alive as CONNECT carries it: whole seconds, rounded up. */
    int keepAliveSeconds() {
        return (int) Math.max(1, (keepAlive.toMillis() + 999) / 1000);
    }
}
