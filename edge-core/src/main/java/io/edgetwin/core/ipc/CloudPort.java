package io.edgetwin.core.ipc;

/**
 * What components may do with the MQTT link to the cloud side, through the core (Greengrass
 * {@code PublishToIoTCore} / {@code SubscribeToIoTCore}).
 */
public interface CloudPort {

    void publish(String topic, byte[] payload, int qos);

    /** Subscribes on the broker; messages arrive on MQTT's callback thread. Returns a handle to cancel. */
    AutoCloseable subscribe(String filter, Subscriber subscriber);
}
