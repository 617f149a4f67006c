/**
 * Component lifecycle: {@link io.edgetwin.core.component.ComponentState} owns the legal transitions,
 * {@link io.edgetwin.core.component.Component} runs one component as its own OS process,
 * {@link io.edgetwin.core.component.RecipeVariables} resolves recipe variables in its script.
 */
package io.edgetwin.core.component;
