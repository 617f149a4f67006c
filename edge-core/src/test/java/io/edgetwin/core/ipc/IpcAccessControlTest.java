package io.edgetwin.core.ipc;

import static io.edgetwin.core.ipc.AccessControl.PUBLISH;
import static io.edgetwin.core.ipc.AccessControl.SUBSCRIBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** accessControl enforced on the IPC socket: refusals are error frames, and the connection carries on. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IpcAccessControlTest {

    @TempDir
    Path dir;

    private final List<RawClient> clients = new ArrayList<>();
    private Path socket;
    private IpcServer server;

    @BeforeEach
    void startServer() throws Exception {
        socket = dir.resolve("ipc.sock");
        server = new IpcServer(socket, new LocalBus(), new FakeCloudPort(), (component, state) -> { });
        server.authorize("camera", "token-camera", Grants.pubsub(List.of(PUBLISH), List.of("camera/frames")));
        server.authorize("monitor", "token-monitor", Grants.pubsub(List.of(SUBSCRIBE), List.of("camera/#")));
        server.authorize("stranger", "token-stranger", AccessControl.NONE);
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    void aPublishWithoutAPolicyIsRefusedAsUnauthorizedAndReachesNobody() throws Exception {
        RawClient monitor = client("monitor", "token-monitor");
        monitor.send("{\"op\":\"subscribe\",\"topic\":\"camera/#\",\"ack\":true}");
        monitor.expectOk("subscribe");
        RawClient camera = client("camera", "token-camera");

        camera.send("{\"op\":\"publish\",\"topic\":\"camera/settings\",\"payload\":1}");
        JsonNode refused = camera.expectError("publish");
        camera.send("{\"op\":\"publish\",\"topic\":\"camera/frames\",\"payload\":2}");

        assertEquals("UNAUTHORIZED", refused.path("code").asText(), refused.toString());
        assertTrue(refused.path("message").asText().contains("'camera/settings'"), refused.toString());
        JsonNode delivered = monitor.next();
        assertEquals("camera/frames", delivered.path("topic").asText(), "only the allowed publish arrives: " + delivered);
        assertEquals(2, delivered.path("payload").asInt());
    }

    @Test
    void aSubscribeWiderThanThePolicyIsRefusedAndANarrowerOneIsTaken() throws Exception {
        RawClient monitor = client("monitor", "token-monitor");

        monitor.send("{\"op\":\"subscribe\",\"topic\":\"#\",\"ack\":true}");
        JsonNode refused = monitor.expectError("subscribe");
        monitor.send("{\"op\":\"subscribe\",\"topic\":\"camera/+\",\"ack\":true}");

        assertEquals("UNAUTHORIZED", refused.path("code").asText(), refused.toString());
        monitor.expectOk("subscribe");
    }

    @Test
    void aComponentWithoutAccessControlCanStillReportItsState() throws Exception {
        RawClient stranger = client("stranger", "token-stranger");

        stranger.send("{\"op\":\"subscribe\",\"topic\":\"camera/frames\",\"ack\":true}");
        stranger.send("{\"op\":\"publish\",\"topic\":\"camera/frames\",\"payload\":1,\"ack\":true}");
        stranger.send("{\"op\":\"update-state\",\"state\":\"RUNNING\",\"ack\":true}");

        assertEquals("UNAUTHORIZED", stranger.expectError("subscribe").path("code").asText());
        assertEquals("UNAUTHORIZED", stranger.expectError("publish").path("code").asText());
        stranger.expectOk("update-state");
    }

    @Test
    void updatedPoliciesApplyToTheNextRequestOfAConnectedComponent() throws Exception {
        RawClient stranger = client("stranger", "token-stranger");
        stranger.send("{\"op\":\"publish\",\"topic\":\"news\",\"payload\":1,\"ack\":true}");
        stranger.expectError("publish");

        server.updateAccess("stranger", Grants.pubsub(List.of(PUBLISH), List.of("news")));
        stranger.send("{\"op\":\"publish\",\"topic\":\"news\",\"payload\":1,\"ack\":true}");

        stranger.expectOk("publish");
    }

    @Test
    void malformedFramesAreStillAnsweredAsMalformedNotAsUnauthorized() throws Exception {
        RawClient stranger = client("stranger", "token-stranger");

        stranger.send("{\"op\":\"publish\",\"topic\":\"a/+\",\"payload\":1}");

        JsonNode error = stranger.expectError("publish");
        assertTrue(error.path("code").isMissingNode(), error.toString());
        assertTrue(error.path("message").asText().contains("'a/+'"), error.toString());
    }

    private RawClient client(String component, String token) throws Exception {
        RawClient client = RawClient.connect(socket);
        clients.add(client);
        return client.hello(component, token);
    }
}
