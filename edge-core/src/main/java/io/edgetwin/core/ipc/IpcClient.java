package io.edgetwin.core.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The component side of the core's IPC, for components written in Java. Reads its identity from the
 * environment the core gives every component ({@code EDGETWIN_IPC_SOCKET}, {@code EDGETWIN_COMPONENT},
 * {@code SVCUID}). Incoming messages are handed to one {@link Handler} on the reader thread, in order.
 */
public final class IpcClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final ChannelWriter out;

    private IpcClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = new ChannelWriter(channel);
    }

    public static IpcClient fromEnvironment(Map<String, String> env) throws IOException {
        String socket = require(env, "EDGETWIN_IPC_SOCKET");
        String component = require(env, "EDGETWIN_COMPONENT");
        String token = require(env, "SVCUID");
        IpcClient client = connect(Path.of(socket));
        try {
            client.hello(component, token);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    public static IpcClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new IpcClient(channel);
    }

    public void hello(String component, String token) throws IOException {
        try {
            send(frame("hello").put("component", component).put("token", token));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String line = in.readLine();
        if (line == null) {
            throw new IOException("core closed the connection before answering hello from '" + component + "'");
        }
        JsonNode answer = JSON.readTree(line);
        if (!"ok".equals(answer.path("op").asText())) {
            throw new IOException("core refused component '" + component + "': " + answer.path("message").asText());
        }
    }

    public void subscribe(String filter) {
        send(frame("subscribe").put("topic", filter));
    }

    public void subscribeCloud(String filter) {
        send(frame("subscribe-cloud").put("topic", filter));
    }

    public void publish(String topic, JsonNode payload) {
        ObjectNode frame = frame("publish").put("topic", topic);
        frame.set("payload", payload);
        send(frame);
    }

    public void publishCloud(String topic, JsonNode payload, int qos) {
        ObjectNode frame = frame("publish-cloud").put("topic", topic).put("qos", qos);
        frame.set("payload", payload);
        send(frame);
    }

    public void updateState(String state) {
        send(frame("update-state").put("state", state));
    }

    /** Reads frames until the core closes the connection; blocks the calling thread. */
    public void serve(Handler handler) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode frame = JSON.readTree(line);
            switch (frame.path("op").asText()) {
                case "message" -> handler.message(frame.path("source").asText(), frame.path("topic").asText(),
                        frame.get("payload"), frame.path("payloadText").asText(null));
                case "error" -> handler.error(frame.path("request").asText(), frame.path("message").asText());
                default -> { }
            }
        }
    }

    private ObjectNode frame(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    private synchronized void send(ObjectNode frame) {
        try {
            byte[] json = JSON.writeValueAsBytes(frame);
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("IPC connection to the core is broken", e);
        }
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set; components are started by the edge core, which sets it");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Receives the core's frames. {@code payload} is null when the message was not JSON; then {@code payloadText} holds it. */
    public interface Handler {
        void message(String source, String topic, JsonNode payload, String payloadText);

        default void error(String request, String message) {
        }
    }
}
