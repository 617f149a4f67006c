package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.wan.WanProfile;
import java.util.Objects;

/**
 * Where a variant's inference runs (docs/scenarios.md, {@code inference}): on the twin, or in the
 * cloud inference service behind a WAN link with the given profile. Either way the request enters at
 * the twin.
 */
public sealed interface Placement {

    /** The version of the workload's component that forwards to the cloud instead of running the model. */
    String CLOUD_VERSION_SUFFIX = "-cloud";

    Placement EDGE = new Edge();

    /** The scenario's word for it: {@code edge} or {@code cloud}. */
    String word();

    /** The model runs on the twin, as the component's own version has it. */
    record Edge() implements Placement {
        @Override
        public String word() {
            return "edge";
        }
    }

    /** The twin forwards every input over {@code link} to the cloud inference service, which runs the same model. */
    record Cloud(WanProfile link) implements Placement {
        public Cloud {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public String word() {
            return "cloud";
        }
    }
}
