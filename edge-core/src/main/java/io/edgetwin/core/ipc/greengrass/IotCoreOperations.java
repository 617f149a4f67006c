package io.edgetwin.core.ipc.greengrass;

import io.edgetwin.core.ipc.AccessControl;
import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.mqtt.TopicFilter;
import java.util.Map;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCServiceModel;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreResponse;
import software.amazon.awssdk.aws.greengrass.model.QOS;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToIoTCoreResponse;

/**
 * {@code PublishToIoTCore} and {@code SubscribeToIoTCore} through the core's own MQTT connection and
 * spooler ({@link CloudPort}), under the component's {@code aws.greengrass.ipc.mqttproxy} policies.
 * A publish is answered once the core took the message (sent or spooled), as the nucleus does.
 */
final class IotCoreOperations {

    static final String PUBLISH = "aws.greengrass#PublishToIoTCore";
    static final String SUBSCRIBE = "aws.greengrass#SubscribeToIoTCore";
    static final String MESSAGE_TYPE = "aws.greengrass#IoTCoreMessage";

    private final CloudPort cloud;
    private final AccessRegistry access;

    IotCoreOperations(CloudPort cloud, AccessRegistry access) {
        this.cloud = cloud;
        this.access = access;
    }

    Map<String, Operation> operations() {
        return Map.of(PUBLISH, this::publish, SUBSCRIBE, this::subscribe);
    }

    private Reply publish(Caller caller, byte[] request, OperationStream stream) {
        PublishToIoTCoreRequest publish = GreengrassCoreIPCServiceModel.getInstance()
                .fromJson(PublishToIoTCoreRequest.class, request);
        String topic = publish.getTopicName();
        try {
            TopicFilter.requirePublishTopic(topic);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid("topicName: " + e.getMessage());
        }
        access.requireMqttProxy(caller.component(), AccessControl.PUBLISH_TO_IOT_CORE, topic);
        byte[] payload = publish.getPayload() == null ? new byte[0] : publish.getPayload();
        cloud.publish(topic, payload, qos(publish.getQosAsString()));
        return Reply.of(new PublishToIoTCoreResponse());
    }

    private Reply subscribe(Caller caller, byte[] request, OperationStream stream) {
        SubscribeToIoTCoreRequest subscribe = GreengrassCoreIPCServiceModel.getInstance()
                .fromJson(SubscribeToIoTCoreRequest.class, request);
        TopicFilter filter;
        try {
            filter = new TopicFilter(subscribe.getTopicName() == null ? "" : subscribe.getTopicName());
        } catch (IllegalArgumentException e) {
            throw Errors.invalid("topicName: " + e.getMessage());
        }
        qos(subscribe.getQosAsString());
        access.requireMqttProxy(caller.component(), AccessControl.SUBSCRIBE_TO_IOT_CORE, filter.filter());
        AutoCloseable subscription;
        try {
            subscription = cloud.subscribe(filter.filter(),
                    (topic, payload) -> stream.send(MESSAGE_TYPE, IotCoreEvent.json(topic, payload)));
        } catch (RuntimeException e) {
            throw Errors.service("the core could not subscribe to '" + filter.filter() + "' on the broker: " + e.getMessage());
        }
        stream.onClose(subscription);
        return Reply.of(new SubscribeToIoTCoreResponse());
    }

    /** QoS 0 (also when absent) or 1, as Greengrass allows. */
    private static int qos(String qos) {
        if (qos == null || qos.equals(QOS.AT_MOST_ONCE.getValue())) {
            return 0;
        }
        if (qos.equals(QOS.AT_LEAST_ONCE.getValue())) {
            return 1;
        }
        throw Errors.invalid("qos is '" + qos + "'; expected 0 or 1");
    }
}
