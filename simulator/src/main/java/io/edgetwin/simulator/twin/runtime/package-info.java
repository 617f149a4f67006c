/**
 * Which engine runs the twins: {@link io.edgetwin.simulator.twin.runtime.TwinRuntime} is the seam (one
 * entry point, {@code start}), {@link io.edgetwin.simulator.twin.runtime.DockerRuntime} runs each twin as
 * a container of the local Docker engine.
 */
package io.edgetwin.simulator.twin.runtime;
