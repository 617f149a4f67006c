/**
 * How twins come back from faults: {@link io.edgetwin.simulator.recovery.TwinConnections} follows the
 * cores' connection announcements ({@code edgetwin/<thing>/connection}, docs/topics.md), and a
 * {@link io.edgetwin.simulator.recovery.RecoveryLog} times, per fault and twin, broker back → twin
 * connected → its first answer, for the report's {@code recovery}.
 */
package io.edgetwin.simulator.recovery;
