/**
 * The core's own MQTT 3.1.1 client: one connection to the broker, built for the request path.
 *
 * <p>{@link io.edgetwin.core.mqtt.MqttConnection} is the entry point. Incoming PUBLISH packets are handed to
 * the {@link io.edgetwin.core.mqtt.MqttListener} on the connection's single reader thread (no hand-off to a
 * callback thread), and PUBLISH packets are written on the caller's thread (no hand-off to a send thread):
 * the two thread wake-ups per request that a general-purpose client (Eclipse Paho 1.2) adds inside the core.
 * The reader also keeps the connection alive (PINGREQ) and declares it lost when the broker falls silent.
 * It speaks only what the core needs: clean sessions, QoS 0 and 1, SUBSCRIBE, no will, no credentials
 * (a device proves who it is with its TLS certificate).
 */
package io.edgetwin.core.mqtt;
