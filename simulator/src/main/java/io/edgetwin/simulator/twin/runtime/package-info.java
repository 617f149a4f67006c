/**
 * Which engine runs the twins: {@link io.edgetwin.simulator.twin.runtime.TwinRuntime} is the seam (one
 * entry point, {@code start}), chosen per run by {@link io.edgetwin.simulator.twin.runtime.EngineChoice}.
 * {@link io.edgetwin.simulator.twin.runtime.DockerRuntime} runs each twin as a container of the local
 * Docker engine; {@link io.edgetwin.simulator.twin.runtime.SwarmRuntime} as a one-replica service of a
 * Docker swarm ({@code SwarmTwin}), its image pulled by digest from a registry ({@code LocalRegistry}),
 * and {@link io.edgetwin.simulator.twin.runtime.SwarmLeftovers} reaps what a killed swarm run left.
 */
package io.edgetwin.simulator.twin.runtime;
