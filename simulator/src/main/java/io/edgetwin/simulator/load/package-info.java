/**
 * Load generation: an {@link io.edgetwin.simulator.load.Arrival} (constant, Poisson, steps, burst,
 * replay, closed) gives a {@link io.edgetwin.simulator.load.Schedule}; the
 * {@link io.edgetwin.simulator.load.LoadDriver} sends it through a {@link io.edgetwin.simulator.load.Transport}
 * and returns a {@link io.edgetwin.simulator.load.LoadResult} with whole histograms and per-window results;
 * a {@link io.edgetwin.simulator.load.SendTimeline} sends several open workloads from one thread.
 * {@link io.edgetwin.simulator.load.ReplayTrace} reads recorded arrival traces.
 */
package io.edgetwin.simulator.load;
