/**
 * Resources of the device and its components: {@link io.edgetwin.core.resources.DeviceCgroup} reads the
 * caps the twin really got, {@link io.edgetwin.core.resources.ResourceLimits} holds a component's
 * Greengrass {@code systemResourceLimits}.
 */
package io.edgetwin.core.resources;
