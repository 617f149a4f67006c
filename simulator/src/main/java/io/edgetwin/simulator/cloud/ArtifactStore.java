package io.edgetwin.simulator.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The run's artifact store: one bucket on an S3-compatible server, reached only through the AWS SDK v2
 * {@link S3Client}. Uploads record each object's SHA-256 so recipes can carry it as {@code Digest}.
 * Twins get the endpoint and the component store through {@link #twinEnvironment()}.
 */
public final class ArtifactStore implements AutoCloseable {

    public static final String BUCKET = "edgetwin-components";

    private final ArtifactBackend backend;
    private final S3Server server;
    private final S3Client s3;

    private ArtifactStore(ArtifactBackend backend, S3Server server) {
        this.backend = backend;
        this.server = server;
        this.s3 = server.endpoint().client();
    }

    /** Starts the backend and creates the bucket; {@code runId} labels a LocalStack container for cleanup. */
    public static ArtifactStore start(ArtifactBackend backend, String runId) {
        S3Server server = backend == ArtifactBackend.LOCALSTACK ? LocalStackS3.start(runId) : EmbeddedS3.start();
        ArtifactStore store = new ArtifactStore(backend, server);
        try {
            store.s3.createBucket(CreateBucketRequest.builder().bucket(BUCKET).build());
        } catch (RuntimeException e) {
            store.close();
            throw new CloudException("cannot create bucket " + BUCKET + " on the " + backend.id() + " artifact store at "
                    + server.endpoint().uri() + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** {@code auto} picks LocalStack only when its image is on this machine. */
    public static ArtifactBackend choose(String setting) {
        return ArtifactBackend.choose(setting, () -> LocalStackS3.localImage().isPresent());
    }

    /** The local LocalStack image LOCALSTACK would run, if there is one. */
    public static Optional<String> localStackImage() {
        return LocalStackS3.localImage();
    }

    public ArtifactBackend backend() {
        return backend;
    }

    public S3Endpoint endpoint() {
        return server.endpoint();
    }

    /** The SDK client, for callers that need S3 operations beyond uploads. */
    public S3Client client() {
        return s3;
    }

    /** Uploads a file under {@code key} and returns its URI and SHA-256. */
    public StoredArtifact upload(String key, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + file, e);
        }
        return put(key, content);
    }

    public StoredArtifact put(String key, String text) {
        return put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    public StoredArtifact put(String key, byte[] content) {
        s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromBytes(content));
        return new StoredArtifact("s3://" + BUCKET + "/" + key, sha256(content), content.length);
    }

    /**
     * What a twin's core needs to fetch recipes and artifacts from this store (docs/cloud.md); twins use
     * host networking, so the 127.0.0.1 endpoint is theirs too.
     */
    public Map<String, String> twinEnvironment() {
        S3Endpoint endpoint = server.endpoint();
        return Map.of("EDGETWIN_S3_ENDPOINT", endpoint.uri().toString(),
                "EDGETWIN_COMPONENT_STORE", "s3://" + BUCKET,
                "AWS_REGION", endpoint.region(),
                "AWS_ACCESS_KEY_ID", endpoint.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", endpoint.secretAccessKey());
    }

    static String sha256(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(StoredArtifact.ALGORITHM).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Closes the client, then stops the server; a failure of the second does not hide one of the first. */
    @Override
    public void close() {
        try {
            s3.close();
        } finally {
            server.close();
        }
    }
}
