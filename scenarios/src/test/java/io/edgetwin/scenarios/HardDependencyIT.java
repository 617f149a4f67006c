package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.twin.DeviceTwin;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dependency order inside a real twin: a component with a HARD dependency on the crash-looping
 * {@code com.edgetwin.Crasher} starts once the Crasher runs, and is stopped, process and all, when the
 * Crasher becomes BROKEN. The dependent's recipe is copied into the twin's recipe directory after the
 * core started, as a local deployment brings its recipes.
 */
class HardDependencyIT {

    private static final String CRASHER = "com.edgetwin.Crasher";
    private static final String DASHBOARD = "com.example.Dashboard";
    private static final String DASHBOARD_RECIPE = """
            RecipeFormatVersion: '2020-01-25'
            ComponentName: com.example.Dashboard
            ComponentVersion: '1.0.0'
            ComponentDependencies:
              com.edgetwin.Crasher: {VersionRequirement: '^1.0.0', DependencyType: HARD}
            Manifests:
              - Lifecycle:
                  Run: echo $$ > /tmp/dashboard.pid; exec sleep 987
            """;
    private static final String DEPLOYMENT = """
            {"deploymentId": "dependent", "failureHandlingPolicy": "DO_NOTHING", "components": {
              "com.edgetwin.Crasher": {"version": "1.0.0", "configurationUpdate": {"merge": {"afterSeconds": 1}}},
              "com.example.Dashboard": {"version": "1.0.0"}}}""";

    private BrokerClient client;
    private OneTwin one;
    private DeviceTwin twin;
    private StatusTracker tracker;

    @BeforeEach
    void startTwin() throws Exception {
        one = OneTwin.start("dependency", 256L * 1024 * 1024, "{\"deploymentId\": \"empty\", \"components\": {}}");
        twin = one.twin();
        client = one.client();
        tracker = one.tracker();
    }

    @AfterEach
    void stopEverything() throws Exception {
        one.close();
    }

    @Test
    void aBrokenHardDependencyStopsItsDependentAndItsProcess() throws Exception {
        String thing = twin.spec().thingName();
        tracker.await(thing, s -> s.deployment() != null && "empty".equals(s.deployment().id()), Duration.ofSeconds(60));
        twin.exec("sh", "-c", "cat > /opt/edgetwin/recipes/com.example.Dashboard-1.0.0.yaml <<'EOF'\n"
                + DASHBOARD_RECIPE + "EOF\n");

        client.publish("edgetwin/" + thing + "/deployment", DEPLOYMENT.getBytes(), 1);
        tracker.await(thing, s -> "RUNNING".equals(state(s, DASHBOARD)), Duration.ofSeconds(30));
        String dashboardPid = twin.exec("cat", "/tmp/dashboard.pid").trim();
        TwinStatus broken = tracker.await(thing, s -> "BROKEN".equals(state(s, CRASHER))
                && "FINISHED".equals(state(s, DASHBOARD)), Duration.ofSeconds(60));

        assertThat(broken.components().get(DASHBOARD).lastExit())
                .isEqualTo("STOPPED: HARD dependency '" + CRASHER + "' is BROKEN");
        assertThat(broken.components().get(CRASHER).lastExit()).isEqualTo("RUN_ERROR exit 3");
        assertThat(twin.exec("sh", "-c", "kill -0 " + dashboardPid + " 2>/dev/null && echo alive || echo gone").trim())
                .as("the dependent's process").isEqualTo("gone");
        TwinStatus outcome = tracker.await(thing, s -> "dependent".equals(s.deployment().id()), Duration.ofSeconds(30));
        assertEquals("FAILED_ROLLBACK_NOT_REQUESTED", outcome.deployment().status());
        assertThat(twin.isRunning()).isTrue();
    }

    private static String state(TwinStatus status, String component) {
        TwinStatus.Component c = status.components().get(component);
        return c == null ? "" : c.state();
    }
}
