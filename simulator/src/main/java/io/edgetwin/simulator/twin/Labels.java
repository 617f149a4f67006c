package io.edgetwin.simulator.twin;

import java.util.Map;

/**
 * Labels on everything edgetwin creates in Docker. Without Ryuk (no registry to pull it from) the
 * harness cleans up itself: at the end of a run by its own list, and at the next start by these labels.
 */
public final class Labels {

    public static final String MANAGED = "edgetwin.managed";
    public static final String RUN = "edgetwin.run";
    public static final String OWNER_PID = "edgetwin.owner-pid";

    private Labels() {
    }

    public static Map<String, String> forRun(String runId) {
        return Map.of(MANAGED, "true", RUN, runId, OWNER_PID, Long.toString(ProcessHandle.current().pid()));
    }
}
