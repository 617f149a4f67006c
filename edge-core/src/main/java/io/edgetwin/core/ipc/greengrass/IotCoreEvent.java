package io.edgetwin.core.ipc.greengrass;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON body of a {@code SubscribeToIoTCore} stream event ({@code aws.greengrass#IoTCoreMessage}),
 * written by hand: {@code {"message":{"topicName":"…","payload":"<base64>"}}}, what the service model's
 * Gson writes for a message with a topic and a payload, in a fraction of its time on the core's
 * C1-compiled path (the event is on every request from the broker to a component).
 */
final class IotCoreEvent {

    private static final byte[] HEAD = "{\"message\":{\"topicName\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MIDDLE = ",\"payload\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\"}}".getBytes(StandardCharsets.UTF_8);

    private IotCoreEvent() {
    }

    static byte[] json(String topic, byte[] payload) {
        byte[] name = JsonText.quote(topic).getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Base64.getEncoder().encode(payload);
        byte[] out = new byte[HEAD.length + name.length + MIDDLE.length + encoded.length + TAIL.length];
        int at = put(out, 0, HEAD);
        at = put(out, at, name);
        at = put(out, at, MIDDLE);
        at = put(out, at, encoded);
        put(out, at, TAIL);
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
