/**
 * Scenario files: {@link io.edgetwin.simulator.scenario.ScenarioReader} turns one into a validated
 * {@link io.edgetwin.simulator.scenario.Scenario} or a {@link io.edgetwin.simulator.scenario.ScenarioException}
 * naming file:line, field and expectation. {@link io.edgetwin.simulator.scenario.ScenarioYaml} reads the file
 * within fixed limits (size, depth, expanded nodes, tags) before any field is looked at.
 */
package io.edgetwin.simulator.scenario;
