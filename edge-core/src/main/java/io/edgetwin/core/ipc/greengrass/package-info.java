/**
 * Greengrass IPC in the core: event-stream RPC over a Unix domain socket, as the AWS IoT Greengrass
 * nucleus serves it, so components built on the AWS IoT Device SDK's {@code GreengrassCoreIPCClientV2}
 * run unmodified. {@link io.edgetwin.core.ipc.greengrass.GreengrassIpcServer} (accepts, authenticates by
 * {@code SVCUID}), {@code RpcConnection} (one component's frames and streams),
 * {@link io.edgetwin.core.ipc.greengrass.RpcFrame} (the wire message), the operations
 * ({@code PubSubOperations}, {@code IotCoreOperations}, {@code ConfigurationOperations},
 * {@code LifecycleOperations}) and what they act on:
 * {@link io.edgetwin.core.ipc.greengrass.ComponentConfigurations},
 * {@link io.edgetwin.core.ipc.greengrass.ComponentUpdates}. Served operations: docs/ipc.md.
 */
package io.edgetwin.core.ipc.greengrass;
