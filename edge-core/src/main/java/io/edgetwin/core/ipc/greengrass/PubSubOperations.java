package io.edgetwin.core.ipc.greengrass;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.edgetwin.core.ipc.AccessControl;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.ipc.Subscriber;
import io.edgetwin.mqtt.TopicFilter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.aws.greengrass.model.ReceiveMode;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToTopicResponse;

/**
 * {@code PublishToTopic} and {@code SubscribeToTopic} on the core's {@link LocalBus}, under the
 * component's {@code aws.greengrass.ipc.pubsub} policies. A JSON message reaches subscribers as the
 * same JSON text (numbers keep their digits), a binary one as the same bytes; the JSON is cut out of
 * the request and embedded in the event, never parsed into a tree or re-serialised, on this hot path.
 */
final class PubSubOperations {

    static final String PUBLISH = "aws.greengrass#PublishToTopic";
    static final String SUBSCRIBE = "aws.greengrass#SubscribeToTopic";
    static final String MESSAGE_TYPE = "aws.greengrass#SubscriptionResponseMessage";

    /** Written by hand: the service model (and Gson) load only once a component uses Greengrass IPC. */
    private static final Reply PUBLISHED = new Reply("aws.greengrass#PublishToTopicResponse",
            "{}".getBytes(StandardCharsets.US_ASCII));

    private final LocalBus bus;
    private final AccessRegistry access;

    PubSubOperations(LocalBus bus, AccessRegistry access) {
        this.bus = bus;
        this.access = access;
    }

    Map<String, Operation> operations() {
        return Map.of(PUBLISH, this::publish, SUBSCRIBE, this::subscribe);
    }

    private Reply publish(Caller caller, byte[] request, OperationStream stream) {
        PublishRequest plain = PublishRequest.read(request);
        if (plain == null) {
            return publishStrictly(caller, request);
        }
        try {
            TopicFilter.requirePublishTopic(plain.topic());
        } catch (IllegalArgumentException e) {
            throw Errors.invalid(e.getMessage());
        }
        access.requirePubSub(caller.component(), AccessControl.PUBLISH, plain.topic());
        bus.publish(caller.component(), plain.topic(), plain.payload(), plain.json());
        return PUBLISHED;
    }

    /** A request {@link PublishRequest} does not read: read as a tree, so its error names what is wrong. */
    private Reply publishStrictly(Caller caller, byte[] request) {
        JsonObject json = object(JsonParser.parseString(new String(request, StandardCharsets.UTF_8)), "request");
        String topic = string(json, "topic");
        try {
            TopicFilter.requirePublishTopic(topic);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid(e.getMessage());
        }
        JsonObject message = object(json.get("publishMessage"), "publishMessage");
        JsonElement jsonMessage = message.get("jsonMessage");
        JsonElement binaryMessage = message.get("binaryMessage");
        if ((jsonMessage == null) == (binaryMessage == null)) {
            throw Errors.invalid("publishMessage has " + message.keySet() + "; expected exactly one of jsonMessage or binaryMessage");
        }
        access.requirePubSub(caller.component(), AccessControl.PUBLISH, topic);
        if (jsonMessage != null) {
            JsonElement body = object(jsonMessage, "jsonMessage").get("message");
            byte[] payload = (body == null ? "{}" : body.toString()).getBytes(StandardCharsets.UTF_8);
            bus.publish(caller.component(), topic, payload, true);
        } else {
            JsonElement body = object(binaryMessage, "binaryMessage").get("message");
            byte[] payload = body == null || body.isJsonNull() ? new byte[0] : Base64.getDecoder().decode(body.getAsString());
            bus.publish(caller.component(), topic, payload, false);
        }
        return PUBLISHED;
    }

    private Reply subscribe(Caller caller, byte[] request, OperationStream stream) {
        SubscribeToTopicRequest subscribe = GreengrassCoreIPCServiceModel.getInstance()
                .fromJson(SubscribeToTopicRequest.class, request);
        TopicFilter filter;
        try {
            filter = new TopicFilter(subscribe.getTopic() == null ? "" : subscribe.getTopic());
        } catch (IllegalArgumentException e) {
            throw Errors.invalid(e.getMessage());
        }
        access.requirePubSub(caller.component(), AccessControl.SUBSCRIBE, filter.filter());
        boolean receiveOwn = subscribe.getReceiveMode() != ReceiveMode.RECEIVE_MESSAGES_FROM_OTHERS;
        LocalBus.Subscription subscription = bus.subscribe(caller.component(), filter, receiveOwn, new Subscriber() {
            @Override
            public void deliver(String topic, byte[] payload) {
                deliver(topic, payload, false);
            }

            @Override
            public void deliver(String topic, byte[] payload, boolean json) {
                stream.send(MESSAGE_TYPE, event(topic, payload, json));
            }
        });
        stream.onClose(() -> bus.unsubscribe(subscription));
        return Reply.of(new SubscribeToTopicResponse().withTopicName(filter.filter()));
    }

    /** A SubscriptionResponseMessage: JSON objects embedded as they are, anything else as base64 bytes. */
    static byte[] event(String topic, byte[] payload, boolean json) {
        String context = ",\"context\":{\"topic\":" + JsonText.quote(topic) + "}}}";
        if (json && startsObject(payload)) {
            byte[] head = "{\"jsonMessage\":{\"message\":".getBytes(StandardCharsets.US_ASCII);
            byte[] tail = context.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + payload.length + tail.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(payload, 0, out, head.length, payload.length);
            System.arraycopy(tail, 0, out, head.length + payload.length, tail.length);
            return out;
        }
        return ("{\"binaryMessage\":{\"message\":\"" + Base64.getEncoder().encodeToString(payload) + "\"" + context)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsObject(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }

    private static JsonObject object(JsonElement element, String field) {
        if (element == null || !element.isJsonObject()) {
            throw Errors.invalid(field + " is " + (element == null ? "missing" : element) + "; expected an object");
        }
        return element.getAsJsonObject();
    }

    private static String string(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isEmpty()) {
            throw Errors.invalid(field + " is " + (value == null ? "missing" : value) + "; expected a non-empty string");
        }
        return value.getAsString();
    }
}
