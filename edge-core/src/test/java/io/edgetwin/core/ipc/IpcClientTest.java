package io.edgetwin.core.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IpcClientTest {

    @TempDir
    Path dir;

    @Test
    void fromEnvironmentConnectsAndSaysHelloWithTheGivenIdentity() throws Exception {
        Path socket = dir.resolve("ipc.sock");
        CompletableFuture<String> reported = new CompletableFuture<>();
        try (IpcServer server = new IpcServer(socket, new LocalBus(), new FakeCloudPort(),
                (component, state) -> reported.complete(component + "=" + state))) {
            server.authorize("camera", "token-camera", Grants.everything());
            server.start();

            try (IpcClient client = IpcClient.fromEnvironment(environment(socket))) {
                client.updateState("RUNNING");

                assertEquals("camera=RUNNING", reported.get(5, TimeUnit.SECONDS));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EDGETWIN_IPC_SOCKET", "EDGETWIN_COMPONENT", "SVCUID"})
    void fromEnvironmentNamesTheMissingVariable(String missing) {
        Map<String, String> env = environment(dir.resolve("ipc.sock"));
        env.remove(missing);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IpcClient.fromEnvironment(env));

        assertTrue(e.getMessage().startsWith(missing + " is not set"), e.getMessage());
    }

    @Test
    void helloToACoreThatHangsUpWithoutAnsweringFailsWithAnIoException() throws Exception {
        try (ServerSocketChannel core = bareCore("silent.sock")) {
            CompletableFuture<Void> hungUp = CompletableFuture.runAsync(() -> {
                try (SocketChannel accepted = core.accept()) {
                    readUntilNewline(accepted);
                    // Then close without a word, as a core that dies during hello would.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            try (IpcClient client = IpcClient.connect(dir.resolve("silent.sock"))) {
                IOException e = assertThrows(IOException.class, () -> client.hello("camera", "token"));

                assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
                hungUp.get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void helloToACoreThatIsAlreadyGoneFailsWithAnIoException() throws Exception {
        try (ServerSocketChannel core = bareCore("gone.sock")) {
            CompletableFuture<Void> hungUp = CompletableFuture.runAsync(() -> {
                try (SocketChannel accepted = core.accept()) {
                    // Closed before the client says anything.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            try (IpcClient client = IpcClient.connect(dir.resolve("gone.sock"))) {
                hungUp.get(5, TimeUnit.SECONDS);

                assertThrows(IOException.class, () -> client.hello("camera", "token"));
            }
        }
    }

    private ServerSocketChannel bareCore(String name) throws IOException {
        ServerSocketChannel core = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        core.bind(UnixDomainSocketAddress.of(dir.resolve(name)));
        return core;
    }

    private static void readUntilNewline(SocketChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        while (channel.read(one) > 0 && one.get(0) != '\n') {
            one.clear();
        }
    }

    private static Map<String, String> environment(Path socket) {
        Map<String, String> env = new HashMap<>();
        env.put("EDGETWIN_IPC_SOCKET", socket.toString());
        env.put("EDGETWIN_COMPONENT", "camera");
        env.put("SVCUID", "token-camera");
        return env;
    }
}
