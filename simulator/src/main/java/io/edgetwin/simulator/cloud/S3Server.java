package io.edgetwin.simulator.cloud;

/** A running S3-compatible server; closing it stops it and drops what it held. */
interface S3Server extends AutoCloseable {

    S3Endpoint endpoint();

    @Override
    void close();
}
