/**
 * The host around a run. {@link io.edgetwin.simulator.host.HostProbe} reads the host's CPU times
 * ({@link io.edgetwin.simulator.host.CpuTimes}, {@code /proc/stat}) and pressure stall information
 * ({@link io.edgetwin.simulator.host.Pressure}) together with what the run's own twins, broker and
 * harness used ({@link io.edgetwin.simulator.host.OwnUsage}); an
 * {@link io.edgetwin.simulator.host.InterferenceMeter} turns those readings, once a second during a
 * variant's measured part, into what everybody else on the host used.
 * {@link io.edgetwin.simulator.host.HostProvenance} reads the machine a run ran on: the host's CPU,
 * memory, kernel and cgroup version from {@code /proc} and {@code /sys}, the Docker engine's version
 * and cgroup driver, the twin image's id and the harness's commit, for report.json's provenance.
 */
package io.edgetwin.simulator.host;
