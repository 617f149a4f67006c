package io.edgetwin.report;

import java.util.Objects;

/**
 * Resource use over time of one component of one twin, or of the whole twin ({@link #DEVICE}, as
 * the host sees the container's cgroup), with the limits that applied to it.
 *
 * @param component a component name, or {@code device}
 * @param source    where the figures came from ({@code host cgroup}, {@code core status}, …); null in
 *                  reports written before it was recorded
 */
public record ResourceSeries(String twin, String component, SeriesLimits limits, ResourceSamples samples, String source) {

    /** The component name of a twin's whole-container series. */
    public static final String DEVICE = "device";

    public ResourceSeries {
        Checks.name("series.twin", twin);
        Checks.name("series.component", component);
        Objects.requireNonNull(limits, "series.limits");
        Objects.requireNonNull(samples, "series.samples");
    }

    public ResourceSeries(String twin, String component, SeriesLimits limits, ResourceSamples samples) {
        this(twin, component, limits, samples, null);
    }

    public boolean isDevice() {
        return DEVICE.equals(component);
    }
}
