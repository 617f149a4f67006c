/**
 * Deployments: {@link io.edgetwin.core.deployment.DeploymentReader} reads a Greengrass cloud deployment
 * document into a {@link io.edgetwin.core.deployment.Deployment}.
 */
package io.edgetwin.core.deployment;
