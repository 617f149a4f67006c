package io.edgetwin.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The cloud inference service: a TCP server on 127.0.0.1 that reads one JSON request per line from
 * each connection and writes one JSON answer per line back, in the order the requests came. One
 * worker thread runs {@code answerer} (the model is confined to it), so requests from every
 * connection queue for it; each answer gets {@code queueMicros} (read → worker picked it up) and
 * {@code serviceMicros} (read → answer ready) on top of what the answerer put in. A line that is not
 * JSON is answered with an {@code error}.
 */
public final class InferenceServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final Function<JsonNode, ObjectNode> answerer;
    private final LongSupplier nanoTime;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "cloud-inference-worker"));
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** Listens on {@code port} of 127.0.0.1 (0: any free port); {@code answerer} maps a request to its answer. */
    public InferenceServer(int port, Function<JsonNode, ObjectNode> answerer, LongSupplier nanoTime) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.answerer = answerer;
        this.nanoTime = nanoTime;
        daemon(this::accept, "cloud-inference-accept").start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                daemon(() -> serve(socket), "cloud-inference-conn-" + socket.getPort()).start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                long received = nanoTime.getAsLong();
                String request = line;
                worker.execute(() -> reply(out, request, received));
            }
        } catch (IOException e) {
            // the device went away (or its link was cut); its queued requests are answered into a closed socket
        } finally {
            open.remove(socket);
        }
    }

    private void reply(OutputStream out, String request, long receivedNanos) {
        long started = nanoTime.getAsLong();
        ObjectNode answer = answer(request);
        long done = nanoTime.getAsLong();
        answer.put("queueMicros", (started - receivedNanos) / 1_000).put("serviceMicros", (done - receivedNanos) / 1_000);
        byte[] line = (answer + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (out) {
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            // the connection closed meanwhile: nobody is waiting for this answer any more
        }
    }

    private ObjectNode answer(String request) {
        JsonNode payload;
        try {
            payload = JSON.readTree(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode().put("error", "request is not JSON: " + e.getOriginalMessage());
        }
        return answerer.apply(payload);
    }

    /** Closes every open connection, as a cut link would; the service keeps accepting new ones. */
    void dropConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        worker.shutdownNow();
    }
}
