package io.edgetwin.core.recipe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the core runs one Lambda component ({@code ComponentType: aws.greengrass.lambda}), read from the
 * recipe Greengrass generates for an imported Lambda function: the handler from the lifecycle's
 * {@code Setenv} ({@code AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER}), everything else from the component's
 * configuration ({@code containerMode}, {@code containerParams.memorySize}, {@code pinned}, …), so a
 * deployment's configuration update changes it as it does in Greengrass. Read by
 * {@link LambdaParametersReader}; docs/recipes.md, "Lambda components".
 *
 * @param memorySizeKb the function's memory in KB: its cgroup's limit in {@link ContainerMode#GREENGRASS_CONTAINER}
 *                     mode, what {@code Context.getMemoryLimitInMB()} reports in either mode
 * @param classpath    where the handler's classes are besides the core's own ({@code AWS_GREENGRASS_LAMBDA_ARTIFACT_PATH}), if set
 * @param resultTopic  where a handler's result is published ({@code resultTopic}, the core's own key; Greengrass
 *                     drops results), its topic possibly holding {@code {iot:thingName}}
 */
public record LambdaParameters(String handler, String runtime, Optional<String> classpath, ContainerMode containerMode,
                               long memorySizeKb, boolean pinned, int maxInstancesCount, Duration maxIdleTime,
                               Duration timeout, int maxQueueSize, Duration statusTimeout, Encoding inputEncoding,
                               Map<String, String> environment, List<EventSource> eventSources,
                               Optional<EventSource> resultTopic) {

    /**
     * The least memory a Java Lambda's instance gets in a container: a JVM with the serial collector and
     * a small heap and the core's classpath holds about 50 MB once it ran a handler; below this limit
     * every instance would be killed at or soon after its start.
     */
    public static final long MIN_JAVA_MEMORY_KB = 64 * 1024;

    public LambdaParameters {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(containerMode, "containerMode");
        if (memorySizeKb <= 0 || maxInstancesCount < 1 || maxQueueSize < 1) {
            throw new IllegalArgumentException("memorySizeKb, maxInstancesCount and maxQueueSize must be positive: "
                    + memorySizeKb + ", " + maxInstancesCount + ", " + maxQueueSize);
        }
        requirePositive(maxIdleTime, "maxIdleTime");
        requirePositive(timeout, "timeout");
        requirePositive(statusTimeout, "statusTimeout");
        Objects.requireNonNull(inputEncoding, "inputEncoding");
        environment = Map.copyOf(environment);
        eventSources = List.copyOf(eventSources);
        Objects.requireNonNull(resultTopic, "resultTopic");
    }

    /** The class part of the handler: {@code com.example.Handler} of {@code com.example.Handler::handleRequest}. */
    public String handlerClass() {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** At most one instance, started with the function and restarted when it ends. */
    public int instanceLimit() {
        return pinned ? 1 : maxInstancesCount;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** Greengrass {@code containerMode}. */
    public enum ContainerMode {
        /** Its own cgroup with {@code containerParams.memorySize} as its memory limit. */
        GREENGRASS_CONTAINER("GreengrassContainer"),
        /** No limit: the function's instances compete with everything else on the device. */
        NO_CONTAINER("NoContainer");

        private final String recipeName;

        ContainerMode(String recipeName) {
            this.recipeName = recipeName;
        }

        public String recipeName() {
            return recipeName;
        }
    }

    /** Greengrass {@code inputPayloadEncodingType}: the event is handed over as JSON or as bytes. */
    public enum Encoding {
        JSON("json"), BINARY("binary");

        private final String recipeName;

        Encoding(String recipeName) {
            this.recipeName = recipeName;
        }

        public String recipeName() {
            return recipeName;
        }
    }

    /** One entry of {@code pubsubTopics}: a topic filter on the local bus or on AWS IoT Core (MQTT). */
    public record EventSource(String topic, Type type) {
        public EventSource {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(type, "type");
        }

        /** {@code PUB_SUB} (local publish/subscribe) or {@code IOT_CORE} (the cloud's MQTT). */
        public enum Type { PUB_SUB, IOT_CORE }
    }
}
