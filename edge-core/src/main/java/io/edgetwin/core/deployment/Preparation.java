package io.edgetwin.core.deployment;

/**
 * What must be done before a deployment may change anything on the device, such as fetching the
 * recipes and artifacts of its components and verifying their digests. The {@link Deployer} calls it
 * first; when it throws, nothing was stopped or started and the outcome is
 * {@code FAILED_NO_STATE_CHANGE}: the components that ran before keep running.
 */
@FunctionalInterface
public interface Preparation {

    /** Nothing to prepare: every recipe is on the device and no component has artifacts to fetch. */
    Preparation NONE = deployment -> { };

    /**
     * @throws PreparationException naming what could not be prepared and why
     */
    void prepare(Deployment deployment);
}
