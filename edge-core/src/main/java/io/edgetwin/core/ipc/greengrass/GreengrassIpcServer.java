package io.edgetwin.core.ipc.greengrass;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.ComponentEvents;
import io.edgetwin.core.ipc.LocalBus;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's Greengrass IPC endpoint: event-stream RPC over a Unix domain socket, as the nucleus serves
 * it, so components written against the AWS IoT Device SDK's {@code GreengrassCoreIPCClientV2} run
 * unmodified. A component connects with the {@code SVCUID} the core gave it ({@link #authorize});
 * its {@code aws.greengrass.ipc.pubsub} and {@code aws.greengrass.ipc.mqttproxy} policies decide what it
 * may publish and subscribe. Each connection has a reader and a writer thread; a connection that breaks
 * the protocol, stays silent past {@link IpcLimits#connectTimeout()} or hangs up is closed with all it
 * holds, and no other connection notices. Operations and differences from the nucleus: docs/ipc.md.
 */
public final class GreengrassIpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GreengrassIpcServer.class);

    private final Path socket;
    private final IpcLimits limits;
    private final AccessRegistry access = new AccessRegistry();
    private final ComponentConfigurations configurations;
    private final OperationCatalog operations;
    private final Set<RpcConnection> connections = ConcurrentHashMap.newKeySet();
    private ServerSocketChannel server;
    private ScheduledExecutorService timer;

    public GreengrassIpcServer(Path socket, IpcLimits limits, LocalBus bus, CloudPort cloud, ComponentEvents events,
                               ComponentConfigurations configurations, ComponentUpdates updates) {
        this.socket = socket;
        this.limits = limits;
        this.configurations = configurations;
        Map<String, Operation> all = new HashMap<>();
        all.putAll(new PubSubOperations(bus, access).operations());
        all.putAll(new IotCoreOperations(cloud, access).operations());
        all.putAll(new ConfigurationOperations(configurations).operations());
        all.putAll(new LifecycleOperations(events, updates, access).operations());
        this.operations = new OperationCatalog(all);
    }

    /**
     * Lets a component connect with {@code token} (its {@code SVCUID}) and act as its configuration's
     * {@code accessControl} allows; the configuration is also what {@code GetConfiguration} reads.
     * Throws {@link IllegalArgumentException} naming the field when a policy is malformed.
     */
    public void authorize(String component, String token, Map<String, Object> configuration) {
        access.grant(component, configuration);
        access.token(component, token);
        configurations.put(component, configuration);
    }

    /** A deployment changed the component's configuration: policies apply to its next request. */
    public void reconfigure(String component, Map<String, Object> configuration) {
        access.grant(component, configuration);
        configurations.put(component, configuration);
    }

    /** The component was removed: its token no longer connects (open connections keep their streams). */
    public void revoke(String component) {
        access.revoke(component);
        configurations.remove(component);
    }

    public void start() throws IOException {
        Files.createDirectories(socket.toAbsolutePath().getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ipc-gg-timer"));
        daemon(this::acceptLoop, "ipc-gg-accept").start();
    }

    /** Open connections, connected or still waiting for CONNECT. */
    public int connections() {
        return connections.size();
    }

    /** Open streams over all connections: operations in flight and subscriptions. */
    public int openStreams() {
        return connections.stream().mapToInt(RpcConnection::openStreams).sum();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                RpcConnection connection = new RpcConnection(channel, limits, access::component, operations,
                        connections::remove);
                connections.add(connection);
                timer.schedule(() -> connection.abandon("no CONNECT within " + limits.connectTimeout()),
                        limits.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                daemon(connection::serve, "ipc-gg-conn").start();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("ipc-accept-failed error={}", e.toString());
                }
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        connections.forEach(RpcConnection::close);
        Files.deleteIfExists(socket);
    }
}
