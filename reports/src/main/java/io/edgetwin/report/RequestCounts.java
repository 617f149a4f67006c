package io.edgetwin.report;

/**
 * What the load generator did with a variant's schedule.
 *
 * @param sent   requests issued to the twin
 * @param ok     of those, answered successfully
 * @param failed of those, answered with an error or not answered in time; {@code ok + failed} may
 *               be below {@code sent} only when the run ended with requests still in flight
 * @param late   scheduled requests the generator could not issue at their intended time (k6's
 *               {@code dropped_iterations}); counted apart from {@code sent}
 */
public record RequestCounts(long sent, long ok, long failed, long late) {

    public RequestCounts {
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
