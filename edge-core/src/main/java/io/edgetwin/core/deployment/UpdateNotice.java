package io.edgetwin.core.deployment;

/**
 * What a deployment tells the running components around the change it makes (Greengrass's component
 * update policy, {@code NOTIFY_COMPONENTS}): the {@link Deployer} calls {@link #before} once the
 * deployment is known to be applicable and before it stops, restarts or starts anything, and
 * {@link #after} once it is applied (or failed). {@code before} may hold the deployment for as long as
 * components defer it.
 */
public interface UpdateNotice {

    /** Nobody to tell: deployments go ahead at once. */
    UpdateNotice NONE = new UpdateNotice() {
        @Override
        public void before(String deploymentId) {
        }

        @Override
        public void after(String deploymentId) {
        }
    };

    /** Returns when the deployment may change components; throws when the core is stopping meanwhile. */
    void before(String deploymentId) throws InterruptedException;

    void after(String deploymentId);
}
