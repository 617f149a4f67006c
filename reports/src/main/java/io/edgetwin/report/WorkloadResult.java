package io.edgetwin.report;

import java.util.List;
import java.util.Objects;

/**
 * What one workload of a variant measured when a scenario runs several at once (one model each):
 * its requests, latency, answers and whether they can be trusted on their own. The variant's own
 * figures ({@link VariantResult#requests()}, {@link VariantResult#latencyMs()}, ...) are every workload
 * together.
 *
 * @param target           the inference component the workload's requests went to
 * @param validity         judged on this workload's answers alone (each needs its own count for the
 *                         percentiles it reports); the variant's validity holds these reasons too
 * @param latencyHistogram every measured latency of this workload (ns)
 * @param throughputPerSec its successful answers per second over the load phase
 * @param correct          of {@code requests.ok}, the answers with the sample's expected label
 * @param windows          per time window since load start, in time order
 */
public record WorkloadResult(String target, Validity validity, RequestCounts requests, LatencySummary latencyMs,
                             EncodedHistogram latencyHistogram, double throughputPerSec, long correct,
                             List<Window> windows) {

    public WorkloadResult {
        Checks.name("target", target);
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(latencyHistogram, "latencyHistogram");
        Checks.nonNegative("throughputPerSec", throughputPerSec);
        if (correct < 0 || correct > requests.ok()) {
            throw new IllegalArgumentException("correct is " + correct + "; expected 0 to requests.ok (" + requests.ok() + ")");
        }
        windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
    }

    /** Correct / successful answers, 0 to 1; {@code NaN} when nothing was answered. */
    public double accuracy() {
        return requests.ok() == 0 ? Double.NaN : (double) correct / requests.ok();
    }
}
