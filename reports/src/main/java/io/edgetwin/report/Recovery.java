package io.edgetwin.report;

import java.util.List;
import java.util.Objects;

/**
 * How a fleet came back from one fault that cut twins off (a broker outage, a power loss): when the
 * fault started and ended, how soon the harness's own MQTT client was connected again, and per twin how
 * soon it was connected and answering. Times are ms since load start, like {@link Event#tMs()}.
 *
 * @param fault                   the fault's kind ({@code broker-outage}, {@code power-loss})
 * @param startMs                 when the fault started
 * @param endMs                   when what it took away was back (the broker listening again, the
 *                                last twin's container started again)
 * @param harnessConnectedAfterMs from {@code endMs} until the harness's client could send again;
 *                                {@code null} when the fault did not cut the harness off
 * @param twins                   per twin the fault hit, in fleet order
 */
public record Recovery(String fault, long startMs, long endMs, Long harnessConnectedAfterMs, List<TwinRecovery> twins) {

    public Recovery {
        Checks.name("recovery.fault", fault);
        if (endMs < startMs) {
            throw new IllegalArgumentException("recovery.endMs " + endMs + " is before recovery.startMs " + startMs);
        }
        if (harnessConnectedAfterMs != null) {
            Checks.nonNegative("recovery.harnessConnectedAfterMs", harnessConnectedAfterMs);
        }
        twins = List.copyOf(Objects.requireNonNull(twins, "recovery.twins"));
    }

    /**
     * One twin's way back, counted from {@code backMs}, the moment it could reconnect (the broker back,
     * or its own container started again).
     *
     * @param connectedAfterMs until its core's MQTT connection was up again with its subscriptions
     *                         (the core's own {@code connection} message, stamped by the twin);
     *                         {@code null} when that did not happen within the run
     * @param answeringAfterMs until the harness had the twin's first successful answer to a request
     *                         sent after {@code backMs}; {@code null} when none came within the run
     */
    public record TwinRecovery(String twin, long backMs, Long connectedAfterMs, Long answeringAfterMs) {

        public TwinRecovery {
            Checks.name("recovery.twins.twin", twin);
            if (connectedAfterMs != null) {
                Checks.nonNegative("recovery.twins.connectedAfterMs", connectedAfterMs);
            }
            if (answeringAfterMs != null) {
                Checks.nonNegative("recovery.twins.answeringAfterMs", answeringAfterMs);
            }
        }

        /** Whether the twin was both connected and answering again within the run. */
        public boolean recovered() {
            return connectedAfterMs != null && answeringAfterMs != null;
        }
    }
}
