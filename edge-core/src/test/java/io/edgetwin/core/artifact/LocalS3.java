package io.edgetwin.core.artifact;

import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** A real S3-compatible server (s3proxy, in memory) on a free port of 127.0.0.1, with one bucket. */
final class LocalS3 implements AutoCloseable {

    static final String BUCKET = "components";

    private final S3Proxy proxy;
    private final S3Settings settings;
    private final S3Artifacts artifacts;
    private final S3Client client;

    LocalS3() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "edgetwin", "edgetwin").build();
        proxy.start();
        settings = new S3Settings(URI.create("http://127.0.0.1:" + proxy.getPort()), "us-east-1", "edgetwin", "edgetwin",
                Optional.of(S3Location.parse("s3://" + BUCKET + "/store")));
        artifacts = S3Artifacts.connect(settings);
        client = S3Client.builder().endpointOverride(settings.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("edgetwin", "edgetwin")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        client.createBucket(CreateBucketRequest.builder().bucket(BUCKET).build());
    }

    S3Settings settings() {
        return settings;
    }

    S3Artifacts artifacts() {
        return artifacts;
    }

    void put(String key, byte[] content) {
        client.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromBytes(content));
    }

    @Override
    public void close() throws Exception {
        artifacts.close();
        client.close();
        proxy.stop();
    }
}
