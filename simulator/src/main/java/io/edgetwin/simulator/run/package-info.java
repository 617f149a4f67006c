/**
 * Running a scenario: {@link io.edgetwin.simulator.run.ScenarioRun} is the table of contents of a run,
 * {@link io.edgetwin.simulator.run.VariantRun} runs one variant's fleet, {@link io.edgetwin.simulator.run.Teardown}
 * closes what it started (also on Ctrl-C), {@link io.edgetwin.simulator.run.DeploymentDocument} writes each
 * twin's deployment, {@link io.edgetwin.simulator.run.ValidityCheck} decides VALID or INVALID (with
 * {@link io.edgetwin.simulator.run.SeriesCoverage}: the series a threshold reads were sampled to the end) and
 * {@link io.edgetwin.simulator.run.Timeline} puts windows, series, events and the fleet's status into the report.
 */
package io.edgetwin.simulator.run;
