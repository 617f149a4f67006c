/**
 * Faults: {@link io.edgetwin.simulator.fault.Fault} (the definitions a scenario lists),
 * {@link io.edgetwin.simulator.fault.FaultInjector} (runs them against a {@link io.edgetwin.simulator.fault.Fleet}
 * at their offsets), {@link io.edgetwin.simulator.fault.LinkProxy} (a twin's own TCP link to the broker),
 * {@link io.edgetwin.simulator.fault.LinkRoute} (whether a run's twins need one, or connect straight to the broker) and
 * {@link io.edgetwin.simulator.fault.Reachability} (which twins the load may be sent to).
 */
package io.edgetwin.simulator.fault;
