package io.edgetwin.core.ipc.greengrass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.ComponentUpdatePolicyEvents;
import software.amazon.awssdk.aws.greengrass.model.ConfigurationUpdateEvents;
import software.amazon.awssdk.aws.greengrass.model.DeferComponentUpdateRequest;
import software.amazon.awssdk.aws.greengrass.model.GetConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.InvalidArgumentsError;
import software.amazon.awssdk.aws.greengrass.model.IoTCoreMessage;
import software.amazon.awssdk.aws.greengrass.model.ListComponentsRequest;
import software.amazon.awssdk.aws.greengrass.model.PublishToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.QOS;
import software.amazon.awssdk.aws.greengrass.model.ReportedLifecycleState;
import software.amazon.awssdk.aws.greengrass.model.ResourceNotFoundError;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToComponentUpdatesRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToConfigurationUpdateRequest;
import software.amazon.awssdk.aws.greengrass.model.SubscribeToIoTCoreRequest;
import software.amazon.awssdk.aws.greengrass.model.UnauthorizedError;
import software.amazon.awssdk.aws.greengrass.model.UpdateConfigurationRequest;
import software.amazon.awssdk.aws.greengrass.model.UpdateStateRequest;
import software.amazon.awssdk.aws.greengrass.model.ValidateAuthorizationTokenRequest;
import software.amazon.awssdk.eventstreamrpc.model.AccessDeniedException;

/** Every served operation through the official client; refusals arrive as the model's exceptions. */
class GreengrassOperationsTest {

    private static final Map<String, Object> SENSOR = Map.of(
            "threshold", 5,
            "model", Map.of("name", "anomaly-mlp", "batch", 8),
            "accessControl", Map.of("aws.greengrass.ipc.mqttproxy", Map.of("m1", Map.of(
                    "operations", List.of("*"), "resources", List.of("devices/+/telemetry", "devices/+/commands")))));

    @TempDir
    Path dir;
    TestCore core;
    GreengrassCoreIPCClientV2 sensor;

    @BeforeEach
    void start() throws Exception {
        core = new TestCore(dir).component("com.example.Sensor", "sensor-token", SENSOR)
                .component("com.example.Other", "other-token", Map.of("colour", "blue"));
        sensor = core.client("sensor-token");
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
    }

    @Test
    void aWrongSvcuidIsRefusedAtConnect() {
        Exception e = assertThrows(Exception.class, () -> core.client("not-a-token"));

        assertTrue(causes(e, AccessDeniedException.class), "expected AccessDeniedException in " + e);
    }

    @Test
    void configurationIsReadWholeAtAKeyAndOfAnotherComponent() throws Exception {
        assertEquals(Map.of("name", "anomaly-mlp", "batch", 8.0), sensor.getConfiguration(
                new GetConfigurationRequest().withKeyPath(List.of("model"))).getValue());
        assertEquals(Map.of("threshold", 5.0), sensor.getConfiguration(
                new GetConfigurationRequest().withKeyPath(List.of("threshold"))).getValue());
        assertEquals(Map.of("colour", "blue"), sensor.getConfiguration(
                new GetConfigurationRequest().withComponentName("com.example.Other")).getValue());
        assertThrows(ResourceNotFoundError.class, () -> sensor.getConfiguration(
                new GetConfigurationRequest().withKeyPath(List.of("model", "missing"))));
    }

    @Test
    void updatedConfigurationIsReadBackAndSubscribersHearTheKeyPath() throws Exception {
        BlockingQueue<ConfigurationUpdateEvents> events = new LinkedBlockingQueue<>();
        sensor.subscribeToConfigurationUpdate(new SubscribeToConfigurationUpdateRequest().withKeyPath(List.of("model")),
                events::add, Optional.empty(), Optional.empty());

        sensor.updateConfiguration(new UpdateConfigurationRequest().withKeyPath(List.of("model"))
                .withTimestamp(java.time.Instant.now()).withValueToMerge(Map.of("batch", 16)));

        assertEquals(Map.of("name", "anomaly-mlp", "batch", 16.0), sensor.getConfiguration(
                new GetConfigurationRequest().withKeyPath(List.of("model"))).getValue());
        ConfigurationUpdateEvents event = events.poll(10, TimeUnit.SECONDS);
        assertEquals(List.of("model", "batch"), event.getConfigurationUpdateEvent().getKeyPath());
        assertEquals("com.example.Sensor", event.getConfigurationUpdateEvent().getComponentName());
    }

    @Test
    void aComponentMayNotChangeItsOwnAccessControl() {
        InvalidArgumentsError e = assertThrows(InvalidArgumentsError.class, () -> sensor.updateConfiguration(
                new UpdateConfigurationRequest().withKeyPath(List.of()).withTimestamp(java.time.Instant.now())
                        .withValueToMerge(Map.of("accessControl", Map.of()))));

        assertTrue(e.getMessage().contains("[accessControl]"), e.getMessage());
    }

    @Test
    void updateStateReachesTheCore() throws Exception {
        sensor.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));

        assertEquals("com.example.Sensor:RUNNING", core.states.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void iotCoreMessagesGoThroughTheCoreMqttConnectionUnderMqttProxyPolicies() throws Exception {
        BlockingQueue<IoTCoreMessage> received = new LinkedBlockingQueue<>();
        sensor.subscribeToIoTCore(new SubscribeToIoTCoreRequest().withTopicName("devices/+/commands")
                .withQos(QOS.AT_LEAST_ONCE), received::add, Optional.empty(), Optional.empty());
        sensor.publishToIoTCore(new PublishToIoTCoreRequest().withTopicName("devices/d1/telemetry")
                .withQos(QOS.AT_LEAST_ONCE).withPayload("{\"t\":1}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("devices/d1/telemetry {\"t\":1} qos1", core.cloud.published.poll(10, TimeUnit.SECONDS));
        core.cloud.subscriptions.get("devices/+/commands").deliver("devices/d1/commands", "stop".getBytes(StandardCharsets.UTF_8));
        IoTCoreMessage message = received.poll(10, TimeUnit.SECONDS);
        assertEquals("devices/d1/commands", message.getMessage().getTopicName());
        assertEquals("stop", new String(message.getMessage().getPayload(), StandardCharsets.UTF_8));
        assertThrows(UnauthorizedError.class, () -> sensor.publishToIoTCore(new PublishToIoTCoreRequest()
                .withTopicName("fleet/all").withQos(QOS.AT_MOST_ONCE).withPayload(new byte[1])));
    }

    @Test
    void componentsHearOfADeploymentAndMayDeferIt() throws Exception {
        BlockingQueue<ComponentUpdatePolicyEvents> events = new LinkedBlockingQueue<>();
        sensor.subscribeToComponentUpdates(new SubscribeToComponentUpdatesRequest(), events::add, Optional.empty(),
                Optional.empty());
        TestCore.await(() -> core.updates.listeners() == 1, "the subscription");

        core.updates.announce("deployment-7", false);
        assertEquals("deployment-7", events.poll(10, TimeUnit.SECONDS).getPreUpdateEvent().getDeploymentId());
        sensor.deferComponentUpdate(new DeferComponentUpdateRequest().withDeploymentId("deployment-7")
                .withRecheckAfterMs(60_000L).withMessage("busy"));

        assertEquals(List.of(new ComponentUpdates.Deferral("com.example.Sensor", 60_000, "busy")),
                core.updates.deferrals("deployment-7"));
        assertThrows(ResourceNotFoundError.class, () -> sensor.deferComponentUpdate(
                new DeferComponentUpdateRequest().withDeploymentId("deployment-8").withRecheckAfterMs(1L)));
    }

    @Test
    void onlyStreamManagerMayValidateTokens() throws Exception {
        assertThrows(UnauthorizedError.class, () -> sensor.validateAuthorizationToken(
                new ValidateAuthorizationTokenRequest().withToken("other-token")));

        core.component(LifecycleOperations.STREAM_MANAGER, "sm-token", Map.of());
        GreengrassCoreIPCClientV2 streamManager = core.client("sm-token");
        assertTrue(streamManager.validateAuthorizationToken(new ValidateAuthorizationTokenRequest()
                .withToken("other-token")).isIsValid());
        assertThrows(software.amazon.awssdk.aws.greengrass.model.InvalidTokenError.class, () -> streamManager
                .validateAuthorizationToken(new ValidateAuthorizationTokenRequest().withToken("nope")));
    }

    @Test
    void anOperationTheCoreDoesNotServeIsAnsweredWithAnErrorNotAHang() throws Exception {
        Exception e = assertThrows(Exception.class, () -> sensor.listComponents(new ListComponentsRequest()));

        assertFalse(e instanceof java.util.concurrent.TimeoutException, e.toString());
        assertTrue(e.toString().contains("null") || e.toString().contains("nsupported"), e.toString());
        sensor.updateState(new UpdateStateRequest().withState(ReportedLifecycleState.RUNNING));
        assertEquals("com.example.Sensor:RUNNING", core.states.poll(10, TimeUnit.SECONDS), "the connection carries on");
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
