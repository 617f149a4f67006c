/**
 * Observation of twins: {@link io.edgetwin.simulator.measure.StatusTracker} follows the cores' status
 * messages ({@link io.edgetwin.simulator.measure.TwinStatus}).
 */
package io.edgetwin.simulator.measure;
