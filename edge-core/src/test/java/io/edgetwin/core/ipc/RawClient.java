package io.edgetwin.core.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A component written by hand against the wire format: sends raw lines (malformed ones too) and reads
 * the core's frames on its own thread, so a test can wait for the next frame with a timeout.
 */
final class RawClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 5;

    private final SocketChannel channel;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private RawClient(SocketChannel channel) {
        this.channel = channel;
        Thread reader = new Thread(this::readLines, "raw-client");
        reader.setDaemon(true);
        reader.start();
    }

    static RawClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new RawClient(channel);
    }

    /** Says hello and checks the core answered ok. */
    RawClient hello(String component, String token) throws Exception {
        send("{\"op\":\"hello\",\"component\":\"" + component + "\",\"token\":\"" + token + "\"}");
        expectOk("hello");
        return this;
    }

    void send(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next frame from the core; fails the test when none arrives in time. */
    JsonNode next() throws Exception {
        String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(line, "no frame from the core within " + WAIT_SECONDS + " s");
        return JSON.readTree(line);
    }

    void expectOk(String request) throws Exception {
        JsonNode frame = next();
        assertEquals("ok", frame.path("op").asText(), frame.toString());
        assertEquals(request, frame.path("request").asText(), frame.toString());
    }

    JsonNode expectError(String request) throws Exception {
        JsonNode frame = next();
        assertEquals("error", frame.path("op").asText(), frame.toString());
        if (request != null) {
            assertEquals(request, frame.path("request").asText(), frame.toString());
        }
        return frame;
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // Closed by the test or the core; next() reports the missing frame.
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
