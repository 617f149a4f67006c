/**
 * Inter-process communication between the core and its components over a Unix domain socket:
 * {@link io.edgetwin.core.ipc.IpcServer} (core side), {@link io.edgetwin.core.ipc.IpcClient} (Java
 * components), {@link io.edgetwin.core.ipc.LocalBus} (local pub/sub) and
 * {@link io.edgetwin.core.ipc.TopicFilter} (MQTT-style wildcards), and
 * {@link io.edgetwin.core.ipc.AccessControl} (a component's Greengrass {@code accessControl} policies
 * for local pub/sub, deny by default). Wire format: docs/ipc.md. These are the JSON-lines protocol and
 * what both protocols share; Greengrass IPC (event-stream RPC for the official SDK client) is
 * {@link io.edgetwin.core.ipc.greengrass}.
 */
package io.edgetwin.core.ipc;
