package io.edgetwin.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The device's connection to the cloud inference service: requests go out one per line as they come
 * (pipelined, no waiting for the answer before sending the next), answers come back in the same order
 * and complete their request's future with {@code networkMicros} added — the round trip minus the
 * service's own {@code serviceMicros}, i.e. the time on the wire both ways.
 *
 * <p>Connects on first use and again after a loss. While the service cannot be reached every request
 * is answered at once with {@code error: "cloud unreachable: ..."}; requests in flight when the
 * connection drops get {@code error: "cloud link lost ..."}. Nothing is retried: an inference
 * answered late is worth less than an error now.
 */
public final class CloudChannel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Pending(JsonNode id, long sentNanos, CompletableFuture<ObjectNode> answer) {
    }

    private final InetSocketAddress service;
    private final Duration connectTimeout;
    private final LongSupplier nanoTime;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private Socket socket;
    private OutputStream out;

    public CloudChannel(InetSocketAddress service, Duration connectTimeout, LongSupplier nanoTime) {
        this.service = service;
        this.connectTimeout = connectTimeout;
        this.nanoTime = nanoTime;
    }

    /** {@code host:port}, e.g. the value of {@code EDGETWIN_CLOUD_INFERENCE}. */
    public static InetSocketAddress address(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("cloud inference endpoint '" + hostPort + "'; expected host:port");
        }
        try {
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cloud inference endpoint '" + hostPort + "'; expected host:port with a port 0-65535");
        }
    }

    /** Sends {@code request} to the service; the future completes with its answer or an error answer. */
    public synchronized CompletableFuture<ObjectNode> forward(JsonNode request) {
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        JsonNode id = request.path("id").isMissingNode() ? null : request.get("id");
        try {
            if (socket == null) {
                connect();
            }
            pending.add(new Pending(id, nanoTime.getAsLong(), answer));
            out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            if (socket == null) {
                answer.complete(error(id, "cloud unreachable: " + e.getMessage()));
            } else {
                lost(socket, e.getMessage());
            }
        }
        return answer;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(service.getHostString(), service.getPort()), (int) connectTimeout.toMillis());
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        out = s.getOutputStream();
        Thread reader = new Thread(() -> read(s), "cloud-channel-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Socket s) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long received = nanoTime.getAsLong();
                ObjectNode answer = (ObjectNode) JSON.readTree(line);
                Pending request;
                synchronized (this) {
                    request = pending.poll();
                }
                if (request != null) {
                    long roundTripMicros = (received - request.sentNanos()) / 1_000;
                    answer.put("networkMicros", Math.max(0, roundTripMicros - answer.path("serviceMicros").asLong(0)));
                    request.answer().complete(answer);
                }
            }
            lost(s, "closed by the other side");
        } catch (IOException | ClassCastException e) {
            lost(s, e.getMessage());
        }
    }

    /** Fails every request in flight on {@code s} and forgets the connection, so the next request dials again. */
    private synchronized void lost(Socket s, String why) {
        if (socket != s) {
            return;
        }
        socket = null;
        out = null;
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
        Pending request;
        while ((request = pending.poll()) != null) {
            request.answer().complete(error(request.id(), "cloud link lost before the answer came: " + why));
        }
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode answer = JSON.createObjectNode();
        if (id != null) {
            answer.set("id", id);
        }
        return answer.put("error", message);
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            lost(socket, "channel closed");
        }
    }
}
