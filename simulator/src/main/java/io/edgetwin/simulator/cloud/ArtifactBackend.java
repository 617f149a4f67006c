package io.edgetwin.simulator.cloud;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** What serves the artifact store's S3 API. The SDK code is the same for both. */
public enum ArtifactBackend {
    /** s3proxy inside the harness JVM, in memory, on a free port of 127.0.0.1: needs nothing else. */
    EMBEDDED,
    /** LocalStack through Testcontainers; needs a local {@code localstack/localstack} image (nothing can be pulled here). */
    LOCALSTACK;

    /** The name used in scenario files, CLI options and the report. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Resolves a setting: {@code embedded}, {@code localstack}, or {@code auto} (LocalStack when its image
     * is present locally, else embedded).
     *
     * @throws IllegalArgumentException naming the setting and the accepted values
     */
    public static ArtifactBackend choose(String setting, BooleanSupplier localStackImagePresent) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> localStackImagePresent.getAsBoolean() ? LOCALSTACK : EMBEDDED;
            case "embedded" -> EMBEDDED;
            case "localstack" -> LOCALSTACK;
            default -> throw new IllegalArgumentException("artifact store '" + setting
                    + "' is not known; expected auto, embedded or localstack");
        };
    }
}
