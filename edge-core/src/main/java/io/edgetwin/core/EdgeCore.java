package io.edgetwin.core;

import io.edgetwin.core.component.Component;
import io.edgetwin.core.component.ComponentSpec;
import io.edgetwin.core.component.RecipeVariables;
import io.edgetwin.core.deployment.Deployment;
import io.edgetwin.core.deployment.DeploymentComponent;
import io.edgetwin.core.deployment.DeploymentReader;
import io.edgetwin.core.ipc.ComponentEvents;
import io.edgetwin.core.ipc.IpcServer;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.messaging.CloudLink;
import io.edgetwin.core.messaging.Topics;
import io.edgetwin.core.recipe.Recipe;
import io.edgetwin.core.recipe.RecipeStore;
import io.edgetwin.core.resources.ComponentCgroup;
import io.edgetwin.core.resources.ComponentCgroups;
import io.edgetwin.core.resources.ComponentCgroupsDetector;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.resources.EnforcementException;
import io.edgetwin.core.resources.Mounter;
import java.nio.file.Path;
import io.edgetwin.core.status.DeploymentOutcome;
import io.edgetwin.core.status.StatusMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge core: the main process of a twin. Reads like its job:
 * connect → read the device's caps → open IPC → apply the deployment → report status until stopped.
 */
public final class EdgeCore implements ComponentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeCore.class);
    private static final int MAX_ERRORS = 3;
    private static final Duration ERROR_WINDOW = Duration.ofHours(1);

    private final CoreSettings settings;
    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "core-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private CloudLink cloud;
    private IpcServer ipc;
    private DeviceCgroup cgroup;
    private DeviceCaps caps;
    private volatile DeploymentOutcome deployment;
    private volatile String coreState = "STARTING";

    EdgeCore(CoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        EdgeCore core = new EdgeCore(CoreSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(core::stop, "core-shutdown"));
        core.run();
    }

    void run() throws Exception {
        connect();
        readCaps();
        openIpc();
        applyDeployment();
        reportStatus();
        stopped.await();
    }

    private void connect() throws Exception {
        cloud = new CloudLink(settings.brokerUri(), settings.thingName());
        cloud.connect(Duration.ofSeconds(30));
    }

    private void readCaps() {
        cgroup = new DeviceCgroup(settings.cgroupRoot());
        caps = cgroup.caps();
        LOG.info("device-caps memoryBytes={} memorySwapBytes={} cpus={} pids={} cgroup={}",
                caps.memoryBytes(), caps.memorySwapBytes(), caps.cpus(), caps.pids(), cgroup.isV2() ? "v2" : "v1");
    }

    private void openIpc() throws Exception {
        ipc = new IpcServer(settings.ipcSocket(), new LocalBus(), cloud, this);
        ipc.start();
    }

    private void applyDeployment() {
        Deployment document;
        List<ComponentSpec> specs = new ArrayList<>();
        try {
            document = new DeploymentReader().read(settings.deployment());
            RecipeStore recipes = RecipeStore.load(settings.rootPath().resolve("recipes"));
            for (DeploymentComponent c : document.components()) {
                specs.add(spec(recipes.find(c.name(), c.version()), c));
            }
        } catch (RuntimeException e) {
            reject(e.getMessage());
            return;
        }
        ComponentCgroups cgroups;
        try {
            cgroups = cgroups(specs);
        } catch (EnforcementException e) {
            reject("cannot enforce systemResourceLimits: " + e.getMessage());
            return;
        }
        for (ComponentSpec spec : specs) {
            String token = UUID.randomUUID().toString();
            ipc.authorize(spec.name(), token);
            ComponentCgroup cgroup = cgroups == null ? null : cgroups.create(spec.name(), spec.limits());
            Component component = new Component(spec, environment(spec, token), scheduler, clock, MAX_ERRORS,
                    ERROR_WINDOW, changed -> scheduler.execute(this::publishStatus), cgroup);
            components.put(spec.name(), component);
        }
        deployment = DeploymentOutcome.successful(document.deploymentId());
        coreState = "RUNNING";
        components.values().forEach(Component::start);
    }

    private void reject(String reason) {
        LOG.error("deployment-rejected reason={}", reason);
        deployment = DeploymentOutcome.rejected("unknown", reason);
        coreState = "RUNNING";
    }

    /**
     * Per-component cgroups, also for components without limits (their usage is still observed). When
     * they cannot be had, a deployment with limits fails loudly; one without limits runs without them.
     */
    private ComponentCgroups cgroups(List<ComponentSpec> specs) {
        boolean limited = specs.stream().anyMatch(s -> !s.limits().isEmpty());
        try {
            ComponentCgroups cgroups = ComponentCgroupsDetector.detect(settings.cgroupRoot(),
                    Path.of("/run/edgetwin/cgroup"), Path.of("/proc/self/cgroup"), Mounter.system(),
                    Runtime.getRuntime().availableProcessors());
            LOG.info("component-cgroups version={}", cgroups.version());
            return cgroups;
        } catch (EnforcementException e) {
            if (limited) {
                throw e;
            }
            LOG.warn("component-cgroups-unavailable reason={}", e.getMessage());
            return null;
        }
    }

    private ComponentSpec spec(Recipe recipe, DeploymentComponent deployed) {
        Map<String, Object> configuration = new HashMap<>(recipe.defaultConfiguration());
        configuration.putAll(deployed.configurationMerge());
        RecipeVariables variables = new RecipeVariables(recipe.name(), configuration, settings.rootPath(), settings.thingName());
        return new ComponentSpec(recipe.name(), recipe.version(), variables.interpolate(recipe.runScript()), deployed.limits());
    }

    private Map<String, String> environment(ComponentSpec spec, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("EDGETWIN_IPC_SOCKET", settings.ipcSocket().toString());
        env.put("EDGETWIN_COMPONENT", spec.name());
        env.put("SVCUID", token);
        env.put("AWS_IOT_THING_NAME", settings.thingName());
        env.put("EDGETWIN_HOME", settings.rootPath().toString());
        return env;
    }

    private void reportStatus() {
        long interval = settings.statusInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::publishStatus, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void publishStatus() {
        try {
            byte[] status = StatusMessage.of(settings.thingName(), coreState, clock.instant(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), caps, cgroup.memory(), deployment,
                    components.values().stream().map(Component::status).toList());
            cloud.publish(new Topics(settings.thingName()).status(), status, 0);
        } catch (RuntimeException e) {
            LOG.warn("status-failed error={}", e.toString());
        }
    }

    @Override
    public void reportedState(String component, String state) {
        Component c = components.get(component);
        if (c != null && "RUNNING".equalsIgnoreCase(state)) {
            c.markReady();
        }
    }

    /** Stops components (each within its shutdown timeout), reports a last status, and disconnects. */
    void stop() {
        coreState = "STOPPING";
        List<Component> running = new ArrayList<>(components.values());
        running.forEach(Component::stop);
        if (cloud != null && caps != null) {
            coreState = "STOPPED";
            publishStatus();
            cloud.close();
        }
        try {
            if (ipc != null) {
                ipc.close();
            }
        } catch (Exception e) {
            LOG.warn("ipc-close-failed error={}", e.toString());
        }
        scheduler.shutdownNow();
        stopped.countDown();
    }
}
