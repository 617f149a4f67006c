/**
 * What the core's IPC serves its components, apart from the wire protocol: {@link io.edgetwin.core.ipc.LocalBus}
 * (local pub/sub between components) with {@link io.edgetwin.mqtt.TopicFilter} (MQTT-style wildcards),
 * {@link io.edgetwin.core.ipc.AccessControl} (a component's Greengrass {@code accessControl} policies,
 * deny by default), {@link io.edgetwin.core.ipc.CloudPort} (the core's MQTT link as components reach it)
 * and {@link io.edgetwin.core.ipc.ComponentEvents} (what components tell the core). The protocol itself,
 * Greengrass IPC (event-stream RPC for the AWS IoT Device SDK's client), is
 * {@link io.edgetwin.core.ipc.greengrass}; docs/ipc.md describes it.
 */
package io.edgetwin.core.ipc;
