package io.edgetwin.simulator.twin.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Engine;
import io.edgetwin.simulator.twin.TwinCredentials;
import io.edgetwin.simulator.twin.TwinSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a twin becomes a swarm service, without a swarm: its arguments, names and task states. */
class SwarmServiceTest {

    private static final TwinSpec SPEC = new TwinSpec("quickstart-limited-1", "edgetwin/twin:abc",
            new DeviceSpec(768L << 20, 768L << 20, 1.0, 512), "tcp://127.0.0.1:4000", "{}", "r1",
            Map.of("EDGETWIN_S3", "http://127.0.0.1:9000"));

    @Test
    void aTwinsServiceCarriesTheDeviceCapsAsLimitsAndTheCapabilityForComponentCgroups() {
        List<String> args = SwarmTwin.createCommand(SPEC, "edgetwin-r1-quickstart-limited-1", "reg:5000/edgetwin/twin@sha256:00");

        assertThat(String.join(" ", args))
                .contains("--limit-memory " + (768L << 20))
                .contains("--limit-cpu 1.000")
                .contains("--limit-pids 512")
                .contains("--cap-add CAP_SYS_ADMIN")
                .contains("--network host")
                .contains("--restart-condition none")
                .contains("--config source=edgetwin-r1-quickstart-limited-1,target=/var/edgetwin/deployment.json")
                .contains("target=/var/edgetwin/spool,volume-label=")
                .contains("--label edgetwin.run=r1")
                .contains("--container-label edgetwin.managed=true")
                .contains("--env EDGETWIN_THING_NAME=quickstart-limited-1")
                .contains("--env EDGETWIN_BROKER=tcp://127.0.0.1:4000")
                .contains("--env EDGETWIN_S3=http://127.0.0.1:9000")
                .endsWith("reg:5000/edgetwin/twin@sha256:00");
    }

    @Test
    void aTwinsIdentityReachesItsServiceAsSwarmSecretsNamedToTheCore() {
        TwinSpec secured = SPEC.withCredentials("ssl://127.0.0.1:8883", new TwinCredentials("CA", "CERT", "KEY"));

        String args = String.join(" ", SwarmTwin.createCommand(secured, "svc", "image"));

        assertThat(args)
                .contains("--secret source=svc-ca,target=svc-ca,mode=0444 --env EDGETWIN_TLS_CA=/run/secrets/svc-ca")
                .contains("--secret source=svc-cert,target=svc-cert,mode=0444 --env EDGETWIN_TLS_CERT=/run/secrets/svc-cert")
                .contains("--secret source=svc-key,target=svc-key,mode=0400 --env EDGETWIN_TLS_KEY=/run/secrets/svc-key")
                .doesNotContain("KEY ")
                .contains("--env EDGETWIN_BROKER=ssl://127.0.0.1:8883");
        assertThat(String.join(" ", SwarmTwin.createCommand(SPEC, "svc", "image"))).doesNotContain("--secret");
    }

    @Test
    void aTwinWithoutAPidsCapGetsNoPidsLimit() {
        TwinSpec unlimitedPids = new TwinSpec("t", "i:1", new DeviceSpec(1L << 30, 1L << 30, 0.5, 0), "tcp://127.0.0.1:1", "{}", "r1");

        assertThat(SwarmTwin.createCommand(unlimitedPids, "s", "i")).doesNotContain("--limit-pids").contains("0.500");
    }

    @Test
    void serviceNamesFollowContainerNamesAndStayWithinSwarmsLimit() {
        assertEquals("edgetwin-r1-quickstart-limited-1", ServiceNames.of("r1", "quickstart-limited-1"));
        String longOne = ServiceNames.of("abcdef12", "a-very-long-scenario-name-with-a-long-variant-name-and-twin-17");
        String otherLong = ServiceNames.of("abcdef12", "a-very-long-scenario-name-with-a-long-variant-name-and-twin-18");

        assertThat(longOne).hasSizeLessThanOrEqualTo(ServiceNames.MAX).matches("[A-Za-z0-9-]+");
        assertThat(longOne).isNotEqualTo(otherLong);
        assertThat(ServiceNames.of("r1", "odd_name.x")).matches("[A-Za-z0-9-]+").isNotEqualTo(ServiceNames.of("r1", "odd-name-x"));
    }

    @Test
    void aTaskSaysWhereItRunsAndWhetherItEnded() {
        Task running = Task.parse("t1", "running|node1|c0ffee|0|");
        Task rejected = Task.parse("t2", "rejected|node1||0|No such image: reg:5000/edgetwin/twin@sha256:00");

        assertEquals("node1", running.nodeId());
        assertEquals("c0ffee", running.containerId());
        assertThat(running.ended()).isFalse();
        assertThat(rejected.ended()).isTrue();
        assertThat(rejected.error()).contains("No such image");
    }

    @Test
    void anEngineChoiceRefusesAnAddressOrRegistryItCannotUse() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new EngineChoice(Engine.SWARM, "10.0.0.1 ; rm", null)).getMessage()).contains("--advertise-address");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new EngineChoice(Engine.SWARM, "10.0.0.1", "http://x")).getMessage()).contains("--registry");
        assertEquals("docker", EngineChoice.docker().open(null, "r1", line -> { }).name());
        assertEquals("127.0.0.1", EngineChoice.docker().open(null, "r1", line -> { }).hostAddress());
    }
}
