package io.edgetwin.core.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Writes whole frames straight to a socket channel. Not through {@code Channels.newOutputStream}: on a
 * blocking channel that stream takes the channel's blocking lock, which the reader thread holds while it
 * waits in {@code read}, so a write would wait for the next incoming frame.
 */
final class ChannelWriter {

    private final SocketChannel channel;

    ChannelWriter(SocketChannel channel) {
        this.channel = channel;
    }

    void write(byte[] frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
