/**
 * Sizing: the smallest {@code systemResourceLimits} that keep one component within its SLOs, proven by a
 * confirm run (docs/sizing.md). {@link io.edgetwin.simulator.sizing.SizingSearch} observes the component at
 * the top of the ranges, brackets memory and CPU from what it used and bisects both inside their brackets
 * through a {@link io.edgetwin.simulator.sizing.TrialRunner}; {@link io.edgetwin.simulator.sizing.TwinTrialRunner}
 * runs each trial on a real twin and {@link io.edgetwin.simulator.sizing.TrialClassifier} names why a trial
 * failed; {@link io.edgetwin.simulator.sizing.Headroom} turns the minimum into a recommendation and
 * {@link io.edgetwin.simulator.sizing.SizingFiles} writes sizing.json, sizing.html and deployment-snippet.json.
 */
package io.edgetwin.simulator.sizing;
