package io.edgetwin.core.ipc.greengrass;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Messages of one kind — the same type, flags and model type, JSON content — with their headers
 * encoded once: a stream's events, or the responses to one operation. Each message then costs one
 * buffer holding prelude, the header bytes (its stream id written in), the payload and the two
 * checksums: no header map, no codec message, no second copy. The bytes are those
 * {@link RpcFrame#encode()} writes for the same frame.
 */
final class FrameTemplate {

    /** One template per kind: the kinds are the operations' response, error and event types, a few dozen. */
    private static final Map<Kind, FrameTemplate> TEMPLATES = new ConcurrentHashMap<>();

    private record Kind(MessageType type, int flags, String modelType) {
    }

    private final MessageType type;
    private final int flags;
    private final String modelType;
    private final byte[] headers;
    /** Where the {@code :stream-id} value sits in {@link #headers}. */
    private final int streamIdOffset;

    /** The template for messages of this type, flags and model type ({@code null}: none). */
    static FrameTemplate of(MessageType type, int flags, String modelType) {
        return TEMPLATES.computeIfAbsent(new Kind(type, flags, modelType), k -> new FrameTemplate(type, flags, modelType));
    }

    FrameTemplate(MessageType type, int flags, String modelType) {
        this.type = type;
        this.flags = flags;
        this.modelType = modelType;
        this.headers = headers(0);
        this.streamIdOffset = Arrays.mismatch(headers, headers(-1));
        if (streamIdOffset < 0 || streamIdOffset + 4 > headers.length) {
            throw new IllegalStateException("the stream id is not where the codec writes it");
        }
    }

    /** One message of this kind on stream {@code streamId}, carrying {@code payload}, ready to write. */
    ByteBuffer encode(int streamId, byte[] payload) {
        int headersAt = FrameReader.PRELUDE_BYTES;
        int total = headersAt + headers.length + payload.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headers.length);
        CRC32 crc = new CRC32();
        crc.update(frame.array(), 0, 8);
        frame.putInt((int) crc.getValue());
        frame.put(headers).putInt(headersAt + streamIdOffset, streamId).put(payload);
        crc.reset();
        crc.update(frame.array(), 0, total - 4);
        frame.putInt((int) crc.getValue());
        return frame.flip();
    }

    private byte[] headers(int streamId) {
        ByteBuffer empty = RpcFrame.json(type, flags, streamId, modelType, null).encode();
        byte[] bytes = new byte[empty.getInt(empty.position() + 4)];
        empty.get(empty.position() + FrameReader.PRELUDE_BYTES, bytes);
        return bytes;
    }
}
