package io.edgetwin.core.artifact;

import io.edgetwin.core.artifact.ArtifactException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads objects from the artifact store through the AWS SDK v2 {@link S3Client} (endpoint override,
 * path-style, the JDK's URL connection as HTTP client), computing the digest while the bytes stream
 * to disk so a file is read once.
 */
public final class S3Artifacts implements AutoCloseable {

    private final S3Client s3;

    public S3Artifacts(S3Client s3) {
        this.s3 = s3;
    }

    public static S3Artifacts connect(S3Settings settings) {
        return new S3Artifacts(S3Client.builder()
                .endpointOverride(settings.endpoint())
                .forcePathStyle(true)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build());
    }

    /** The object as UTF-8 text; empty when there is no such object (or bucket). */
    public Optional<String> text(S3Location location) {
        try {
            return Optional.of(s3.getObjectAsBytes(request(location)).asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new ArtifactException(Code.RECIPE_DOWNLOAD_FAILED, location + ": " + e.getMessage());
        }
    }

    /**
     * Streams the object into {@code target} (which must not exist) and returns the Base64 digest of its
     * bytes with {@code algorithm}, as Greengrass recipes write {@code Digest}.
     */
    public String download(S3Location location, Path target, MessageDigest algorithm) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request(location));
                InputStream digesting = new DigestInputStream(in, algorithm);
                OutputStream out = Files.newOutputStream(target)) {
            digesting.transferTo(out);
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new ArtifactException(Code.ARTIFACT_NOT_FOUND, location + " does not exist in the artifact store");
        } catch (SdkException | IOException e) {
            throw new ArtifactException(Code.ARTIFACT_DOWNLOAD_FAILED, location + ": " + e.getMessage());
        }
        return Base64.getEncoder().encodeToString(algorithm.digest());
    }

    private static GetObjectRequest request(S3Location location) {
        return GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build();
    }

    @Override
    public void close() {
        s3.close();
    }
}
