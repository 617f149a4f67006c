package io.edgetwin.core.recipe;

import io.edgetwin.core.document.Excerpt;
import io.edgetwin.core.recipe.LambdaParameters.ContainerMode;
import io.edgetwin.core.recipe.LambdaParameters.Encoding;
import io.edgetwin.core.recipe.LambdaParameters.EventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link LambdaParameters} from a Lambda component's {@code Setenv} and configuration, with
 * Greengrass's defaults for what is left out. The same reader checks a recipe's
 * {@code DefaultConfiguration} (errors at {@code file:line:column}) and, at deployment, the configuration
 * the component would run with (errors naming the component); {@code place} turns a field path into
 * the start of the message. Configuration keys are matched as Greengrass generates them (with case).
 */
public final class LambdaParametersReader {

    public static final String HANDLER_VARIABLE = "AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER";
    public static final String RUNTIME_VARIABLE = "AWS_GREENGRASS_LAMBDA_RUNTIME";
    public static final String CLASSPATH_VARIABLE = "AWS_GREENGRASS_LAMBDA_ARTIFACT_PATH";
    private static final long DEFAULT_MEMORY_KB = 16 * 1024;

    private final Function<String, String> place;

    /** @param place the start of an error about the field at a path, e.g. {@code recipe.yaml:9:5: ComponentConfiguration.DefaultConfiguration.pinned} */
    public LambdaParametersReader(Function<String, String> place) {
        this.place = place;
    }

    /**
     * @param setenv        the lifecycle's {@code Setenv}, read at {@code setenvPath}
     * @param configuration the component's configuration, read at {@code configurationPath}
     * @throws RecipeException for a field that is missing where required or holds what Greengrass would not take
     */
    public LambdaParameters read(Map<String, String> setenv, String setenvPath, Map<String, Object> configuration,
                                 String configurationPath) {
        Fields env = new Fields(new LinkedHashMap<>(setenv), setenvPath);
        Fields config = new Fields(configuration, configurationPath);
        String handler = env.text(HANDLER_VARIABLE, null, "the handler class, e.g. com.example.Handler or com.example.Handler::handleRequest");
        if (!handler.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*(::\\w+)?")) {
            throw env.expected(HANDLER_VARIABLE, handler, "a Java class name, optionally followed by ::method");
        }
        String runtime = env.text(RUNTIME_VARIABLE, "java17", "a Java Lambda runtime such as java11 or java17");
        if (!runtime.toLowerCase(Locale.ROOT).startsWith("java")) {
            throw env.expected(RUNTIME_VARIABLE, runtime, "a Java runtime (java8, java11, java17, java21): the core runs Java handlers only");
        }
        Optional<String> classpath = Optional.ofNullable(env.text(CLASSPATH_VARIABLE, "", "a directory or jar")).filter(s -> !s.isBlank());
        ContainerMode mode = config.choice("containerMode", ContainerMode.GREENGRASS_CONTAINER, ContainerMode.values(), ContainerMode::recipeName);
        long memoryKb = memory(config.map("containerParams"), mode);
        boolean pinned = config.bool("pinned", true);
        int instances = (int) config.whole("maxInstancesCount", 100, 1, 10_000);
        Duration idle = Duration.ofSeconds(config.whole("maxIdleTimeInSeconds", 60, 1, 86_400));
        Duration timeout = Duration.ofSeconds(config.whole("timeoutInSeconds", 3, 1, 86_400));
        int queue = (int) config.whole("maxQueueSize", 1000, 1, 1_000_000);
        Duration status = Duration.ofSeconds(config.whole("statusTimeoutInSeconds", 60, 1, 86_400));
        Encoding encoding = config.choice("inputPayloadEncodingType", Encoding.JSON, Encoding.values(), Encoding::recipeName);
        Map<String, String> environment = environment(config.map("lambdaExecutionParameters"));
        return new LambdaParameters(handler, runtime, classpath, mode, memoryKb, pinned, instances, idle, timeout, queue,
                status, encoding, environment, eventSources(config.map("pubsubTopics")), result(config.map("resultTopic")));
    }

    /** {@code memorySize} as Greengrass generates it; {@code memorySizeInKB}, the API's name, is taken too. */
    private long memory(Fields params, ContainerMode mode) {
        if (params == null) {
            return DEFAULT_MEMORY_KB;
        }
        if (params.has("memorySize") && params.has("memorySizeInKB")) {
            throw params.error("memorySizeInKB", "is given beside memorySize; expected only one (both are kilobytes)");
        }
        String key = params.has("memorySizeInKB") ? "memorySizeInKB" : "memorySize";
        long kb = params.whole(key, DEFAULT_MEMORY_KB, 1, Long.MAX_VALUE / 1024);
        if (mode == ContainerMode.GREENGRASS_CONTAINER && kb < LambdaParameters.MIN_JAVA_MEMORY_KB) {
            throw params.error(key, "is " + kb + " KB; expected at least " + LambdaParameters.MIN_JAVA_MEMORY_KB
                    + " KB, what a Java Lambda's JVM needs to start in a GreengrassContainer (or containerMode NoContainer)");
        }
        return kb;
    }

    private static Map<String, String> environment(Fields parameters) {
        Map<String, String> environment = new LinkedHashMap<>();
        Fields variables = parameters == null ? null : parameters.map("EnvironmentVariables");
        if (variables != null) {
            variables.values.forEach((k, v) -> environment.put(k, variables.scalar(k, v, "text")));
        }
        return environment;
    }

    /** {@code pubsubTopics: {"0": {topic, type}}} as generated; a list of the same entries is taken too. */
    private List<EventSource> eventSources(Fields topics) {
        List<EventSource> sources = new ArrayList<>();
        if (topics == null) {
            return sources;
        }
        for (String key : topics.values.keySet()) {
            Fields entry = topics.map(key);
            if (entry == null) {
                throw topics.error(key, "is empty; expected {topic: FILTER, type: PUB_SUB or IOT_CORE}");
            }
            String topic = entry.text("topic", null, "a topic filter such as sensors/+/temperature");
            try {
                new io.edgetwin.mqtt.TopicFilter(topic);
            } catch (IllegalArgumentException e) {
                throw entry.error("topic", "is not a topic filter: " + e.getMessage());
            }
            EventSource.Type type = entry.choice("type", EventSource.Type.PUB_SUB, EventSource.Type.values(), Enum::name);
            sources.add(new EventSource(topic, type));
        }
        return sources;
    }

    /** {@code resultTopic: {topic, type}}: a plain topic, {@code {iot:thingName}} allowed. */
    private static Optional<EventSource> result(Fields result) {
        if (result == null) {
            return Optional.empty();
        }
        String topic = result.text("topic", null, "a topic without wildcards, e.g. edgetwin/{iot:thingName}/inference/response");
        if (topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            throw result.expected("topic", topic, "a topic without wildcards");
        }
        return Optional.of(new EventSource(topic, result.choice("type", EventSource.Type.PUB_SUB, EventSource.Type.values(), Enum::name)));
    }

    /** One mapping of the configuration with its path. */
    private final class Fields {
        private final Map<String, Object> values;
        private final String path;

        private Fields(Map<String, ?> values, String path) {
            this.values = new LinkedHashMap<>(values);
            this.path = path;
        }

        boolean has(String key) {
            return values.get(key) != null;
        }

        /** The mapping at {@code key}, null when absent; a list becomes a mapping keyed by index. */
        @SuppressWarnings("unchecked")
        Fields map(String key) {
            Object v = values.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof List<?> list) {
                Map<String, Object> byIndex = new LinkedHashMap<>();
                for (int i = 0; i < list.size(); i++) {
                    byIndex.put(String.valueOf(i), list.get(i));
                }
                return new Fields(byIndex, at(key));
            }
            if (!(v instanceof Map<?, ?>)) {
                throw expected(key, v, "a mapping");
            }
            return new Fields((Map<String, Object>) v, at(key));
        }

        String text(String key, String fallback, String expected) {
            Object v = values.get(key);
            if (v == null) {
                if (fallback == null) {
                    throw error(key, "is missing; expected " + expected);
                }
                return fallback;
            }
            return scalar(key, v, expected);
        }

        String scalar(String key, Object v, String expected) {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw expected(key, v, expected);
            }
            return String.valueOf(v);
        }

        boolean bool(String key, boolean fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            throw expected(key, v, "true or false");
        }

        long whole(String key, long fallback, long min, long max) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            String expected = "a whole number from " + min + (max < Long.MAX_VALUE / 2048 ? " to " + max : " up");
            long n;
            try {
                if (v instanceof Number number) {
                    double d = number.doubleValue();
                    if (d != Math.rint(d)) {
                        throw expected(key, v, expected);
                    }
                    n = number.longValue();
                } else if (v instanceof String s) {
                    n = Long.parseLong(s.trim());
                } else {
                    throw expected(key, v, expected);
                }
            } catch (NumberFormatException e) {
                throw expected(key, v, expected);
            }
            if (n < min || n > max) {
                throw expected(key, v, expected);
            }
            return n;
        }

        <E> E choice(String key, E fallback, E[] options, Function<E, String> name) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            for (E option : options) {
                if (name.apply(option).equalsIgnoreCase(String.valueOf(v))) {
                    return option;
                }
            }
            List<String> names = java.util.Arrays.stream(options).map(name).toList();
            throw expected(key, v, "one of " + String.join(", ", names));
        }

        RecipeException expected(String key, Object actual, String expected) {
            String shown = actual instanceof String s ? "'" + Excerpt.of(s) + "'"
                    : actual instanceof Map<?, ?> ? "a mapping" : actual instanceof List<?> ? "a list"
                    : "the " + (actual instanceof Boolean ? "boolean " : "number ") + actual;
            return error(key, "is " + shown + "; expected " + expected);
        }

        RecipeException error(String key, String detail) {
            return new RecipeException(place.apply(at(key)) + " " + detail);
        }

        private String at(String key) {
            return path + "." + key;
        }
    }
}
