package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.VariantResult;

/**
 * {@code oomKills.component[NAME]}: how often one component was OOM-killed by its own cap. Which
 * components exist is only known after a run, so an unknown name parses but fails evaluation.
 */
public record ComponentOomKills(String component) implements Metric {

    static final String PREFIX = "oomKills.component[";

    public ComponentOomKills {
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("component is '" + component + "'; expected a component name");
        }
    }

    @Override
    public String key() {
        return PREFIX + component + "]";
    }

    @Override
    public BaseUnit unit() {
        return BaseUnit.COUNT;
    }

    /** @throws ThresholdException when the variant has no component of that name */
    @Override
    public double valueOf(VariantResult result) {
        if (!result.components().containsKey(component)) {
            throw new ThresholdException("component '" + component + "' is not in this variant; expected one of "
                    + result.components().keySet());
        }
        return result.oomKills().component(component);
    }
}
