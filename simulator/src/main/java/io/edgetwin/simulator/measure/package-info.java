/**
 * Observation of twins: {@link io.edgetwin.simulator.measure.StatusTracker} follows the cores' status
 * messages ({@link io.edgetwin.simulator.measure.TwinStatus}); {@link io.edgetwin.simulator.measure.Observer}
 * samples every twin's {@link io.edgetwin.simulator.measure.HostCgroup} (found in the host's
 * {@link io.edgetwin.simulator.measure.CgroupLayout}, cgroup v1 or v2, read as a
 * {@link io.edgetwin.simulator.measure.ContainerCgroup}) and components each second into
 * {@link io.edgetwin.simulator.measure.Series}, notes every {@link io.edgetwin.simulator.measure.SeriesGap}
 * it could not sample, and turns status changes into {@link io.edgetwin.simulator.measure.Event}s.
 */
package io.edgetwin.simulator.measure;
