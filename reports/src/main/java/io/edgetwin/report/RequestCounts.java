package io.edgetwin.report;

/**
 * What the load generator did with a variant's schedule.
 *
 * @param sent   requests issued to the twin
 * @param ok     of those, answered successfully
 * @param failed of those, answered with an error or not answered in time; {@code ok + failed} may
 *               be below {@code sent} only when the run ended with requests still in flight
 * @param late   scheduled requests the generator did not issue at their intended time (k6's
 *               {@code dropped_iterations}): dropped because the twin was known to be away (powered
 *               off, not reconnected yet) or too many were in flight, or sent late; dropped ones are
 *               not in {@code sent}
 * @param unsent scheduled requests due while the harness itself could not send (its MQTT client was
 *               disconnected, e.g. during a broker outage); in neither {@code sent} nor {@code late},
 *               and never in latency or errors: they say nothing about the twins
 */
public record RequestCounts(long sent, long ok, long failed, long late, long unsent) {

    /** Counts of a run in which the harness could always send. */
    public RequestCounts(long sent, long ok, long failed, long late) {
        this(sent, ok, failed, late, 0);
    }

    public RequestCounts {
        Checks.nonNegative("requests.unsent", unsent);
        Checks.nonNegative("requests.sent", sent);
        Checks.nonNegative("requests.ok", ok);
        Checks.nonNegative("requests.failed", failed);
        Checks.nonNegative("requests.late", late);
        if (ok + failed > sent) {
            throw new IllegalArgumentException("requests.ok " + ok + " + requests.failed " + failed
                    + " is " + (ok + failed) + "; expected <= requests.sent " + sent);
        }
    }

    /** failed / sent; {@code NaN} when nothing was sent, so no caller mistakes it for 0 %. */
    public double errorRate() {
        return sent == 0 ? Double.NaN : (double) failed / sent;
    }
}
