package io.edgetwin.core.ipc.greengrass;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"t\":17,\"p\":\"xx\"}", "{ \"a\" : [1, 2.50, {\"b\": null}] }", "[1,2]", "\"text \\\" quoted\"",
            "12.5e3", "-7", "true", "null", "{}"})
    void aJsonMessageIsTheTextTheComponentSentByteForByte(String message) {
        PublishRequest request = read("{\"topic\":\"sensors/a\",\"publishMessage\":{\"jsonMessage\":{\"message\":" + message
                + ",\"context\":{\"topic\":\"x\"}}}}");

        assertThat(request.topic()).isEqualTo("sensors/a");
        assertThat(request.json()).isTrue();
        assertThat(new String(request.payload(), StandardCharsets.UTF_8)).isEqualTo(message);
    }

    @Test
    void aBinaryMessageIsDecodedAndAJsonMessageWithoutBodyIsAnEmptyObject() {
        PublishRequest binary = read("{\"publishMessage\":{\"binaryMessage\":{\"message\":\"AAEC\"}},\"topic\":\"t\"}");
        PublishRequest empty = read("{\"topic\":\"t\",\"publishMessage\":{\"jsonMessage\":{}}}");

        assertThat(binary.json()).isFalse();
        assertThat(binary.payload()).containsExactly(0, 1, 2);
        assertThat(new String(empty.payload(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"topic\":\"t\"}", "{\"topic\":\"\",\"publishMessage\":{\"jsonMessage\":{}}}",
            "{\"topic\":3,\"publishMessage\":{\"jsonMessage\":{}}}",
            "{\"topic\":\"t\",\"publishMessage\":{\"jsonMessage\":{},\"binaryMessage\":{}}}",
            "{\"topic\":\"t\",\"publishMessage\":{\"jsonMessage\":null}}",
            "{\"topic\":\"t\",\"topic\":\"u\",\"publishMessage\":{\"jsonMessage\":{}}}",
            "{\"topic\":\"t\",\"publishMessage\":{\"binaryMessage\":{\"message\":\"not base64!\"}}}",
            "{\"topic\":\"t\",\"publishMessage\":{\"jsonMessage\":{}}} trailing"})
    void anythingButThePlainShapeIsLeftToTheStrictReader(String request) {
        assertThat(PublishRequest.read(request.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    private static PublishRequest read(String request) {
        PublishRequest read = PublishRequest.read(request.getBytes(StandardCharsets.UTF_8));
        assertThat(read).as(request).isNotNull();
        return read;
    }
}
