/**
 * Load generation: {@link io.edgetwin.simulator.load.ConstantRateLoad} drives an open, constant-rate
 * workload from the model's {@link io.edgetwin.simulator.load.Samples} and returns a
 * {@link io.edgetwin.simulator.load.LoadResult} with the whole latency histogram.
 */
package io.edgetwin.simulator.load;
