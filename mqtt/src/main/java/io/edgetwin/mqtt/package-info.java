/**
 * edgetwin's own MQTT 3.1.1 client: one connection to the broker, built for the request path. The twin's
 * core reaches the broker with it, and so does the harness ({@code io.edgetwin.simulator.broker.BrokerClient}).
 *
 * <p>{@link io.edgetwin.mqtt.MqttConnection} is the entry point. Incoming PUBLISH packets are handed to
 * the {@link io.edgetwin.mqtt.MqttListener} on the connection's single reader thread (no hand-off to a
 * callback thread), and PUBLISH packets are written on the caller's thread (no hand-off to a send thread):
 * the two thread wake-ups per message that a general-purpose client (Eclipse Paho 1.2) adds at each end.
 * The reader also keeps the connection alive (PINGREQ) and declares it lost when the broker falls silent.
 * It speaks only what both need: clean and persistent sessions, QoS 0 and 1, retained messages,
 * SUBSCRIBE, no will, no credentials (a device and the harness prove who they are with their TLS
 * certificates). A lost connection is not reopened here; its owner redials.
 */
package io.edgetwin.mqtt;
