package io.edgetwin.core.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.edgetwin.core.component.ComponentFactory;
import io.edgetwin.core.component.ComponentState;
import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.greengrass.ComponentConfigurations;
import io.edgetwin.core.ipc.greengrass.ComponentUpdates;
import io.edgetwin.core.ipc.greengrass.GreengrassIpcServer;
import io.edgetwin.core.ipc.greengrass.IpcLimits;
import io.edgetwin.core.recipe.RecipeStore;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The deployer tells components of a deployment before it changes anything, and waits while they defer it. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeployerUpdateNoticeTest {

    @TempDir
    Path dir;
    private GreengrassIpcServer ipc;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private Deployer deployer;
    private final ComponentUpdates updates = new ComponentUpdates(Duration.ofMinutes(1), 10);

    @BeforeEach
    void start() throws Exception {
        Path recipes = Files.createDirectories(dir.resolve("recipes"));
        Files.writeString(recipes.resolve("com.example.Sensor-1.0.0.yaml"), """
                ---
                RecipeFormatVersion: '2020-01-25'
                ComponentName: com.example.Sensor
                ComponentVersion: '1.0.0'
                Manifests:
                  - Platform:
                      os: linux
                    Lifecycle:
                      Run: exec sleep 600
                """);
        ipc = new GreengrassIpcServer(dir.resolve("ipc.socket"), IpcLimits.DEFAULT, new LocalBus(), new NoCloud(),
                (component, state) -> { }, new ComponentConfigurations(), updates);
        ipc.start();
        ComponentFactory factory = new ComponentFactory(RecipeStore.load(recipes), dir, "thing-1", dir.resolve("ipc.socket"),
                ipc, () -> null, scheduler, Clock.systemUTC(), 3, Duration.ofHours(1), c -> { });
        deployer = new Deployer(factory, Duration.ofMillis(100), Duration.ofSeconds(30)).withUpdateNotice(updates);
    }

    @AfterEach
    void stop() throws Exception {
        deployer.stopAll();
        ipc.close();
        scheduler.shutdownNow();
    }

    @Test
    void aDeferredDeploymentChangesNothingUntilTheComponentLetsItGo() throws Exception {
        assertEquals("SUCCESSFUL", deployer.apply(deployment("d1", List.of(sensor()))).status());
        BlockingQueue<ComponentUpdates.Event> heard = new LinkedBlockingQueue<>();
        updates.subscribe("com.example.Sensor", heard::add);

        CompletableFuture<DeploymentOutcome> removal = CompletableFuture.supplyAsync(() -> deployer.apply(deployment("d2", List.of())));
        ComponentUpdates.Event pre = heard.poll(10, TimeUnit.SECONDS);
        assertNotNull(pre, "no preUpdateEvent");
        assertEquals(new ComponentUpdates.Event("d2", true, false), pre);
        updates.defer("d2", new ComponentUpdates.Deferral("com.example.Sensor", 300, "busy"));
        ComponentUpdates.Event again = heard.poll(10, TimeUnit.SECONDS);

        assertEquals(new ComponentUpdates.Event("d2", true, false), again, "announced again after the recheck time");
        assertEquals(ComponentState.RUNNING, deployer.component("com.example.Sensor").state(), "still running while deferred");
        updates.defer("d2", new ComponentUpdates.Deferral("com.example.Sensor", 0, "done"));
        assertEquals("SUCCESSFUL", removal.get(30, TimeUnit.SECONDS).status());
        assertEquals(new ComponentUpdates.Event("d2", false, false), heard.poll(10, TimeUnit.SECONDS));
        assertEquals(List.of(), deployer.components());
    }

    private static Deployment deployment(String id, List<DeploymentComponent> components) {
        return new Deployment(id, components, FailurePolicy.DO_NOTHING);
    }

    private static DeploymentComponent sensor() {
        return new DeploymentComponent("com.example.Sensor", "1.0.0", Map.of(), ResourceLimits.NONE);
    }

    private static final class NoCloud implements CloudPort {
        @Override
        public void publish(String topic, byte[] payload, int qos) {
        }

        @Override
        public AutoCloseable subscribe(String filter, io.edgetwin.core.ipc.Subscriber subscriber) {
            return () -> { };
        }
    }
}
