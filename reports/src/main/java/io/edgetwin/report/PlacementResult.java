package io.edgetwin.report;

import java.util.Objects;

/**
 * Where a variant's inference ran and what that cost (docs/report.md, "Edge or cloud"): the latency
 * split, the raw data the devices sent upstream, the answers given while the WAN link was out, and
 * the devices' own CPU and memory.
 *
 * @param inference                 {@code edge} or {@code cloud}
 * @param link                      the WAN profile between twin and cloud; null on the edge
 * @param latencySplitMs            mean end-to-end latency of the successful answers, split in three
 * @param bytesUpstream             bytes all twins sent up their WAN links during the whole variant
 *                                  (warm-up included); 0 on the edge
 * @param bytesUpstreamPerInference {@code bytesUpstream} per request forwarded to the cloud; 0 on the edge
 * @param bytesUpstreamPerDeviceDay per twin, at the workload's measured request rate, for 24 hours
 * @param outage                    requests due while the WAN link was out, and how many got an answer;
 *                                  null when the variant had no WAN outage
 * @param deviceCpuCores            the twins' mean CPU use during the measured part, in cores (per twin)
 * @param deviceMemoryPeakBytes     the highest memory use of any twin
 */
public record PlacementResult(String inference, String link, LatencySplit latencySplitMs, long bytesUpstream,
                              double bytesUpstreamPerInference, double bytesUpstreamPerDeviceDay, OutageAnswers outage,
                              double deviceCpuCores, long deviceMemoryPeakBytes) {

    public PlacementResult {
        if (!"edge".equals(inference) && !"cloud".equals(inference)) {
            throw new IllegalArgumentException("placement.inference is '" + inference + "'; expected edge or cloud");
        }
        Objects.requireNonNull(latencySplitMs, "placement.latencySplitMs");
        Checks.nonNegative("placement.bytesUpstream", bytesUpstream);
        Checks.nonNegative("placement.bytesUpstreamPerInference", bytesUpstreamPerInference);
        Checks.nonNegative("placement.bytesUpstreamPerDeviceDay", bytesUpstreamPerDeviceDay);
        Checks.nonNegative("placement.deviceCpuCores", deviceCpuCores);
        Checks.nonNegative("placement.deviceMemoryPeakBytes", deviceMemoryPeakBytes);
    }

    /**
     * Mean milliseconds of a successful answer: {@code network} on the WAN both ways (the forwarder's
     * round trip minus the service's own time; 0 on the edge), {@code inference} in the model's forward
     * pass, and {@code queue} the rest — waiting for the model and getting the request to it. The
     * medians beside them, taken over the same answers at the same caps: {@code pathP50Ms} of the whole
     * request path and {@code inferenceP50Ms} of the forward pass (0 when not measured, as in older reports).
     */
    public record LatencySplit(double networkMs, double queueMs, double inferenceMs, double pathP50Ms,
                               double inferenceP50Ms) {
        public LatencySplit {
            Checks.nonNegative("latencySplitMs.networkMs", networkMs);
            Checks.nonNegative("latencySplitMs.queueMs", queueMs);
            Checks.nonNegative("latencySplitMs.inferenceMs", inferenceMs);
            Checks.nonNegative("latencySplitMs.pathP50Ms", pathP50Ms);
            Checks.nonNegative("latencySplitMs.inferenceP50Ms", inferenceP50Ms);
        }

        /** The means alone, without medians. */
        public LatencySplit(double networkMs, double queueMs, double inferenceMs) {
            this(networkMs, queueMs, inferenceMs, 0, 0);
        }

        /** What the path adds over the forward pass at p50 (path p50 minus the forward pass's p50). */
        public double overheadP50Ms() {
            return Math.max(0, pathP50Ms - inferenceP50Ms);
        }
    }

    /** Requests due while the WAN link was out ({@code due}) and how many of them were answered without error. */
    public record OutageAnswers(long due, long answered) {
        public OutageAnswers {
            Checks.nonNegative("outage.due", due);
            if (answered < 0 || answered > due) {
                throw new IllegalArgumentException("outage.answered is " + answered + "; expected 0 to " + due);
            }
        }

        /** The share answered, 0 to 1; 1 when nothing was due. */
        public double share() {
            return due == 0 ? 1 : (double) answered / due;
        }
    }
}
