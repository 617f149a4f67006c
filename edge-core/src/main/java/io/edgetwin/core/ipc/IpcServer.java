package io.edgetwin.core.ipc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's IPC endpoint: a Unix domain socket inside the twin (twins share the host's port space, so
 * no TCP port). Components authenticate with the token the core put in their environment, then
 * publish/subscribe locally or toward the cloud. Local publish and subscribe need an
 * {@code aws.greengrass.ipc.pubsub} policy of the component's {@link AccessControl} (deny by default,
 * as Greengrass); a refused one is answered with an {@code error} frame whose {@code code} is
 * {@code UNAUTHORIZED}. Protocol: docs/ipc.md. A malformed frame is answered with an {@code error}
 * frame; the connection and the core stay up.
 */
public final class IpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpcServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path socket;
    private final LocalBus bus;
    private final CloudPort cloud;
    private final ComponentEvents events;
    private final Map<String, String> componentByToken = new ConcurrentHashMap<>();
    private final Map<String, AccessControl> accessByComponent = new ConcurrentHashMap<>();
    private ServerSocketChannel server;

    public IpcServer(Path socket, LocalBus bus, CloudPort cloud, ComponentEvents events) {
        this.socket = socket;
        this.bus = bus;
        this.cloud = cloud;
        this.events = events;
    }

    /**
     * Allows a component to connect with this token (passed to it as {@code SVCUID}) and to use the
     * local bus as {@code access} allows.
     */
    public void authorize(String component, String token, AccessControl access) {
        accessByComponent.put(component, access);
        componentByToken.put(token, component);
    }

    /** Replaces a component's policies; they apply to its next publish or subscribe. */
    public void updateAccess(String component, AccessControl access) {
        accessByComponent.put(component, access);
    }

    public void start() throws IOException {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::acceptLoop, "ipc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                IpcConnection connection = new IpcConnection(channel);
                Thread reader = new Thread(() -> serve(connection), "ipc-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("ipc-accept-failed error={}", e.toString());
                }
            }
        }
    }

    private void serve(IpcConnection connection) {
        try (connection) {
            String line;
            while ((line = connection.readLine()) != null) {
                if (!line.isBlank()) {
                    handle(connection, line);
                }
            }
        } catch (IOException e) {
            LOG.debug("ipc-connection-closed component={} error={}", connection.component(), e.toString());
        } finally {
            if (connection.component() != null) {
                bus.unsubscribeAll(connection.component() + "#" + System.identityHashCode(connection));
            }
        }
    }

    private void handle(IpcConnection connection, String line) {
        JsonNode frame;
        try {
            frame = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            connection.send(Frames.error(null, "frame is not JSON: " + e.getOriginalMessage()));
            return;
        }
        String op = frame.path("op").asText("");
        try {
            if (!op.equals("hello") && connection.component() == null) {
                throw new IllegalArgumentException("say hello with your component name and SVCUID token first");
            }
            dispatch(connection, op, frame);
        } catch (AccessControl.Unauthorized e) {
            long refused = connection.countRefusal();
            if (Long.bitCount(refused) == 1) {
                // 1st, 2nd, 4th, 8th...: a component that keeps trying cannot flood the log.
                LOG.warn("ipc-unauthorized component={} op={} refused={} reason={}", connection.component(), op, refused,
                        e.getMessage());
            }
            connection.send(Frames.unauthorized(op, e.getMessage()));
        } catch (IllegalArgumentException e) {
            connection.send(Frames.error(op, e.getMessage()));
        }
    }

    private void dispatch(IpcConnection connection, String op, JsonNode frame) {
        String owner = connection.component() + "#" + System.identityHashCode(connection);
        switch (op) {
            case "hello" -> hello(connection, frame);
            case "subscribe" -> subscribe(connection, owner, frame);
            case "publish" -> publish(connection, owner, frame);
            case "subscribe-cloud" -> connection.own(cloud.subscribe(new TopicFilter(required(frame, "topic")).filter(),
                    (topic, payload) -> connection.send(Frames.message("cloud", topic, payload))));
            case "publish-cloud" -> cloud.publish(TopicFilter.requirePublishTopic(required(frame, "topic")),
                    payload(frame), qos(frame));
            case "update-state" -> events.reportedState(connection.component(), required(frame, "state"));
            default -> throw new IllegalArgumentException("unknown op '" + op
                    + "'; expected hello, subscribe, publish, subscribe-cloud, publish-cloud or update-state");
        }
        if (!op.equals("hello") && frame.path("ack").asBoolean(false)) {
            connection.send(Frames.ok(op));
        }
    }

    private void subscribe(IpcConnection connection, String owner, JsonNode frame) {
        TopicFilter filter = new TopicFilter(required(frame, "topic"));
        access(connection).require(connection.component(), AccessControl.SUBSCRIBE, filter.filter());
        bus.subscribe(owner, filter, frame.path("receiveOwnMessages").asBoolean(false),
                (topic, payload) -> connection.send(Frames.message("local", topic, payload)));
    }

    private void publish(IpcConnection connection, String owner, JsonNode frame) {
        String topic = TopicFilter.requirePublishTopic(required(frame, "topic"));
        byte[] payload = payload(frame);
        access(connection).require(connection.component(), AccessControl.PUBLISH, topic);
        bus.publish(owner, topic, payload);
    }

    private AccessControl access(IpcConnection connection) {
        return accessByComponent.getOrDefault(connection.component(), AccessControl.NONE);
    }

    private void hello(IpcConnection connection, JsonNode frame) {
        String component = componentByToken.get(frame.path("token").asText(""));
        if (component == null || !component.equals(frame.path("component").asText())) {
            throw new IllegalArgumentException("unknown component or token; expected the SVCUID the core gave this component");
        }
        connection.identify(component);
        connection.send(Frames.ok("hello"));
    }

    private static byte[] payload(JsonNode frame) {
        JsonNode payload = frame.get("payload");
        if (payload == null) {
            throw new IllegalArgumentException("payload is missing; expected any JSON value");
        }
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written: " + e.getOriginalMessage());
        }
    }

    /** QoS toward the cloud is 0 (default) or 1, as Greengrass allows; Paho would refuse others without a word. */
    private static int qos(JsonNode frame) {
        JsonNode qos = frame.path("qos");
        if (qos.isMissingNode()) {
            return 0;
        }
        if (!qos.isInt() || qos.asInt() < 0 || qos.asInt() > 1) {
            throw new IllegalArgumentException("qos is " + qos + "; expected 0 or 1");
        }
        return qos.asInt();
    }

    private static String required(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is missing; expected a non-empty string");
        }
        return value.asText();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(socket);
    }
}
