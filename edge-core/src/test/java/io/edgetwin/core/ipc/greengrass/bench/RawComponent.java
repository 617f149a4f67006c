package io.edgetwin.core.ipc.greengrass.bench;

import io.edgetwin.core.ipc.greengrass.MessageType;
import io.edgetwin.core.ipc.greengrass.RpcFrame;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;

/**
 * A component speaking event-stream by hand: requests are encoded per call, frames from the core are
 * only counted (by their prelude length, never decoded), each stream event after the first reply
 * calling {@code onEvent}. Lets the benchmark measure the core without the client library's cost.
 */
final class RawComponent implements AutoCloseable {

    private final SocketChannel channel;
    private final Runnable onEvent;
    private int nextStream = 1;
    private volatile int framesSeen;

    private RawComponent(SocketChannel channel, Runnable onEvent) {
        this.channel = channel;
        this.onEvent = onEvent;
    }

    static RawComponent connect(Path socket, String token, Runnable onEvent) throws IOException, InterruptedException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        RawComponent component = new RawComponent(channel, onEvent);
        component.write(new RpcFrame(MessageType.CONNECT, 0, 0, Map.of(RpcFrame.VERSION, HeaderValue.fromString("0.1.0")),
                ("{\"authToken\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8)).encode());
        Thread reader = new Thread(component::read, "bench-raw-reader");
        reader.setDaemon(true);
        reader.start();
        while (component.framesSeen == 0) {
            Thread.onSpinWait(); // the CONNECT_ACK
        }
        return component;
    }

    void request(String operation, String json) throws IOException {
        write(new RpcFrame(MessageType.APPLICATION_MESSAGE, 0, nextStream++, Map.of(
                RpcFrame.OPERATION, HeaderValue.fromString(operation),
                RpcFrame.CONTENT_TYPE, HeaderValue.fromString(RpcFrame.APPLICATION_JSON)),
                json.getBytes(StandardCharsets.UTF_8)).encode());
    }

    private synchronized void write(ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        try {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.remaining() >= 4 && buffer.remaining() >= buffer.getInt(buffer.position())) {
                    buffer.position(buffer.position() + buffer.getInt(buffer.position()));
                    if (++framesSeen > 2) {
                        onEvent.run(); // after CONNECT_ACK and the subscription's reply
                    }
                }
                buffer.compact();
            }
        } catch (IOException e) {
            // closed at the end
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
