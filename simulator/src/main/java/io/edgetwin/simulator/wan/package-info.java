/**
 * Wide-area links between a twin and the cloud side: {@link io.edgetwin.simulator.wan.RoundTrip} (a
 * round-trip-time distribution), {@link io.edgetwin.simulator.wan.WanProfile} (a link's RTT, loss and
 * bandwidth, with the built-in {@code wired}, {@code lte-good}, {@code lte-poor}, {@code satellite} and
 * {@code satellite-geo}) and {@link io.edgetwin.simulator.wan.LinkModel} (when each chunk of bytes
 * arrives, from the profile, the time and a seeded random generator). The proxy that applies them is
 * {@link io.edgetwin.simulator.fault.LinkProxy}.
 */
package io.edgetwin.simulator.wan;
