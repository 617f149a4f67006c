package io.edgetwin.simulator.twin;

import io.edgetwin.simulator.scenario.DeviceSpec;
import java.util.Objects;

/**
 * The definition of one twin, apart from the running container: its identity, image, caps, broker
 * and the Greengrass deployment document its core applies at start.
 */
public record TwinSpec(String thingName, String image, DeviceSpec device, String brokerUri, String deploymentJson,
                       String runId) {

    public TwinSpec {
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(brokerUri, "brokerUri");
        Objects.requireNonNull(deploymentJson, "deploymentJson");
        Objects.requireNonNull(runId, "runId");
    }
}
