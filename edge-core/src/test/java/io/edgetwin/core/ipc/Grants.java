package io.edgetwin.core.ipc;

import java.util.List;
import java.util.Map;

/** Access control for tests, read through the same parser as a component's configuration. */
public final class Grants {

    private Grants() {
    }

    /** One {@code aws.greengrass.ipc.pubsub} policy allowing every operation on every topic. */
    public static AccessControl everything() {
        return pubsub(List.of("*"), List.of("*"));
    }

    /** One {@code aws.greengrass.ipc.pubsub} policy with these operations and resources. */
    public static AccessControl pubsub(List<String> operations, List<String> resources) {
        return AccessControl.of("test", Map.of("accessControl", Map.of(AccessControl.PUBSUB,
                Map.of("test:pubsub:1", Map.of("operations", operations, "resources", resources)))));
    }
}
