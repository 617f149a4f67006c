package io.edgetwin.core.ipc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one component may do on the local bus, read from the {@code accessControl} of its configuration
 * as in Greengrass:
 * <pre>
 * accessControl:
 *   aws.greengrass.ipc.pubsub:
 *     "com.example.Camera:pubsub:1":
 *       policyDescription: publish frames, hear commands
 *       operations: [aws.greengrass#PublishToTopic]
 *       resources: [camera/frames, "camera/+/commands"]
 * </pre>
 * Deny by default, as Greengrass: a component without a matching {@code aws.greengrass.ipc.pubsub}
 * policy may neither publish nor subscribe locally. {@link #mqttProxyOf} reads the
 * {@code aws.greengrass.ipc.mqttproxy} policies the same way (enforced by the Greengrass IPC server only).
 */
public final class AccessControl {

    public static final String PUBSUB = "aws.greengrass.ipc.pubsub";
    public static final String PUBLISH = "aws.greengrass#PublishToTopic";
    public static final String SUBSCRIBE = "aws.greengrass#SubscribeToTopic";
    public static final String MQTTPROXY = "aws.greengrass.ipc.mqttproxy";
    public static final String PUBLISH_TO_IOT_CORE = "aws.greengrass#PublishToIoTCore";
    public static final String SUBSCRIBE_TO_IOT_CORE = "aws.greengrass#SubscribeToIoTCore";
    /** No policy at all: everything on the local bus is refused. */
    public static final AccessControl NONE = new AccessControl(PUBSUB, List.of());

    private static final Set<String> OPERATIONS = Set.of(PUBLISH, SUBSCRIBE, "*");
    private static final Set<String> MQTTPROXY_OPERATIONS = Set.of(PUBLISH_TO_IOT_CORE, SUBSCRIBE_TO_IOT_CORE, "*");

    private final String service;
    private final List<AccessPolicy> policies;

    private AccessControl(String service, List<AccessPolicy> policies) {
        this.service = service;
        this.policies = List.copyOf(policies);
    }

    /**
     * Reads {@code configuration.accessControl}. Throws {@link IllegalArgumentException} naming the
     * component, the field path and what was expected when it is malformed.
     */
    public static AccessControl of(String component, Map<String, Object> configuration) {
        return of(component, configuration, PUBSUB, OPERATIONS);
    }

    /**
     * Reads the {@code aws.greengrass.ipc.mqttproxy} policies of {@code configuration.accessControl}
     * ({@code PublishToIoTCore}, {@code SubscribeToIoTCore}), with the same resource rules and errors.
     */
    public static AccessControl mqttProxyOf(String component, Map<String, Object> configuration) {
        return of(component, configuration, MQTTPROXY, MQTTPROXY_OPERATIONS);
    }

    private static AccessControl of(String component, Map<String, Object> configuration, String service,
                                    Set<String> operations) {
        Object accessControl = configuration.get("accessControl");
        Object policiesOfService = accessControl == null ? null
                : map(component, "accessControl", accessControl, "a mapping of IPC services to policies").get(service);
        if (policiesOfService == null) {
            return new AccessControl(service, List.of());
        }
        String path = "accessControl." + service;
        List<AccessPolicy> policies = new ArrayList<>();
        map(component, path, policiesOfService, "a mapping of policy ids to policies").forEach((id, policy) ->
                policies.add(policy(component, path + "." + id, String.valueOf(id), policy, operations)));
        return new AccessControl(service, policies);
    }

    public List<AccessPolicy> policies() {
        return policies;
    }

    public boolean allows(String operation, String resource) {
        return policies.stream().anyMatch(p -> p.allows(operation, resource));
    }

    /** Throws {@link IllegalArgumentException} with the Greengrass-style reason when no policy allows it. */
    public void require(String component, String operation, String resource) {
        if (!allows(operation, resource)) {
            throw new Unauthorized("component '" + component + "' is not authorized to perform " + service + ":"
                    + operation + " on resource '" + resource + "'; expected an " + service + " policy in its "
                    + "accessControl configuration whose operations and resources allow it");
        }
    }

    private static AccessPolicy policy(String component, String path, String id, Object value, Set<String> known) {
        Map<?, ?> policy = map(component, path, value, "a policy {policyDescription, operations, resources}");
        Set<String> operations = new LinkedHashSet<>();
        for (String operation : strings(component, path + ".operations", policy.get("operations"))) {
            if (!known.contains(operation)) {
                throw invalid(component, path + ".operations", "'" + operation + "'", known == OPERATIONS
                        ? "one of " + PUBLISH + ", " + SUBSCRIBE + " or *"
                        : "one of " + PUBLISH_TO_IOT_CORE + ", " + SUBSCRIBE_TO_IOT_CORE + " or *");
            }
            operations.add(operation);
        }
        List<ResourcePattern> resources = new ArrayList<>();
        for (String resource : strings(component, path + ".resources", policy.get("resources"))) {
            try {
                resources.add(ResourcePattern.of(resource));
            } catch (IllegalArgumentException e) {
                throw invalid(component, path + ".resources", "'" + resource + "'", "a topic, '*', or an MQTT "
                        + "topic filter (" + e.getMessage() + ")");
            }
        }
        return new AccessPolicy(id, operations, resources);
    }

    private static List<String> strings(String component, String path, Object value) {
        String expected = "a non-empty list of non-empty strings";
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid(component, path, value == null ? "missing" : String.valueOf(value), expected);
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isEmpty()) {
                throw invalid(component, path, String.valueOf(list), expected);
            }
            strings.add(s);
        }
        return strings;
    }

    private static Map<?, ?> map(String component, String path, Object value, String expected) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(component, path, String.valueOf(value), expected);
        }
        return map;
    }

    private static IllegalArgumentException invalid(String component, String path, String actual, String expected) {
        return new IllegalArgumentException("component '" + component + "': " + path + " is " + actual
                + "; expected " + expected);
    }

    /** A refused operation: the IPC answer carries {@code "code": "UNAUTHORIZED"} (Greengrass IPC: {@code UnauthorizedError}). */
    public static final class Unauthorized extends IllegalArgumentException {
        Unauthorized(String message) {
            super(message);
        }
    }
}
