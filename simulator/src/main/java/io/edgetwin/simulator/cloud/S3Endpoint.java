package io.edgetwin.simulator.cloud;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Where an S3-compatible server listens and the credentials it takes; makes the SDK v2 client for it. */
public record S3Endpoint(URI uri, String region, String accessKeyId, String secretAccessKey) {

    public S3Endpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** An SDK v2 client with the endpoint override and path-style addressing both backends need. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(uri)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
