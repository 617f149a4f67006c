package io.edgetwin.core.ipc;

/** What the IPC server tells the core about components (Greengrass {@code UpdateState}). */
public interface ComponentEvents {

    void reportedState(String component, String state);
}
