package io.edgetwin.core.ipc.greengrass;

/**
 * The event-stream RPC message types ({@code :message-type} header), with their wire codes as the
 * aws-c-event-stream library numbers them. Codes this enum does not know are a protocol error.
 */
public enum MessageType {
    APPLICATION_MESSAGE(0),
    APPLICATION_ERROR(1),
    PING(2),
    PING_RESPONSE(3),
    CONNECT(4),
    CONNECT_ACK(5),
    PROTOCOL_ERROR(6),
    INTERNAL_ERROR(7);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Throws {@link ProtocolViolation} naming the code when it is not one of the eight. */
    public static MessageType of(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ProtocolViolation(":message-type is " + code + "; expected 0 to 7");
    }
}
