package io.edgetwin.simulator.twin;

import java.util.Objects;

/**
 * A twin's device identity as PEM: the CA it trusts, its own certificate (CN = its thing name) and
 * its private key. They are copied into the twin's container at {@link #DIRECTORY} (the key readable
 * by its owner only) and named to the core by {@code EDGETWIN_TLS_CA}, {@code EDGETWIN_TLS_CERT},
 * {@code EDGETWIN_TLS_KEY}. {@link #toString()} never shows the key.
 */
public record TwinCredentials(String caPem, String certificatePem, String keyPem) {

    /** Where the files are inside the twin. */
    public static final String DIRECTORY = "/var/edgetwin/identity";
    public static final String CA_PATH = DIRECTORY + "/ca.pem";
    public static final String CERT_PATH = DIRECTORY + "/thing.pem";
    public static final String KEY_PATH = DIRECTORY + "/thing.key";

    public TwinCredentials {
        Objects.requireNonNull(caPem, "caPem");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(keyPem, "keyPem");
    }

    @Override
    public String toString() {
        return "TwinCredentials[certificate and key at " + DIRECTORY + "]";
    }
}
