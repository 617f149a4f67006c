package io.edgetwin.core.ipc.greengrass;

import io.edgetwin.core.ipc.AccessControl;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may connect (a component's {@code SVCUID}) and what each component may do: its
 * {@code aws.greengrass.ipc.pubsub} and {@code aws.greengrass.ipc.mqttproxy} policies, replaced when a
 * deployment changes its configuration and read again on every request.
 */
final class AccessRegistry {

    private final Map<String, String> componentByToken = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private record Grant(AccessControl pubsub, AccessControl mqttProxy) {
    }

    /** Reads both services' policies; throws {@link IllegalArgumentException} naming the field when malformed. */
    void grant(String component, Map<String, Object> configuration) {
        grants.put(component, new Grant(AccessControl.of(component, configuration),
                AccessControl.mqttProxyOf(component, configuration)));
    }

    void token(String component, String token) {
        componentByToken.values().remove(component);
        componentByToken.put(token, component);
    }

    void revoke(String component) {
        componentByToken.values().remove(component);
        grants.remove(component);
    }

    Optional<String> component(String token) {
        return Optional.ofNullable(componentByToken.get(token));
    }

    /** Throws {@code UnauthorizedError} when the component's local pub/sub policies do not allow it. */
    void requirePubSub(String component, String operation, String resource) {
        require(grant(component).pubsub(), component, operation, resource);
    }

    /** Throws {@code UnauthorizedError} when the component's MQTT proxy policies do not allow it. */
    void requireMqttProxy(String component, String operation, String resource) {
        require(grant(component).mqttProxy(), component, operation, resource);
    }

    private Grant grant(String component) {
        Grant grant = grants.get(component);
        return grant != null ? grant : new Grant(AccessControl.NONE, AccessControl.mqttProxyOf(component, Map.of()));
    }

    private static void require(AccessControl access, String component, String operation, String resource) {
        try {
            access.require(component, operation, resource);
        } catch (AccessControl.Unauthorized e) {
            throw Errors.unauthorized(e.getMessage());
        }
    }
}
