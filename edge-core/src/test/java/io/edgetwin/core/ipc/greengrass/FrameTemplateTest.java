package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.eventstream.Message;

/** Messages encoded from a template are the very bytes the codec writes, for any stream, and read back. */
class FrameTemplateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "APPLICATION_MESSAGE|0|7|aws.greengrass#SubscriptionResponseMessage|{\"jsonMessage\":{\"message\":{\"t\":1}}}",
        "APPLICATION_MESSAGE|2|1|aws.greengrass#PublishToTopicResponse|{}",
        "APPLICATION_MESSAGE|2|2147483647|aws.greengrass#PublishToTopicResponse|''",
        "APPLICATION_ERROR|2|300|aws.greengrass#UnauthorizedError|{\"message\":\"no\"}",
        "APPLICATION_ERROR|2|65536||{\"error\":\"Unsupported Operation\"}"})
    void aMessageIsTheSameBytesAsTheCodecsEncoding(MessageType type, int flags, int streamId, String modelType, String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        assertEquals(RpcFrame.json(type, flags, streamId, modelType, payload).encode(),
                FrameTemplate.of(type, flags, modelType).encode(streamId, payload));
    }

    @Test
    void aMessageDecodesToItsStreamTypeAndPayload() {
        FrameTemplate events = FrameTemplate.of(MessageType.APPLICATION_MESSAGE, 0, "aws.greengrass#IoTCoreMessage");

        RpcFrame frame = RpcFrame.of(Message.decode(events.encode(3, "{\"x\":1}".getBytes(StandardCharsets.UTF_8))));

        assertEquals(MessageType.APPLICATION_MESSAGE, frame.type());
        assertEquals(3, frame.streamId());
        assertEquals("aws.greengrass#IoTCoreMessage", frame.string(RpcFrame.SERVICE_MODEL_TYPE));
        assertEquals("{\"x\":1}", new String(frame.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void oneTemplatePerKind() {
        assertSame(FrameTemplate.of(MessageType.APPLICATION_MESSAGE, 2, "m"), FrameTemplate.of(MessageType.APPLICATION_MESSAGE, 2, "m"));
    }
}
