/**
 * The cloud side of a run. {@link io.edgetwin.simulator.cloud.ArtifactStore}: S3 reached only through the
 * AWS SDK v2, served by an embedded S3-compatible server or LocalStack ({@link
 * io.edgetwin.simulator.cloud.ArtifactBackend}). {@link io.edgetwin.simulator.cloud.ComponentPublisher}:
 * component versions whose model files live in the store, with recipes carrying {@code s3://} URIs and
 * digests. {@link io.edgetwin.simulator.cloud.DeploymentService}: Greengrass deployments to twins as
 * IoT-Jobs-style jobs over MQTT, rolled out at once or in waves, with a per-twin fleet view.
 * Formats: docs/cloud.md, docs/topics.md.
 */
package io.edgetwin.simulator.cloud;
