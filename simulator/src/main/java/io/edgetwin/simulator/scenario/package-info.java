/**
 * Scenario files: {@link io.edgetwin.simulator.scenario.ScenarioReader} turns one into a validated
 * {@link io.edgetwin.simulator.scenario.Scenario} or a {@link io.edgetwin.simulator.scenario.ScenarioException}
 * naming file:line, field and expectation.
 */
package io.edgetwin.simulator.scenario;
