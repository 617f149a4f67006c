package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.run.RunDirectory;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A component written only against the AWS IoT Device SDK ({@code com.edgetwin.GreengrassIpcExample})
 * runs unmodified on a twin: it finds the core's Greengrass IPC through the nucleus's environment, and
 * reports over IoT Core a local pub/sub round trip, its configuration read and updated, a publish
 * outside its policies refused, and a wrong SVCUID refused.
 */
class GreengrassIpcExampleIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));
    private static final String EXAMPLE = "com.edgetwin.GreengrassIpcExample";
    private static final String DEPLOYMENT = """
            {"deploymentId": "example", "components": {"com.edgetwin.GreengrassIpcExample": {"version": "1.0.0",
              "configurationUpdate": {"merge": {"greeting": "hello from the deployment"}}}}}""";

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final StatusTracker tracker = new StatusTracker();
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private RunDirectory dir;
    private Mosquitto broker;
    private BrokerClient client;
    private DeviceTwin twin;

    @BeforeEach
    void startTwin() throws Exception {
        String image = new TwinImage(HOME).ensureBuilt(line -> { });
        dir = RunDirectory.create(runId);
        broker = Mosquitto.start(dir.path(), Duration.ofSeconds(10));
        client = new BrokerClient(broker.uri(), "gg-example-it-" + runId);
        client.subscribe("edgetwin/+/status", 0, tracker::accept);
        client.subscribe("edgetwin/+/example/report", 1, (topic, payload) -> reports.add(new String(payload, StandardCharsets.UTF_8)));
        long bytes = 256L * 1024 * 1024;
        twin = DeviceTwin.start(new TwinSpec("gg-example-" + runId, image, new DeviceSpec(bytes, bytes, 1.0, 256),
                broker.uri(), DEPLOYMENT, runId));
    }

    @AfterEach
    void stopEverything() {
        List.<AutoCloseable>of(twin, client, broker, dir).forEach(resource -> {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aComponentBuiltOnlyOnTheOfficialSdkTalksToTheCoreOverGreengrassIpc() throws Exception {
        String report = reports.poll(90, TimeUnit.SECONDS);

        assertThat(report).as("the example's report (component log: %s)", twin.logs()).isEqualTo(
                "{\"roundTrip\":\"twin\",\"configuration\":\"hello from the deployment seen=true\","
                        + "\"unauthorizedPublish\":\"UnauthorizedError\",\"wrongSvcuid\":\"AccessDeniedException\"}");
        TwinStatus ready = tracker.await(twin.spec().thingName(), s -> s.components().containsKey(EXAMPLE)
                && s.components().get(EXAMPLE).ready(), Duration.ofSeconds(30));
        assertThat(ready.components().get(EXAMPLE).state()).isEqualTo("RUNNING");
    }
}
