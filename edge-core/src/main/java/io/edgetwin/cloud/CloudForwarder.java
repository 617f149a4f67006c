package io.edgetwin.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.IoTCoreMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.QOS;
import software.amazon.awssdk.aws.greengrass.model.ReportedLifecycleState;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;

/**
 * The twin's component in a cloud placement: it takes each inference request where the inference
 * component would ({@code edgetwin/<thing>/inference/request}), forwards it to the cloud inference
 * service through the twin's WAN link ({@code EDGETWIN_CLOUD_INFERENCE=host:port}) and answers on
 * {@code edgetwin/<thing>/inference/response} with what came back, {@code networkMicros} added. While
 * the cloud cannot be reached each request is answered with an error at once. Written against the
 * AWS IoT Device SDK's Greengrass IPC client only, so it runs on the nucleus as well.
 */
public final class CloudForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(CloudForwarder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudChannel channel;
    private final Consumer<ObjectNode> answers;

    /** Forwards over {@code channel}; every answer (or error answer) goes to {@code answers}. */
    CloudForwarder(CloudChannel channel, Consumer<ObjectNode> answers) {
        this.channel = channel;
        this.answers = answers;
    }

    public static void main(String[] args) throws Exception {
        String thing = System.getenv("AWS_IOT_THING_NAME");
        CloudChannel channel = new CloudChannel(CloudChannel.address(System.getenv("EDGETWIN_CLOUD_INFERENCE")),
                Duration.ofSeconds(2), System::nanoTime);
        String responses = "edgetwin/" + thing + "/inference/response";
        try (GreengrassCoreIPCClientV2 ipc = GreengrassCoreIPCClientV2.builder().build(); channel) {
            CloudForwarder forwarder = new CloudForwarder(channel, answer -> ipc.publishToIoTCoreAsync(
                    new PublishToIoTCoreRequest().withTopicName(responses).withQos(QOS.AT_LEAST_ONCE)
                            .withPayload(answer.toString().getBytes(StandardCharsets.UTF_8))));
            ipc.subscribeToIoTCore(new SubscribeToIoTCoreRequest().withTopicName("edgetwin/" + thing + "/inference/request")
                            .withQos(QOS.AT_LEAST_ONCE), (IoTCoreMessage message) -> forwarder.request(message.getMessage().getPayload()),
                    Optional.empty(), Optional.empty());
            ipc.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));
            LOG.info("cloud-forwarder-running thing={} service={}", thing, System.getenv("EDGETWIN_CLOUD_INFERENCE"));
            Thread.currentThread().join(); // a long-running component: the core stops it
        }
    }

    /** One request as it came from the broker; a payload that is not JSON is answered with an error here. */
    void request(byte[] payload) {
        JsonNode request;
        try {
            request = JSON.readTree(payload);
        } catch (IOException e) {
            answers.accept(JSON.createObjectNode().put("error", "request is not JSON; expected {\"id\": ..., \"input\": [...]}"));
            return;
        }
        channel.forward(request).thenAccept(answers);
    }
}
