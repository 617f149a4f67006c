package io.edgetwin.simulator.cloud;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * s3proxy in this JVM with an in-memory blob store, on a free port of 127.0.0.1, checking AWS v2/v4
 * signatures. Its logging is held at WARN (simplelogger.properties): left alone it logs every request
 * at DEBUG.
 */
final class EmbeddedS3 implements S3Server {

    private static final String ACCESS_KEY = "edgetwin";
    private static final String SECRET_KEY = "edgetwin-secret";

    private final S3Proxy proxy;
    private final S3Endpoint endpoint;

    private EmbeddedS3(S3Proxy proxy, S3Endpoint endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static EmbeddedS3 start() {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new CloudException("the embedded S3 server (s3proxy) did not start on 127.0.0.1: " + e.getMessage(), e);
        }
        return new EmbeddedS3(proxy, new S3Endpoint(URI.create("http://127.0.0.1:" + proxy.getPort()), "us-east-1",
                ACCESS_KEY, SECRET_KEY));
    }

    @Override
    public S3Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new CloudException("the embedded S3 server did not stop: " + e.getMessage(), e);
        }
    }
}
