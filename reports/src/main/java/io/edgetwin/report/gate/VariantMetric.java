package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.DeviceTotals;
import io.edgetwin.report.VariantResult;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The fixed metrics of a variant, each with the key a threshold names it by. */
public enum VariantMetric implements Metric {
    LATENCY_P50("latency.p50", BaseUnit.MILLISECONDS, result -> result.latencyMs().p50()),
    LATENCY_P90("latency.p90", BaseUnit.MILLISECONDS, result -> result.latencyMs().p90()),
    LATENCY_P99("latency.p99", BaseUnit.MILLISECONDS, result -> result.latencyMs().p99()),
    LATENCY_MAX("latency.max", BaseUnit.MILLISECONDS, result -> result.latencyMs().max()),
    LATENCY_MEAN("latency.mean", BaseUnit.MILLISECONDS, result -> result.latencyMs().mean()),
    /** failed / sent; no value (so the threshold fails) when nothing was sent. */
    ERRORS_RATE("errors.rate", BaseUnit.FRACTION, result -> result.requests().errorRate()),
    REQUESTS_SENT("requests.sent", BaseUnit.COUNT, result -> result.requests().sent()),
    REQUESTS_OK("requests.ok", BaseUnit.COUNT, result -> result.requests().ok()),
    REQUESTS_FAILED("requests.failed", BaseUnit.COUNT, result -> result.requests().failed()),
    REQUESTS_LATE("requests.late", BaseUnit.COUNT, result -> result.requests().late()),
    THROUGHPUT("throughput", BaseUnit.PER_SECOND, VariantResult::throughputPerSec),
    OOM_KILLS_DEVICE("oomKills.device", BaseUnit.COUNT, result -> result.oomKills().device()),
    MEMORY_PEAK("memory.peak", BaseUnit.BYTES, VariantResult::devicePeakMemoryBytes),
    /** Throttled / all CPU periods of the most throttled twin, from the device series. */
    THROTTLE_RATIO("throttle.ratio", BaseUnit.FRACTION, DeviceTotals::throttleRatio),
    /** Major page faults per second of the most faulting twin, from the device series. */
    MAJOR_FAULTS("thrash.majorFaultsPerSec", BaseUnit.PER_SECOND, DeviceTotals::majorFaultsPerSec),
    TWIN_START("twin.start", BaseUnit.MILLISECONDS, VariantResult::twinStartMs),
    /** Correct answers / successful answers; no value when nothing was answered or correctness was not counted. */
    ACCURACY("accuracy", BaseUnit.FRACTION, VariantResult::accuracy),
    /** Answered / due of the requests due while a WAN outage held; no value without a measured outage. */
    OUTAGE_ANSWERED("outage.answered", BaseUnit.FRACTION, result -> result.placement() == null
            || result.placement().outage() == null ? Double.NaN : result.placement().outage().share()),
    /** Raw bytes one twin sends up its WAN link per day at the workload's rate; 0 on the edge, no value when not measured. */
    UPSTREAM_PER_DEVICE_DAY("upstream.bytesPerDeviceDay", BaseUnit.BYTES, result -> result.placement() == null
            ? Double.NaN : result.placement().bytesUpstreamPerDeviceDay()),
    /** Forbidden messages the variant's attacks delivered to another thing; no value without attack faults. */
    SECURITY_DELIVERIES("security.deliveries", BaseUnit.COUNT, result -> result.security() == null
            ? Double.NaN : result.security().deliveries()),
    /** Forbidden connections the broker admitted (foreign, expired, revoked certificates); no value without attack faults. */
    SECURITY_ADMITTED("security.admitted", BaseUnit.COUNT, result -> result.security() == null
            ? Double.NaN : result.security().admitted()),
    /** Forbidden attempts the variant's attacks made; no value without attack faults. */
    SECURITY_ATTEMPTS("security.attempts", BaseUnit.COUNT, result -> result.security() == null
            ? Double.NaN : result.security().attempts()),
    /** Forbidden attempts refused or not delivered; no value without attack faults. */
    SECURITY_REFUSED("security.refused", BaseUnit.COUNT, result -> result.security() == null
            ? Double.NaN : result.security().refused());

    /** report.json's own field name, accepted as a second name for {@link #TWIN_START}. */
    static final String TWIN_START_ALIAS = "twinStartMs";

    private final String key;
    private final BaseUnit unit;
    private final ToDoubleFunction<VariantResult> reader;

    VariantMetric(String key, BaseUnit unit, ToDoubleFunction<VariantResult> reader) {
        this.key = key;
        this.unit = unit;
        this.reader = reader;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public BaseUnit unit() {
        return unit;
    }

    @Override
    public double valueOf(VariantResult result) {
        return reader.applyAsDouble(result);
    }

    /** The metric named {@code key} (or {@code twinStartMs}), if any. */
    public static Optional<VariantMetric> byKey(String key) {
        if (TWIN_START_ALIAS.equals(key)) {
            return Optional.of(TWIN_START);
        }
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
    }
}
