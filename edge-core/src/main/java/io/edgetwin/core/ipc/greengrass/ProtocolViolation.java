package io.edgetwin.core.ipc.greengrass;

/**
 * A frame that breaks the event-stream RPC protocol (bad checksum, missing or mistyped required header,
 * oversized, out of order). The server answers it with a {@code PROTOCOL_ERROR} message naming what was
 * wrong and closes that connection, as the nucleus does; other connections are unaffected.
 */
public final class ProtocolViolation extends RuntimeException {

    public ProtocolViolation(String message) {
        super(message);
    }
}
