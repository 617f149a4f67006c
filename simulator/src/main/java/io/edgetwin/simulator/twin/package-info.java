/**
 * Twins as containers: {@link io.edgetwin.simulator.twin.TwinSpec} defines one,
 * {@link io.edgetwin.simulator.twin.Twin} is a running one whichever engine runs it (package
 * {@code runtime} chooses), {@link io.edgetwin.simulator.twin.DeviceTwin} is the container with its caps,
 * {@link io.edgetwin.simulator.twin.TwinImage} builds the image offline, and
 * {@link io.edgetwin.simulator.twin.Reaper} removes what a killed run left behind.
 */
package io.edgetwin.simulator.twin;
