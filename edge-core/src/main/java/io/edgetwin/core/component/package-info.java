/**
 * Component lifecycle: {@link io.edgetwin.core.component.ComponentState} owns the legal transitions,
 * {@link io.edgetwin.core.component.Component} drives one component through install, startup, run,
 * recover and shutdown, {@link io.edgetwin.core.component.StepLauncher} and
 * {@link io.edgetwin.core.component.StepProcess} run one step as its own OS process with its timeout,
 * {@link io.edgetwin.core.component.ComponentProcesses} reaches what the steps left in the cgroup,
 * {@link io.edgetwin.core.component.StatusCode} says why a component is in its state, and
 * {@link io.edgetwin.core.component.RecipeVariables} resolves recipe variables in scripts.
 */
package io.edgetwin.core.component;
