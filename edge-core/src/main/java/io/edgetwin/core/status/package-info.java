/**
 * What the core reports about itself: {@link io.edgetwin.core.status.StatusMessage} builds the status
 * payload.
 */
package io.edgetwin.core.status;
