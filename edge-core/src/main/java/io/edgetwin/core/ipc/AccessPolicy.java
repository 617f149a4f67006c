package io.edgetwin.core.ipc;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Greengrass authorization policy of a component for local pub/sub: the operations it allows
 * ({@code aws.greengrass#PublishToTopic}, {@code aws.greengrass#SubscribeToTopic} or {@code *}) on the
 * topics its resources match ({@link ResourcePattern}).
 */
public record AccessPolicy(String id, Set<String> operations, List<ResourcePattern> resources) {

    public AccessPolicy {
        Objects.requireNonNull(id, "id");
        operations = Set.copyOf(operations);
        resources = List.copyOf(resources);
    }

    public boolean allows(String operation, String resource) {
        return (operations.contains("*") || operations.contains(operation))
                && resources.stream().anyMatch(r -> r.matches(resource));
    }
}
