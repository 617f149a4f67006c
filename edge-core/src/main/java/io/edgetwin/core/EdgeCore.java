package io.edgetwin.core;

import io.edgetwin.core.artifact.ArtifactInstaller;
import io.edgetwin.core.artifact.S3Artifacts;
import io.edgetwin.core.artifact.S3Settings;
import io.edgetwin.core.component.Component;
import io.edgetwin.core.component.ComponentFactory;
import io.edgetwin.core.deployment.Deployer;
import io.edgetwin.core.deployment.Deployment;
import io.edgetwin.core.deployment.DeploymentException;
import io.edgetwin.core.deployment.DeploymentJobs;
import io.edgetwin.core.deployment.DeploymentOutcome;
import io.edgetwin.core.deployment.DeploymentReader;
import io.edgetwin.core.ipc.ComponentEvents;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.greengrass.ComponentConfigurations;
import io.edgetwin.core.ipc.greengrass.ComponentUpdates;
import io.edgetwin.core.ipc.greengrass.GreengrassIpcServer;
import io.edgetwin.core.ipc.greengrass.IpcLimits;
import io.edgetwin.core.lambda.LambdaLauncher;
import io.edgetwin.core.messaging.BrokerIdentity;
import io.edgetwin.core.messaging.CloudLink;
import io.edgetwin.core.messaging.Spooler;
import io.edgetwin.core.messaging.Topics;
import io.edgetwin.core.recipe.RecipeStore;
import io.edgetwin.core.resources.ComponentCgroups;
import io.edgetwin.core.resources.ComponentCgroupsDetector;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.resources.EnforcementException;
import io.edgetwin.core.resources.Mounter;
import io.edgetwin.core.status.StatusMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * The edge core: the main process of a twin. Reads like its job:
 * connect → read the device's caps → open IPC → apply the deployment given at start → take further
 * deployments from MQTT → report status until stopped.
 */
public final class EdgeCore implements ComponentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeCore.class);
    private static final Duration STABLE_FOR = Duration.ofSeconds(2);
    private static final Duration DEPLOYMENT_TIMEOUT = Duration.ofSeconds(60);

    private final CoreSettings settings;
    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "core-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private CloudLink cloud;
    private GreengrassIpcServer ipc;
    private DeviceCgroup cgroup;
    private DeviceCaps caps;
    private Deployer deployer;
    private LambdaLauncher lambdas;
    private final ExecutorService deployments = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "core-deployments");
        t.setDaemon(true);
        return t;
    });
    private volatile DeploymentOutcome deployment;
    private volatile String coreState = "STARTING";

    EdgeCore(CoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        EdgeCore core = new EdgeCore(CoreSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(core::stop, "core-shutdown"));
        try {
            core.run();
        } catch (BrokerIdentity.Invalid e) {
            LOG.error("device-identity-invalid {}", e.getMessage());
            System.exit(2);
        }
    }

    void run() throws Exception {
        connect();
        readCaps();
        openIpc();
        reportStatus();
        acceptDeployments();
        stopped.await();
    }

    private void connect() throws Exception {
        SocketFactory sockets = BrokerIdentity.sockets(settings.brokerUri(), settings.thingName(), System.getenv(), clock);
        cloud = new CloudLink(settings.brokerUri(), settings.thingName(), Spooler.open(settings.spool()), clock, sockets);
        cloud.connect(Duration.ofSeconds(30));
    }

    private void readCaps() {
        cgroup = new DeviceCgroup(settings.cgroupRoot());
        caps = cgroup.caps();
        LOG.info("device-caps memoryBytes={} memorySwapBytes={} cpus={} pids={} cgroup={}",
                caps.memoryBytes(), caps.memorySwapBytes(), caps.cpus(), caps.pids(), cgroup.isV2() ? "v2" : "v1");
    }

    /** Greengrass IPC on {@code EDGETWIN_IPC_SOCKET}: local pub/sub, IoT Core through the core's link, configuration. */
    private void openIpc() throws Exception {
        ComponentUpdates updates = new ComponentUpdates();
        LocalBus bus = new LocalBus();
        ipc = new GreengrassIpcServer(settings.ipcSocket(), IpcLimits.DEFAULT, bus, cloud, this,
                new ComponentConfigurations(), updates);
        ipc.start();
        RecipeStore recipes = RecipeStore.onFirstUse(settings.rootPath().resolve("recipes"));
        ComponentFactory factory = new ComponentFactory(recipes, settings.rootPath(), settings.thingName(), settings.ipcSocket(), ipc, new DeviceComponentCgroups(),
                scheduler, clock, settings.brokenAfter(), settings.errorWindow(), this::componentChanged)
                .withLambdas(lambdas = LambdaLauncher.ofThisJvm(bus, cloud, settings.thingName()));
        deployer = new Deployer(factory, STABLE_FOR, DEPLOYMENT_TIMEOUT, artifacts(recipes)).withUpdateNotice(updates);
    }

    /** Recipes and artifacts of cloud components come from S3 when the harness named a store. */
    private ArtifactInstaller artifacts(RecipeStore recipes) {
        Optional<S3Settings> s3 = S3Settings.fromEnvironment(System.getenv());
        s3.ifPresent(s -> LOG.info("artifact-store endpoint={} components={}", s.endpoint(), s.components()));
        return new ArtifactInstaller(recipes, settings.rootPath(), s3, s3.map(S3Artifacts::connect));
    }

    /**
     * The deployment given at start first, then those published on {@code edgetwin/<thing>/deployment},
     * and the deployment jobs on {@code edgetwin/<thing>/jobs/notify-next}, one after another on one
     * thread. The deployment given at start is queued before the subscriptions are made: a retained
     * job delivered at once on subscribing then runs after it, never before it (the start document
     * would otherwise replace the job's components), and nothing published meanwhile is lost.
     */
    private void acceptDeployments() {
        coreState = "RUNNING";
        if (settings.deployment().toFile().exists()) {
            deployments.execute(() -> deploy(() -> new DeploymentReader().read(settings.deployment())));
        } else {
            LOG.info("no-initial-deployment path={}", settings.deployment());
        }
        Topics topics = new Topics(settings.thingName());
        cloud.subscribe(topics.deployment(),
                (topic, payload) -> deployments.execute(() -> deploy(() -> new DeploymentReader().parse(topic, payload))));
        DeploymentJobs jobs = new DeploymentJobs(topics, document -> {
            DeploymentOutcome outcome = deployer.apply(document);
            report(outcome);
            return outcome;
        }, (topic, payload) -> cloud.publish(topic, payload, 1), clock);
        cloud.subscribe(topics.jobsNotifyNext(), (topic, payload) -> deployments.execute(() -> jobs.run(payload)));
    }

    private void deploy(java.util.function.Supplier<Deployment> document) {
        try {
            report(deployer.apply(document.get()));
        } catch (DeploymentException e) {
            report(DeploymentOutcome.rejected("unknown", e.getMessage()));
        }
    }

    private void report(DeploymentOutcome outcome) {
        if (!outcome.status().equals("SUCCESSFUL")) {
            LOG.error("deployment-outcome deployment={} status={} reason={}", outcome.deploymentId(), outcome.status(), outcome.reason());
        }
        deployment = outcome;
        cloud.publish(new Topics(settings.thingName()).deploymentResult(), StatusMessage.deploymentResult(outcome), 1);
        scheduler.execute(this::publishStatus);
    }

    /**
     * The device's component cgroups, made on first use. Unavailable cgroups are not an error until a
     * component with limits asks for them (then the deployment is REJECTED, never run unlimited).
     */
    private final class DeviceComponentCgroups implements java.util.function.Supplier<ComponentCgroups> {
        private ComponentCgroups cgroups;
        private boolean tried;

        @Override
        public synchronized ComponentCgroups get() {
            if (!tried) {
                tried = true;
                try {
                    cgroups = ComponentCgroupsDetector.detect(settings.cgroupRoot(), Path.of("/run/edgetwin/cgroup"),
                            Path.of("/proc/self/cgroup"), Mounter.system(), Runtime.getRuntime().availableProcessors());
                    LOG.info("component-cgroups version={}", cgroups.version());
                } catch (EnforcementException e) {
                    LOG.warn("component-cgroups-unavailable reason={}", e.getMessage());
                }
            }
            return cgroups;
        }
    }

    private void reportStatus() {
        long interval = settings.statusInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::publishStatus, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void publishStatus() {
        try {
            byte[] status = StatusMessage.of(settings.thingName(), coreState, clock.instant(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), caps, cgroup.memory(), deployment,
                    deployer.components().stream().map(Component::status).toList(), cloud.spoolCounters(),
                    lambdas.counters());
            cloud.publish(new Topics(settings.thingName()).status(), status, 0);
        } catch (RuntimeException e) {
            LOG.warn("status-failed error={}", e.toString());
        }
    }

    private void componentChanged(Component changed) {
        scheduler.execute(() -> {
            deployer.componentChanged(changed);
            publishStatus();
        });
    }

    @Override
    public void reportedState(String component, String state) {
        Component c = deployer.component(component);
        if (c != null && "RUNNING".equalsIgnoreCase(state)) {
            c.markReady();
        }
    }

    /** Stops components (each within its shutdown timeout), reports a last status, and disconnects. */
    void stop() {
        coreState = "STOPPING";
        deployments.shutdownNow();
        if (deployer != null) {
            deployer.stopAll();
        }
        if (lambdas != null) {
            lambdas.stopAll();
        }
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
