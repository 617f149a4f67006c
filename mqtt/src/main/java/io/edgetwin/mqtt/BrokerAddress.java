package io.edgetwin.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where the broker listens: {@code tcp://host:port} (default port 1883) or {@code ssl://host:port} (8883).
 *
 * @param host the name or IP address, as written
 * @param port 1 to 65535
 * @param tls  whether the URI asked for TLS ({@code ssl://})
 */
public record BrokerAddress(String host, int port, boolean tls) {

    public BrokerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("broker host is empty; expected a name or an IP address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port is " + port + "; expected 1 to 65535");
        }
    }

    /** Reads {@code tcp://host[:port]} or {@code ssl://host[:port]}; anything else is a clear error. */
    public static BrokerAddress parse(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URI '" + uri + "' is not a URI: " + e.getMessage()
                    + "; expected tcp://host:port or ssl://host:port");
        }
        String scheme = parsed.getScheme();
        if (!"tcp".equals(scheme) && !"ssl".equals(scheme) || parsed.getHost() == null) {
            throw new IllegalArgumentException("broker URI '" + uri + "' is not supported; expected tcp://host:port or ssl://host:port");
        }
        boolean tls = "ssl".equals(scheme);
        int port = parsed.getPort() < 0 ? (tls ? 8883 : 1883) : parsed.getPort();
        String host = parsed.getHost().startsWith("[") ? parsed.getHost().substring(1, parsed.getHost().length() - 1) : parsed.getHost();
        return new BrokerAddress(host, port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}
