package io.edgetwin.simulator.twin;

import io.edgetwin.simulator.scenario.DeviceSpec;
import java.util.Map;
import java.util.Objects;

/**
 * The definition of one twin, apart from the running container: its identity, image, caps, broker
 * and the Greengrass deployment document its core applies at start. {@code environment} holds further
 * variables for the core, such as the artifact store's endpoint (docs/cloud.md). {@code credentials} is
 * the twin's certificate and key for an {@code ssl://} broker, or null on plain TCP (docs/security.md).
 */
public record TwinSpec(String thingName, String image, DeviceSpec device, String brokerUri, String deploymentJson,
                       String runId, Map<String, String> environment, TwinCredentials credentials) {

    public TwinSpec(String thingName, String image, DeviceSpec device, String brokerUri, String deploymentJson,
                    String runId) {
        this(thingName, image, device, brokerUri, deploymentJson, runId, Map.of());
    }

    public TwinSpec(String thingName, String image, DeviceSpec device, String brokerUri, String deploymentJson,
                    String runId, Map<String, String> environment) {
        this(thingName, image, device, brokerUri, deploymentJson, runId, environment, null);
    }

    /** The same twin connecting to {@code tlsBrokerUri} with {@code identity}. */
    public TwinSpec withCredentials(String tlsBrokerUri, TwinCredentials identity) {
        return new TwinSpec(thingName, image, device, tlsBrokerUri, deploymentJson, runId, environment, identity);
    }

    public TwinSpec {
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(brokerUri, "brokerUri");
        Objects.requireNonNull(deploymentJson, "deploymentJson");
        Objects.requireNonNull(runId, "runId");
        environment = Map.copyOf(environment);
        if (brokerUri.startsWith("ssl://") && credentials == null) {
            throw new IllegalArgumentException("twin " + thingName + " connects to " + brokerUri + " without a certificate");
        }
    }
}
