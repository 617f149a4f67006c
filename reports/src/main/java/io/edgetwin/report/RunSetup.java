package io.edgetwin.report;

import java.util.Objects;

/**
 * What a run was asked to do, as the top of report.json repeats it: the scenario's name and text,
 * its seed, how the variants shared the host and where artifacts came from.
 *
 * @param artifactBackend {@code null} when the run served no deployment artifacts
 */
public record RunSetup(String scenario, long seed, Execution execution, String scenarioText, String artifactBackend) {

    public RunSetup {
        Checks.name("scenario", scenario);
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(scenarioText, "scenarioText");
    }
}
