package io.edgetwin.simulator.cloud;

import java.util.Objects;

/**
 * An object uploaded to the artifact store, as a recipe names it.
 *
 * @param uri       {@code s3://bucket/key}
 * @param digest    Base64 SHA-256 of the bytes, as Greengrass writes a recipe's {@code Digest}
 * @param sizeBytes how many bytes were uploaded
 */
public record StoredArtifact(String uri, String digest, long sizeBytes) {

    public static final String ALGORITHM = "SHA-256";

    public StoredArtifact {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(digest, "digest");
    }
}
