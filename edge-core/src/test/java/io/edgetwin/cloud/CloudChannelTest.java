package io.edgetwin.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The device's channel against a real {@link InferenceServer} on loopback, with a stand-in model. */
class CloudChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode echoAnswer(com.fasterxml.jackson.databind.JsonNode request) {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("id", request.get("id"));
        answer.putArray("inference-results").addObject().put("Label", "normal").put("Score", "0.9000");
        return answer.put("inferenceMicros", 7);
    }

    @Test
    void answersComeBackInOrderWithTheServiceAndNetworkTimesAdded() throws Exception {
        try (InferenceServer server = new InferenceServer(0, CloudChannelTest::echoAnswer, System::nanoTime);
             CloudChannel channel = channelTo(server.port())) {
            List<CompletableFuture<ObjectNode>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(channel.forward(JSON.createObjectNode().put("id", String.valueOf(i)).putNull("input")));
            }
            for (int i = 0; i < 20; i++) {
                ObjectNode answer = answers.get(i).get(5, TimeUnit.SECONDS);
                assertThat(answer.path("id").asText()).isEqualTo(String.valueOf(i));
                assertThat(answer.path("inferenceMicros").asLong()).isEqualTo(7);
                assertThat(answer.has("queueMicros") && answer.has("serviceMicros") && answer.has("networkMicros")).isTrue();
            }
        }
    }

    @Test
    void aServiceThatCannotBeReachedIsAnErrorAnswerAtOnce() throws Exception {
        int deadPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = free.getLocalPort();
        }
        try (CloudChannel channel = channelTo(deadPort)) {
            ObjectNode answer = channel.forward(JSON.createObjectNode().put("id", "9")).get(5, TimeUnit.SECONDS);

            assertThat(answer.path("id").asText()).isEqualTo("9");
            assertThat(answer.path("error").asText()).startsWith("cloud unreachable: ");
        }
    }

    @Test
    void requestsInFlightWhenTheLinkDropsAreAnsweredWithAnErrorAndTheNextOneDialsAgain() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        try (InferenceServer server = new InferenceServer(0, request -> {
            if (request.path("id").asText().equals("slow")) {
                await(hold);
            }
            return echoAnswer(request);
        }, System::nanoTime); CloudChannel channel = channelTo(server.port())) {
            CompletableFuture<ObjectNode> inFlight = channel.forward(JSON.createObjectNode().put("id", "slow"));
            server.dropConnections();

            assertThat(inFlight.get(5, TimeUnit.SECONDS).path("error").asText()).startsWith("cloud link lost");
            hold.countDown();
            assertThat(channel.forward(JSON.createObjectNode().put("id", "next")).get(5, TimeUnit.SECONDS).path("id").asText())
                    .isEqualTo("next");
        }
    }

    @Test
    void aLineThatIsNotJsonGetsAnErrorAnswerAndTheServiceKeepsServing() throws Exception {
        try (InferenceServer server = new InferenceServer(0, CloudChannelTest::echoAnswer, System::nanoTime);
             java.net.Socket raw = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
            raw.getOutputStream().write("not json\n{\"id\":\"2\"}\n".getBytes());
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(raw.getInputStream()));

            assertThat(in.readLine()).contains("\"error\":\"request is not JSON");
            assertThat(in.readLine()).contains("\"id\":\"2\"");
        }
    }

    @Test
    void anEndpointWithoutAPortIsRefusedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudChannel.address("cloud"))
                .hasMessage("cloud inference endpoint 'cloud'; expected host:port");
    }

    private static CloudChannel channelTo(int port) {
        return new CloudChannel(InetSocketAddress.createUnresolved("127.0.0.1", port), Duration.ofSeconds(2), System::nanoTime);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
