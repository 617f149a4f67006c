/**
 * Observation of twins: {@link io.edgetwin.simulator.measure.StatusTracker} follows the cores' status
 * messages ({@link io.edgetwin.simulator.measure.TwinStatus}); {@link io.edgetwin.simulator.measure.Observer}
 * samples every twin's {@link io.edgetwin.simulator.measure.HostCgroup} and components each second into
 * {@link io.edgetwin.simulator.measure.Series} and turns status changes into {@link io.edgetwin.simulator.measure.Event}s;
 * {@link io.edgetwin.simulator.measure.VariantObservations} holds what report.json v2 adds.
 */
package io.edgetwin.simulator.measure;
