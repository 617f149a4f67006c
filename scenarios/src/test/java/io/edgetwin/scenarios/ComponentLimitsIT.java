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

/** Component limits inside a real twin (cgroup v1 on this platform): the files hold them, the kernel applies them. */
class ComponentLimitsIT {

    private static final String HOG = "com.edgetwin.CpuHog";
    private static final String LEAKER = "com.edgetwin.MemoryLeaker";
    private static final String DEPLOYMENT = """
            {"deploymentId": "limits", "failureHandlingPolicy": "DO_NOTHING", "components": {
              "com.edgetwin.CpuHog": {"version": "1.0.0", "configurationUpdate": {"merge": {"threads": 2}},
                                      "runWith": {"systemResourceLimits": {"memory": 16384, "cpus": 0.25}}},
              "com.edgetwin.MemoryLeaker": {"version": "1.0.0", "configurationUpdate": {"merge": {"leakMbPerSecond": 16}},
                                      "runWith": {"systemResourceLimits": {"memory": 32768}}}}}""";

    private BrokerClient client;
    private OneTwin one;
    private DeviceTwin twin;
    private StatusTracker tracker;

    @BeforeEach
    void startTwin() throws Exception {
        one = OneTwin.start("limits", 512L * 1024 * 1024, DEPLOYMENT);
        twin = one.twin();
        client = one.client();
        tracker = one.tracker();
    }

    @AfterEach
    void stopEverything() throws Exception {
        one.close();
    }

    @Test
    void componentCgroupFilesHoldTheDeployedLimitsAndEveryForkedProcessIsInside() throws Exception {
        tracker.await(twin.spec().thingName(), s -> "RUNNING".equals(state(s, HOG)), Duration.ofSeconds(60));

        String cgroup = "/run/edgetwin/cgroup/memory/docker/*/edgetwin/" + HOG;
        assertEquals("16777216", read(cgroup + "/memory.limit_in_bytes"));
        assertEquals("16777216", read(cgroup + "/memory.memsw.limit_in_bytes"));
        assertEquals("25000", read("/run/edgetwin/cgroup/cpu*/docker/*/edgetwin/" + HOG + "/cpu.cfs_quota_us"));
        TwinStatus busy = tracker.await(twin.spec().thingName(),
                s -> s.components().containsKey(HOG) && s.components().get(HOG).resources().cpuUsageNanos() > 1_000_000_000L,
                Duration.ofSeconds(30));
        assertThat(read(cgroup + "/cgroup.procs").lines().count()).as("the hog's script and the busy loop it forked")
                .isGreaterThanOrEqualTo(2);
        TwinStatus.Resources resources = busy.components().get(HOG).resources();
        assertThat(resources.throttledPeriods()).as("a hog held to a quarter core is throttled").isPositive();
        assertThat(busy.components().get(HOG).enforced()).isTrue();
    }

    @Test
    void aLeakerOverItsMemoryLimitIsOomKilledAloneAndRestarted() throws Exception {
        TwinStatus status = tracker.await(twin.spec().thingName(),
                s -> s.components().containsKey(LEAKER) && s.components().get(LEAKER).restarts() >= 1, Duration.ofSeconds(90));

        TwinStatus.Component leaker = status.components().get(LEAKER);
        assertThat(leaker.lastExit()).startsWith("OOM_KILLED");
        assertThat(leaker.resources().oomKills()).isPositive();
        assertThat(status.oomKills()).as("the twin itself was not OOM-killed").isZero();
        assertEquals("RUNNING", state(status, HOG));
        assertThat(twin.isRunning()).isTrue();
    }

    @Test
    void aDeploymentThatChangesOnlyLimitsAppliesThemLiveWithoutARestart() throws Exception {
        String thing = twin.spec().thingName();
        tracker.await(thing, s -> "RUNNING".equals(state(s, HOG)), Duration.ofSeconds(60));
        String cgroup = "/run/edgetwin/cgroup/cpu*/docker/*/edgetwin/" + HOG;
        String pidsBefore = read(cgroup + "/cgroup.procs");

        client.publish("edgetwin/" + thing + "/deployment", DEPLOYMENT.replace("\"limits\"", "\"limits-2\"")
                .replace("\"memory\": 16384, \"cpus\": 0.25", "\"memory\": 16384, \"cpus\": 0.5").getBytes(), 1);
        TwinStatus after = tracker.await(thing, s -> s.deployment() != null && "limits-2".equals(s.deployment().id()),
                Duration.ofSeconds(30));

        assertEquals("SUCCESSFUL", after.deployment().status());
        assertEquals("50000", read(cgroup + "/cpu.cfs_quota_us"));
        assertEquals(pidsBefore, read(cgroup + "/cgroup.procs"), "the same processes, not restarted");
        assertEquals(0, after.components().get(HOG).restarts());
        assertEquals(0.5, after.components().get(HOG).limits().cpus());
    }

    @Test
    void aDeploymentWhoseComponentBreaksIsRolledBackToThePreviousOne() throws Exception {
        String thing = twin.spec().thingName();
        tracker.await(thing, s -> s.deployment() != null && "limits".equals(s.deployment().id()), Duration.ofSeconds(60));
        String crashing = """
                {"deploymentId": "crashing", "failureHandlingPolicy": "ROLLBACK", "components": {
                  "com.edgetwin.Crasher": {"version": "1.0.0", "configurationUpdate": {"merge": {"afterSeconds": 0}}}}}""";

        client.publish("edgetwin/" + thing + "/deployment", crashing.getBytes(), 1);
        TwinStatus after = tracker.await(thing, s -> "crashing".equals(s.deployment().id()), Duration.ofSeconds(60));

        assertEquals("FAILED_ROLLBACK_COMPLETE", after.deployment().status());
        assertThat(after.deployment().reason()).contains("com.edgetwin.Crasher").contains("BROKEN");
        assertThat(after.components()).containsKeys(HOG, LEAKER).doesNotContainKey("com.edgetwin.Crasher");
    }

    @Test
    void aDeploymentNamingAnUnknownComponentIsRejectedAndNothingChanges() throws Exception {
        String thing = twin.spec().thingName();
        tracker.await(thing, s -> s.deployment() != null && "limits".equals(s.deployment().id()), Duration.ofSeconds(60));

        client.publish("edgetwin/" + thing + "/deployment",
                "{\"deploymentId\": \"bad\", \"components\": {\"com.example.Nope\": {\"version\": \"9.9.9\"}}}".getBytes(), 1);
        TwinStatus after = tracker.await(thing, s -> "bad".equals(s.deployment().id()), Duration.ofSeconds(30));

        assertEquals("REJECTED", after.deployment().status());
        assertThat(after.deployment().reason()).contains("com.example.Nope");
        assertThat(after.components()).containsKeys(HOG, LEAKER);
        assertThat(twin.isRunning()).isTrue();
    }

    private static String state(TwinStatus status, String component) {
        TwinStatus.Component c = status.components().get(component);
        return c == null ? "" : c.state();
    }

    private String read(String glob) {
        return twin.exec("sh", "-c", "cat " + glob).trim();
    }
}
