package io.edgetwin.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The forwarder's request path without the IPC client: bytes from the broker in, an answer out. */
class CloudForwarderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestIsAnsweredWithWhatTheServiceSaidAndItsNetworkTime() throws Exception {
        BlockingQueue<ObjectNode> answers = new LinkedBlockingQueue<>();
        try (InferenceServer server = new InferenceServer(0, request -> JSON.createObjectNode().set("id", request.get("id")),
                System::nanoTime);
             CloudChannel channel = new CloudChannel(InetSocketAddress.createUnresolved("127.0.0.1", server.port()),
                     Duration.ofSeconds(2), System::nanoTime)) {
            CloudForwarder forwarder = new CloudForwarder(channel, answers::add);

            forwarder.request("{\"id\":\"5\",\"input\":[1,2]}".getBytes(StandardCharsets.UTF_8));

            ObjectNode answer = answers.poll(5, TimeUnit.SECONDS);
            assertThat(answer.path("id").asText()).isEqualTo("5");
            assertThat(answer.has("networkMicros")).isTrue();
        }
    }

    @Test
    void aPayloadThatIsNotJsonIsAnsweredWithAnErrorWithoutReachingTheCloud() throws Exception {
        BlockingQueue<ObjectNode> answers = new LinkedBlockingQueue<>();
        CloudChannel nowhere = new CloudChannel(InetSocketAddress.createUnresolved("127.0.0.1", 1), Duration.ofMillis(100),
                System::nanoTime);
        CloudForwarder forwarder = new CloudForwarder(nowhere, answers::add);

        forwarder.request("not json".getBytes(StandardCharsets.UTF_8));

        assertThat(answers.poll(5, TimeUnit.SECONDS).path("error").asText()).startsWith("request is not JSON");
    }
}
