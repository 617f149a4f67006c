package io.edgetwin.core.lambda;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.mqtt.TopicFilter;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.LambdaParameters.ContainerMode;
import io.edgetwin.core.recipe.LambdaParameters.EventSource;
import io.edgetwin.core.resources.ComponentCgroup;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's Lambda launcher, one per core: checks a Lambda component's handler at deployment, starts
 * its {@link LambdaFunction} (instances inside the component's cgroup, subscriptions to its event
 * sources) and stops it. Events of {@code PUB_SUB} sources come from the core's local bus, those of
 * {@code IOT_CORE} sources from its MQTT link. What a handler returns is published only when the
 * function's configuration names a {@code resultTopic} (the core's own key: in Greengrass v2 a Lambda
 * publishes through IPC), on the local bus or IoT Core (QoS 1); an empty result is not published.
 */
public final class LambdaLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaLauncher.class);

    private final LocalBus bus;
    private final CloudPort cloud;
    private final String javaBinary;
    private final String coreClasspath;
    private final String thingName;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** A function with the subscriptions that feed it. */
    private record Running(LambdaFunction function, List<AutoCloseable> subscriptions) {
    }

    /** @param coreClasspath the core's own classpath, which every worker gets first */
    public LambdaLauncher(LocalBus bus, CloudPort cloud, String javaBinary, String coreClasspath, String thingName) {
        this.thingName = thingName;
        this.bus = bus;
        this.cloud = cloud;
        this.javaBinary = javaBinary;
        this.coreClasspath = coreClasspath;
    }

    /** The launcher of this JVM: its own {@code java} and classpath. */
    public static LambdaLauncher ofThisJvm(LocalBus bus, CloudPort cloud, String thingName) {
        return new LambdaLauncher(bus, cloud, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), thingName);
    }

    /**
     * Throws {@link IllegalArgumentException} naming the component when its handler class is not on its
     * classpath, implements neither handler interface or cannot be created; runs none of its code.
     */
    public void check(String component, LambdaParameters parameters) {
        try (URLClassLoader loader = new URLClassLoader(urls(parameters), LambdaLauncher.class.getClassLoader())) {
            Handler.check(parameters.handlerClass(), loader);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Lambda component '" + component + "': " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Lambda component '" + component + "': " + e.getMessage(), e);
        }
    }

    /**
     * Starts the function of {@code component} (stopping one that runs under that name first).
     *
     * @param cgroup the component's cgroup, which every instance joins; null to run them where the core runs
     * @param ready  called once the function can serve: its pinned instance loaded the handler (on demand: at once)
     */
    public void start(String component, String version, LambdaParameters parameters, ComponentCgroup cgroup,
                      Runnable ready) {
        stop(component);
        WorkerCommand command = new WorkerCommand(WorkerCommand.java(javaBinary, classpath(parameters),
                parameters.containerMode() == ContainerMode.GREENGRASS_CONTAINER ? parameters.memorySizeKb() : 0),
                environment(component, version, parameters), cgroup == null ? List.of() : cgroup.procsFiles());
        LambdaFunction function = new LambdaFunction(component, parameters, command,
                () -> cgroup == null ? 0 : cgroup.sample().oomKills(), results(component, parameters), ready);
        List<AutoCloseable> subscriptions = new ArrayList<>();
        for (EventSource source : parameters.eventSources()) {
            String filter = source.topic().replace("{iot:thingName}", thingName);
            if (source.type() == EventSource.Type.PUB_SUB) {
                LocalBus.Subscription s = bus.subscribe(component, new TopicFilter(filter), true, function::submit);
                subscriptions.add(() -> bus.unsubscribe(s));
            } else {
                try {
                    subscriptions.add(cloud.subscribe(filter, function::submit));
                } catch (RuntimeException e) {
                    // The link is down: the function runs without this source rather than failing its component.
                    LOG.error("lambda-subscribe-failed function={} topic={} error={}", component, filter, e.getMessage());
                }
            }
        }
        running.put(component, new Running(function, subscriptions));
        function.start();
        LOG.info("lambda-started function={} mode={} memoryKb={} pinned={} maxInstances={} sources={}", component,
                parameters.containerMode().recipeName(), parameters.memorySizeKb(), parameters.pinned(),
                parameters.maxInstancesCount(), parameters.eventSources().size());
    }

    private BiConsumer<String, byte[]> results(String component, LambdaParameters parameters) {
        if (parameters.resultTopic().isEmpty()) {
            return (topic, result) -> { };
        }
        EventSource target = parameters.resultTopic().get();
        String topic = target.topic().replace("{iot:thingName}", thingName);
        return (eventTopic, result) -> {
            if (result.length == 0) {
                return;
            }
            if (target.type() == EventSource.Type.PUB_SUB) {
                bus.publish(component, topic, result);
            } else {
                cloud.publish(topic, result, 1);
            }
        };
    }

    /** Unsubscribes the function and ends its instances; nothing when none runs under that name. */
    public void stop(String component) {
        Running r = running.remove(component);
        if (r == null) {
            return;
        }
        for (AutoCloseable s : r.subscriptions()) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("lambda-unsubscribe-failed function={} error={}", component, e.toString());
            }
        }
        r.function().close();
        LOG.info("lambda-stopped function={}", component);
    }

    /** Stops every function; the core is going down. */
    public void stopAll() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }

    /** The counters of every function that runs now, by component name. */
    public Map<String, LambdaCounters> counters() {
        Map<String, LambdaCounters> counters = new LinkedHashMap<>();
        running.forEach((name, r) -> counters.put(name, r.function().counters()));
        return counters;
    }

    private String classpath(LambdaParameters parameters) {
        List<String> parts = new ArrayList<>(List.of(coreClasspath));
        parameters.classpath().ifPresent(p -> {
            parts.add(p);
            if (Files.isDirectory(Path.of(p))) {
                parts.add(p + File.separator + "*");
            }
        });
        return String.join(File.pathSeparator, parts);
    }

    private static URL[] urls(LambdaParameters parameters) {
        List<URL> urls = new ArrayList<>();
        parameters.classpath().ifPresent(p -> {
            Path path = Path.of(p);
            try {
                urls.add(path.toUri().toURL());
                if (Files.isDirectory(path)) {
                    try (var jars = Files.list(path)) {
                        for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                            urls.add(jar.toUri().toURL());
                        }
                    }
                }
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("classpath '" + p + "' is not a path: " + e.getMessage());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("classpath '" + p + "' cannot be listed: " + e.getMessage());
            }
        });
        return urls.toArray(URL[]::new);
    }

    private static Map<String, String> environment(String component, String version, LambdaParameters parameters) {
        Map<String, String> env = new LinkedHashMap<>(parameters.environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", component);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", version);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(parameters.memorySizeKb() / 1024));
        env.put("AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER", parameters.handler());
        env.put("AWS_GREENGRASS_LAMBDA_CONTAINER_MODE", parameters.containerMode().recipeName());
        env.put("AWS_GREENGRASS_LAMBDA_ENCODING_TYPE", parameters.inputEncoding().recipeName());
        return env;
    }
}
