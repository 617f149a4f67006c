/**
 * The edge core that runs as the main process of each twin: {@link io.edgetwin.core.EdgeCore} is the
 * composition root, {@link io.edgetwin.core.CoreSettings} its environment.
 */
package io.edgetwin.core;
