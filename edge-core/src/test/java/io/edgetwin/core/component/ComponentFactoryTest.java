package io.edgetwin.core.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.GetConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.ReportedLifecycleState;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;

/** Components the factory creates are admitted to Greengrass IPC with the nucleus's environment. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ComponentFactoryTest {

    @TempDir
    Path dir;

    @Test
    void aCreatedComponentFindsGreengrassIpcThroughItsEnvironmentAndConnectsWithItsSvcuid() throws Exception {
        Path recipes = Files.createDirectories(dir.resolve("recipes"));
        Files.writeString(recipes.resolve("com.example.Probe-1.0.0.yaml"), """
                ---
                RecipeFormatVersion: '2020-01-25'
                ComponentName: com.example.Probe
                ComponentVersion: '1.0.0'
                ComponentConfiguration:
                  DefaultConfiguration:
                    colour: blue
                Manifests:
                  - Platform:
                      os: linux
                    Lifecycle:
                      Run: echo "$AWS_GG_NUCLEUS_DOMAIN_SOCKET_FILEPATH_FOR_COMPONENT $SVCUID" > {kernel:rootPath}/env.tmp && mv {kernel:rootPath}/env.tmp {kernel:rootPath}/env.txt
                """);
        BlockingQueue<String> states = new LinkedBlockingQueue<>();
        Path socket = dir.resolve("gg.socket");
        LocalBus bus = new LocalBus();
        ImmediateScheduler scheduler = new ImmediateScheduler();
        try (GreengrassIpcServer greengrass = new GreengrassIpcServer(socket, IpcLimits.DEFAULT, bus, new NoCloud(),
                (component, state) -> states.add(component + ":" + state), new ComponentConfigurations(), new ComponentUpdates())) {
            greengrass.start();
            ComponentFactory factory = new ComponentFactory(RecipeStore.load(recipes), dir, "thing-1", socket, greengrass,
                    () -> null, scheduler, Clock.systemUTC(), 3, Duration.ofHours(1), c -> { });
            Component component = factory.create(factory.resolve("com.example.Probe", "1.0.0",
                    factory.defaults("com.example.Probe", "1.0.0"), ResourceLimits.NONE));
            component.start();

            Path env = dir.resolve("env.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(env) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            String[] written = Files.readString(env).trim().split(" ");
            assertEquals(socket.toString(), written[0]);
            try (GreengrassCoreIPCClientV2 client = GreengrassCoreIPCClientV2.builder()
                    .withSocketPath(written[0]).withAuthToken(written[1]).build()) {
                assertEquals(Map.of("colour", "blue"), client.getConfiguration(new GetConfigurationRequest()
                        .withKeyPath(List.of())).getValue());
                client.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));
                assertEquals("com.example.Probe:RUNNING", states.poll(10, TimeUnit.SECONDS));
            }
            component.stop();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static final class NoCloud implements CloudPort {
        @Override
        public void publish(String topic, byte[] payload, int qos) {
        }

        @Override
        public AutoCloseable subscribe(String filter, Subscriber subscriber) {
            return () -> { };
        }
    }
}
