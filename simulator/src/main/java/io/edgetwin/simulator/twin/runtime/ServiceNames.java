package io.edgetwin.simulator.twin.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of a twin's service, config and volume: {@code edgetwin-<run>-<thing>}, as its container is
 * named under the docker engine. Swarm refuses service names longer than 63 characters or with other
 * characters than letters, digits and {@code -}; such a thing name is shortened and given a hash, so
 * two long names stay apart.
 */
final class ServiceNames {

    static final int MAX = 63;

    private ServiceNames() {
    }

    static String of(String runId, String thing) {
        String clean = thing.replaceAll("[^A-Za-z0-9-]", "-");
        String name = "edgetwin-" + runId + "-" + clean;
        if (name.length() <= MAX && clean.equals(thing)) {
            return name;
        }
        String hash = hash(thing);
        return name.substring(0, Math.min(name.length(), MAX - hash.length() - 1)) + "-" + hash;
    }

    private static String hash(String thing) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(thing.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
