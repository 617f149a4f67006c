/**
 * Attacks on device identity and topic authorization: a client that uses one thing's certificate (or a
 * foreign, expired or revoked one) to try what the topic policy forbids, a component on another twin
 * that tries it through Greengrass IPC and that twin's core ({@link io.edgetwin.simulator.attack.IpcRogue}),
 * and the tally of attempts, refusals and deliveries across things that a run reports (docs/security.md).
 */
package io.edgetwin.simulator.attack;
