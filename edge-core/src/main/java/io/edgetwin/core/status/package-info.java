/**
 * What the core reports about itself: {@link io.edgetwin.core.status.StatusMessage} builds the status
 * payload, {@link io.edgetwin.core.status.DeploymentOutcome} the result of a deployment.
 */
package io.edgetwin.core.status;
