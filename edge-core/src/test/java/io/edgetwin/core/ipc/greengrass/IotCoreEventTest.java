package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.aws.greengrass.model.IoTCoreMessage;

/** The hand-written IoT Core event reads back, through the official service model, as the message it carries. */
class IotCoreEventTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "edgetwin/t1/inference/request|{\"id\":1,\"input\":[0.5,1.25]}",
        "a/\"quoted\"/<b>&='c'\\d|x",
        "sensors/é/温度|''",
        "t|ab",
        "t|abc"})
    void anEventReadsBackAsItsTopicAndPayload(String topic, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);

        IoTCoreMessage read = GreengrassCoreIPCServiceModel.getInstance()
                .fromJson(IoTCoreMessage.class, IotCoreEvent.json(topic, bytes));

        assertEquals(topic, read.getMessage().getTopicName());
        assertArrayEquals(bytes, read.getMessage().getPayload());
    }
}
