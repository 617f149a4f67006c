/**
 * The machine a run ran on: {@link io.edgetwin.simulator.host.HostProvenance} reads the host's CPU,
 * memory, kernel and cgroup version from {@code /proc} and {@code /sys}, the Docker engine's version
 * and cgroup driver, the twin image's id and the harness's commit, for report.json's provenance.
 */
package io.edgetwin.simulator.host;
