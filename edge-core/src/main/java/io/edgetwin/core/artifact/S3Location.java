package io.edgetwin.core.artifact;

import java.util.Objects;

/** An object in S3, from an {@code s3://bucket/key} URI. */
public record S3Location(String bucket, String key) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("S3 location has no bucket");
        }
    }

    /** @throws IllegalArgumentException when the URI is not {@code s3://bucket[/key]} */
    public static S3Location parse(String uri) {
        if (!isS3(uri)) {
            throw new IllegalArgumentException("'" + uri + "' is not an S3 URI; expected s3://bucket/key");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    public static boolean isS3(String uri) {
        return uri.regionMatches(true, 0, "s3://", 0, 5) && uri.length() > 5;
    }

    /** The object {@code name} below this location, as a folder. */
    public S3Location resolve(String name) {
        return new S3Location(bucket, key.isEmpty() || key.endsWith("/") ? key + name : key + "/" + name);
    }

    /** The last path segment of the key: the file name an artifact gets on the device. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
