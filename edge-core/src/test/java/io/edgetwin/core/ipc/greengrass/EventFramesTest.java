package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.eventstream.Message;

/** Events encoded with headers cached per stream are the very bytes the codec writes, and read back. */
class EventFramesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"jsonMessage\":{\"message\":{\"t\":1},\"context\":{\"topic\":\"a/b\"}}}"})
    void anEventIsTheSameBytesAsTheCodecsEncoding(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        EventFrames frames = new EventFrames(7, "aws.greengrass#SubscriptionResponseMessage");

        assertEquals(RpcFrame.json(MessageType.APPLICATION_MESSAGE, 0, 7, "aws.greengrass#SubscriptionResponseMessage",
                payload).encode(), frames.encode(payload));
    }

    @Test
    void anEventDecodesToItsStreamTypeAndPayload() {
        EventFrames frames = new EventFrames(3, "aws.greengrass#IoTCoreMessage");

        RpcFrame frame = RpcFrame.of(Message.decode(frames.encode("{\"x\":1}".getBytes(StandardCharsets.UTF_8))));

        assertEquals(MessageType.APPLICATION_MESSAGE, frame.type());
        assertEquals(3, frame.streamId());
        assertEquals("aws.greengrass#IoTCoreMessage", frame.string(RpcFrame.SERVICE_MODEL_TYPE));
        assertEquals("{\"x\":1}", new String(frame.payload(), StandardCharsets.UTF_8));
    }
}
