/**
 * The JUnit 5 kit: {@link io.edgetwin.simulator.junit.EdgeScenario} runs a scenario on real twins as
 * a test, and {@link io.edgetwin.simulator.junit.ScenarioTestKit} does the same from code. See
 * docs/junit.md.
 */
package io.edgetwin.simulator.junit;
