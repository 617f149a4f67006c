package io.edgetwin.core.artifact;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the core reaches the artifact store, from the environment the harness gives the twin.
 *
 * @param endpoint  the S3 endpoint ({@code EDGETWIN_S3_ENDPOINT}, e.g. {@code http://127.0.0.1:40123}); path-style
 * @param region    signing region ({@code AWS_REGION}, default {@code us-east-1})
 * @param accessKeyId     {@code AWS_ACCESS_KEY_ID} (default {@code edgetwin})
 * @param secretAccessKey {@code AWS_SECRET_ACCESS_KEY} (default {@code edgetwin})
 * @param components where recipes of components the device does not ship are looked up
 *                   ({@code EDGETWIN_COMPONENT_STORE}, {@code s3://bucket[/prefix]}; the recipe of
 *                   {@code name} {@code version} is {@code <prefix>/recipes/<name>-<version>.yaml})
 */
public record S3Settings(URI endpoint, String region, String accessKeyId, String secretAccessKey,
                         Optional<S3Location> components) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "EDGETWIN_S3_ENDPOINT");
        Objects.requireNonNull(region, "AWS_REGION");
        Objects.requireNonNull(accessKeyId, "AWS_ACCESS_KEY_ID");
        Objects.requireNonNull(secretAccessKey, "AWS_SECRET_ACCESS_KEY");
        Objects.requireNonNull(components, "EDGETWIN_COMPONENT_STORE");
    }

    /** Empty when {@code EDGETWIN_S3_ENDPOINT} is not set: the device then has no artifact store. */
    public static Optional<S3Settings> fromEnvironment(Map<String, String> env) {
        String endpoint = env.get("EDGETWIN_S3_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(endpoint.trim());
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("EDGETWIN_S3_ENDPOINT is '" + endpoint
                    + "'; expected an http(s) URL such as http://127.0.0.1:9000");
        }
        String store = env.get("EDGETWIN_COMPONENT_STORE");
        Optional<S3Location> components;
        try {
            components = store == null || store.isBlank() ? Optional.empty() : Optional.of(S3Location.parse(store.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EDGETWIN_COMPONENT_STORE: " + e.getMessage());
        }
        return Optional.of(new S3Settings(uri, env.getOrDefault("AWS_REGION", "us-east-1"),
                env.getOrDefault("AWS_ACCESS_KEY_ID", "edgetwin"), env.getOrDefault("AWS_SECRET_ACCESS_KEY", "edgetwin"),
                components));
    }

    /** Where the recipe of one component version is kept in the store, if the device has one. */
    public Optional<S3Location> recipe(String name, String version) {
        return components.map(prefix -> prefix.resolve("recipes/" + name + "-" + version + ".yaml"));
    }
}
