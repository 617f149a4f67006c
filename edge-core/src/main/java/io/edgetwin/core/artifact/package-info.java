/**
 * Component artifacts from S3: {@link io.edgetwin.core.artifact.ArtifactInstaller} fetches the recipes
 * of cloud components and downloads each {@code s3://} artifact through {@link
 * io.edgetwin.core.artifact.S3Artifacts} (AWS SDK v2) into {@code {artifacts:path}}, verifying its
 * {@code Digest} before the deployment changes anything. Settings: {@link io.edgetwin.core.artifact.S3Settings}.
 */
package io.edgetwin.core.artifact;
