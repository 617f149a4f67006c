package io.edgetwin.core.ipc.greengrass;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The events of one stream as wire messages, with their headers encoded once: every event of a stream
 * carries the same headers ({@code :message-type} APPLICATION_MESSAGE, flags 0, its stream id, JSON
 * content type, its model type), so each event costs one buffer holding prelude, those header bytes,
 * the payload and the two checksums — no header map, no codec message, no second copy. The bytes are
 * those {@link RpcFrame#encode()} writes for the same frame.
 */
final class EventFrames {

    private final String modelType;
    private final byte[] headers;

    EventFrames(int streamId, String modelType) {
        this.modelType = modelType;
        ByteBuffer empty = RpcFrame.json(MessageType.APPLICATION_MESSAGE, 0, streamId, modelType, null).encode();
        int headersLength = empty.getInt(empty.position() + 4);
        headers = new byte[headersLength];
        empty.get(empty.position() + FrameReader.PRELUDE_BYTES, headers);
    }

    boolean carries(String type) {
        return modelType.equals(type);
    }

    /** One event carrying {@code payload}, ready to write. */
    ByteBuffer encode(byte[] payload) {
        int total = FrameReader.PRELUDE_BYTES + headers.length + payload.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headers.length);
        CRC32 crc = new CRC32();
        crc.update(frame.array(), 0, 8);
        frame.putInt((int) crc.getValue());
        frame.put(headers).put(payload);
        crc.reset();
        crc.update(frame.array(), 0, total - 4);
        frame.putInt((int) crc.getValue());
        return frame.flip();
    }
}
