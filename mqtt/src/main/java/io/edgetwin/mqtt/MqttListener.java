package io.edgetwin.mqtt;

/**
 * What a {@link MqttConnection} tells its owner. Both methods run on the connection's reader thread
 * ({@link #lost} may also run on a thread whose write failed) and must not block: a slow
 * {@link #message} holds every packet behind it, PUBACKs included.
 */
public interface MqttListener {

    /** A PUBLISH arrived (QoS 0 or 1); its PUBACK is sent after this returns. */
    void message(String topic, byte[] payload);

    /** The connection is gone for {@code cause} (not called after {@link MqttConnection#close}); called once. */
    void lost(Throwable cause);
}
