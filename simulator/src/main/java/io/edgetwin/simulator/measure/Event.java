package io.edgetwin.simulator.measure;

/**
 * Something that happened during a variant, at {@code tMs} since the start of the measured part
 * (negative: during provisioning or warm-up). {@code twin} and {@code component} are null when the
 * event is not about one. Kinds: state-change, restart, oom-kill, fault-start, fault-end, deployment,
 * reconnect, power-on.
 */
public record Event(long tMs, String twin, String component, String kind, String detail) {
}
