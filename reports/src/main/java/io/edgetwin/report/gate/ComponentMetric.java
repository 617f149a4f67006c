package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.VariantResult;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A metric of one named component: {@code oomKills.component[NAME]}, {@code memory.peak.component[NAME]},
 * {@code throttle.ratio.component[NAME]}, {@code thrash.majorFaultsPerSec.component[NAME]}. Which
 * components exist is only known after a run, so an unknown name parses but fails evaluation.
 */
public record ComponentMetric(Kind kind, String component) implements Metric {

    static final String INFIX = ".component[";

    /** What is read from the component. */
    public enum Kind {
        OOM_KILLS("oomKills", BaseUnit.COUNT, c -> (double) c.oomKills()),
        MEMORY_PEAK("memory.peak", BaseUnit.BYTES, c -> c.memoryPeakBytes() == null ? null : (double) c.memoryPeakBytes()),
        THROTTLE_RATIO("throttle.ratio", BaseUnit.FRACTION, ComponentResult::throttleRatio),
        MAJOR_FAULTS("thrash.majorFaultsPerSec", BaseUnit.PER_SECOND, ComponentResult::majorFaultsPerSec);

        private final String prefix;
        private final BaseUnit unit;
        private final Function<ComponentResult, Double> reader;

        Kind(String prefix, BaseUnit unit, Function<ComponentResult, Double> reader) {
            this.prefix = prefix;
            this.unit = unit;
            this.reader = reader;
        }

        static Optional<Kind> byPrefix(String prefix) {
            return Arrays.stream(values()).filter(kind -> kind.prefix.equals(prefix)).findFirst();
        }

        /** "oomKills.component[NAME], memory.peak.component[NAME], ..." for messages. */
        static String known() {
            return Arrays.stream(values()).map(kind -> kind.prefix + INFIX + "NAME]").collect(Collectors.joining(", "));
        }
    }

    public ComponentMetric {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null; expected one of " + Kind.known());
        }
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("component is '" + component + "'; expected a component name");
        }
    }

    @Override
    public String key() {
        return kind.prefix + INFIX + component + "]";
    }

    @Override
    public BaseUnit unit() {
        return kind.unit;
    }

    /**
     * OOM kills come from the variant's {@code oomKills} (0 when the component has no entry); the
     * others from the component's own figures, {@code NaN} when it had no cgroup to read them from.
     *
     * @throws ThresholdException when the variant has no component of that name
     */
    @Override
    public double valueOf(VariantResult result) {
        ComponentResult found = of(result);
        if (kind == Kind.OOM_KILLS) {
            return Math.max(result.oomKills().component(component), found.oomKills());
        }
        Double value = kind.reader.apply(found);
        return value == null ? Double.NaN : value;
    }

    /** The component's declared memory limit in bytes, {@code NaN} when it has none. */
    double memoryLimitBytes(VariantResult result) {
        Long memoryKb = of(result).limits().memoryKb();
        return memoryKb == null ? Double.NaN : memoryKb * 1024.0;
    }

    private ComponentResult of(VariantResult result) {
        ComponentResult found = result.components().get(component);
        if (found == null) {
            throw new ThresholdException("component '" + component + "' is not in this variant; expected one of "
                    + result.components().keySet());
        }
        return found;
    }
}
