package io.edgetwin.core.deployment;

import java.util.Objects;

/**
 * A deployment could not be prepared. {@code code} is a stable, machine-readable reason (e.g.
 * {@code ARTIFACT_DIGEST_MISMATCH}); the message starts with it and names the component and artifact.
 */
public class PreparationException extends RuntimeException {

    private final String code;

    public PreparationException(String code, String detail) {
        super(code + ": " + detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
