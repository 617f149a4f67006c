package io.edgetwin.core.ipc.greengrass;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.eventstream.HeaderValue;

/**
 * A component that speaks event-stream by hand, to send what the official client never would: garbage,
 * oversized messages, nothing at all. Frames from the core are read on a thread into a queue; the end
 * of the connection arrives as {@link #CLOSED}.
 */
final class RawRpcClient implements AutoCloseable {

    static final RpcFrame CLOSED = new RpcFrame(MessageType.INTERNAL_ERROR, 0, -1, Map.of(), null);

    final SocketChannel channel;
    final BlockingQueue<RpcFrame> received = new LinkedBlockingQueue<>();

    RawRpcClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        Thread reader = new Thread(this::read, "raw-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        FrameReader reader = new FrameReader(channel, 64 << 20);
        try {
            RpcFrame frame;
            while ((frame = reader.next()) != null) {
                received.add(frame);
            }
        } catch (IOException | RuntimeException e) {
            // The core closed the connection, or the test did.
        }
        received.add(CLOSED);
    }

    RawRpcClient connect(String token) throws Exception {
        send(new RpcFrame(MessageType.CONNECT, 0, 0, Map.of(RpcFrame.VERSION, HeaderValue.fromString("0.1.0")),
                ("{\"authToken\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8)));
        RpcFrame ack = next();
        if (ack.type() != MessageType.CONNECT_ACK || ack.flags() != RpcFrame.CONNECTION_ACCEPTED) {
            throw new AssertionError("connect refused: " + ack);
        }
        return this;
    }

    /** Opens stream {@code id} with an operation and its JSON request. */
    void request(int id, String operation, String json) throws IOException {
        send(new RpcFrame(MessageType.APPLICATION_MESSAGE, 0, id, Map.of(RpcFrame.OPERATION, HeaderValue.fromString(operation),
                RpcFrame.CONTENT_TYPE, HeaderValue.fromString(RpcFrame.APPLICATION_JSON)), json.getBytes(StandardCharsets.UTF_8)));
    }

    void send(RpcFrame frame) throws IOException {
        write(frame.encode());
    }

    void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    RpcFrame next() throws InterruptedException {
        RpcFrame frame = received.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame from the core within 10 s");
        }
        return frame;
    }

    String text(RpcFrame frame) {
        return new String(frame.payload(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
