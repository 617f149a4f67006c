package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.twin.DeviceTwin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private static final String EXAMPLE = "com.edgetwin.GreengrassIpcExample";
    private static final String DEPLOYMENT = """
            {"deploymentId": "example", "components": {"com.edgetwin.GreengrassIpcExample": {"version": "1.0.0",
              "configurationUpdate": {"merge": {"greeting": "hello from the deployment"}}}}}""";

    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private BrokerClient client;
    private OneTwin one;
    private DeviceTwin twin;
    private StatusTracker tracker;

    @BeforeEach
    void startTwin() throws Exception {
        one = OneTwin.start("gg-example", 256L * 1024 * 1024, DEPLOYMENT,
                harness -> harness.subscribe("edgetwin/+/example/report", 1,
                        (topic, payload) -> reports.add(new String(payload, StandardCharsets.UTF_8))));
        twin = one.twin();
        client = one.client();
        tracker = one.tracker();
    }

    @AfterEach
    void stopEverything() throws Exception {
        one.close();
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
