package io.edgetwin.simulator.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the broker's TLS listener needs: the run CA ({@code cafile}), the broker's certificate and key,
 * the revocation list and the topic policy ({@code acl_file}). The listener requires a client
 * certificate from the CA, takes its CN as username and client id, and lets no one in without one.
 * {@code plainListener} adds a second listener on plain TCP, open to anyone with no topic policy, for
 * variants that say {@code security: none} (docs/security.md).
 */
public record BrokerTls(Path caFile, Path certFile, Path keyFile, Path crlFile, Path aclFile, boolean plainListener) {

    public BrokerTls {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(crlFile, "crlFile");
        Objects.requireNonNull(aclFile, "aclFile");
    }

    /** The config lines of the TLS listener on {@code port} (with {@code per_listener_settings true}). */
    String listener(int port) {
        return String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous false",
                "cafile " + caFile,
                "certfile " + certFile,
                "keyfile " + keyFile,
                "crlfile " + crlFile,
                "require_certificate true",
                "use_identity_as_username true",
                "use_username_as_clientid true",
                "acl_file " + aclFile,
                "");
    }

    /** The config lines of the plain listener on {@code port}: anyone, any topic. */
    static String plain(int port) {
        return String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true", "");
    }
}
