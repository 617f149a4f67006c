package io.edgetwin.core.ipc.greengrass;

import static io.edgetwin.core.ipc.greengrass.TestCore.pubsub;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.ipc.LocalBus;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.aws.greengrass.GreengrassCoreIPCClientV2;
import software.amazon.awssdk.aws.greengrass.model.PublishMessage;
import software.amazon.awssdk.aws.greengrass.model.PublishToTopicRequest;
import software.amazon.awssdk.aws.greengrass.model.BinaryMessage;

/** A server told to start on its first component, as the core's is: no socket until a component needs it. */
class GreengrassIpcOnDemandTest {

    @TempDir
    Path dir;
    private GreengrassIpcServer server;
    private GreengrassCoreIPCClientV2 client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private GreengrassIpcServer onDemand(Path socket) {
        server = new GreengrassIpcServer(socket, IpcLimits.DEFAULT, new LocalBus(), new TestCore.FakeCloud(),
                (component, state) -> { }, new ComponentConfigurations(), new ComponentUpdates());
        server.startOnFirstComponent();
        return server;
    }

    @Test
    void coreWithoutComponentsOpensNoSocket() {
        Path socket = dir.resolve("ipc.socket");
        onDemand(socket);

        assertFalse(server.listening());
        assertFalse(Files.exists(socket), "socket file before any component");
    }

    @Test
    void firstComponentOpensTheSocketBeforeItConnects() throws Exception {
        Path socket = dir.resolve("run/ipc.socket");
        onDemand(socket).authorize("com.example.Camera", "camera-token",
                pubsub(List.of("aws.greengrass#PublishToTopic"), List.of("camera/#")));

        assertTrue(server.listening());
        client = GreengrassCoreIPCClientV2.builder().withSocketPath(socket.toString()).withAuthToken("camera-token").build();
        client.publishToTopic(new PublishToTopicRequest().withTopic("camera/front").withPublishMessage(
                new PublishMessage().withBinaryMessage(new BinaryMessage().withMessage(new byte[] {1}))));
    }

    @Test
    void secondComponentReusesTheOpenSocket() {
        Path socket = dir.resolve("ipc.socket");
        onDemand(socket).authorize("com.example.Camera", "camera-token", Map.of());
        server.authorize("com.example.Viewer", "viewer-token", Map.of());

        assertTrue(server.listening());
        assertTrue(Files.exists(socket));
    }

    @Test
    void socketThatCannotBeOpenedFailsTheComponentNamingIt() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path socket = notADirectory.resolve("ipc.socket");
        onDemand(socket);

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> server.authorize("com.example.Camera", "camera-token", Map.of()));
        assertTrue(e.getMessage().contains(socket.toString()), e.getMessage());
        assertFalse(server.listening());
    }
}
