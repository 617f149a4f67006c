package io.edgetwin.core.ipc.greengrass;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.ComponentEvents;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;

/**
 * A Greengrass IPC server on a temp socket with a recording MQTT side and component events, and the
 * official {@link GreengrassCoreIPCClientV2} connected as a given component.
 */
final class TestCore implements AutoCloseable {

    /** The client logs every connection at INFO through java.util.logging; held so the level sticks. */
    private static final java.util.logging.Logger CLIENT_LOG = java.util.logging.Logger.getLogger("software.amazon.awssdk");

    static {
        CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    final Path socket;
    final LocalBus bus = new LocalBus();
    final FakeCloud cloud = new FakeCloud();
    final BlockingQueue<String> states = new LinkedBlockingQueue<>();
    final ComponentConfigurations configurations = new ComponentConfigurations();
    final ComponentUpdates updates = new ComponentUpdates();
    final GreengrassIpcServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    TestCore(Path dir, IpcLimits limits) throws Exception {
        socket = dir.resolve("ipc.socket");
        ComponentEvents events = (component, state) -> states.add(component + ":" + state);
        server = new GreengrassIpcServer(socket, limits, bus, cloud, events, configurations, updates);
        server.start();
    }

    TestCore(Path dir) throws Exception {
        this(dir, IpcLimits.DEFAULT);
    }

    /** Lets the component connect with {@code token} under this configuration (its accessControl too). */
    TestCore component(String name, String token, Map<String, Object> configuration) {
        server.authorize(name, token, configuration);
        return this;
    }

    /** The official client, connected with this SVCUID. */
    GreengrassCoreIPCClientV2 client(String token) throws Exception {
        GreengrassCoreIPCClientV2 client = GreengrassCoreIPCClientV2.builder()
                .withSocketPath(socket.toString()).withAuthToken(token).build();
        clients.add(client);
        return client;
    }

    static Map<String, Object> pubsub(List<String> operations, List<String> resources) {
        return Map.of("accessControl", Map.of("aws.greengrass.ipc.pubsub",
                Map.of("p1", Map.of("operations", operations, "resources", resources))));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        server.close();
    }

    /** The MQTT side: what was published, and subscriptions a test pushes messages into. */
    static final class FakeCloud implements CloudPort {
        final BlockingQueue<String> published = new LinkedBlockingQueue<>();
        final Map<String, Subscriber> subscriptions = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void publish(String topic, byte[] payload, int qos) {
            published.add(topic + " " + new String(payload) + " qos" + qos);
        }

        @Override
        public AutoCloseable subscribe(String filter, Subscriber subscriber) {
            subscriptions.put(filter, subscriber);
            return () -> subscriptions.remove(filter);
        }
    }
}
