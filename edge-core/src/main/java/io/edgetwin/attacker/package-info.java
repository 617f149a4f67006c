/**
 * A component that attacks another thing's topics through Greengrass IPC, written only against the AWS
 * IoT Device SDK as a malicious or buggy component on a real device would be:
 * {@link io.edgetwin.attacker.IpcAttacker} (recipe {@code com.edgetwin.IpcAttacker}), deployed by the
 * harness's {@code rogue-publish} / {@code rogue-subscribe} faults with {@code via: ipc}
 * (docs/security.md). Nothing here imports edgetwin code.
 */
package io.edgetwin.attacker;
