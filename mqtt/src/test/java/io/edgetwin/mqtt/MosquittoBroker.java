package io.edgetwin.core.messaging;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real Mosquitto for one test, on 127.0.0.1 at a port that stays the same across {@link #stop()} and
 * {@link #start()}, with persistence on so that a subscriber's session and its queued messages survive a
 * restart. (edge-core cannot use the simulator's broker class: it never imports harness code.) Public for
 * the MQTT client's own tests ({@code io.edgetwin.core.mqtt}).
 */
public final class MosquittoBroker implements AutoCloseable {

    /** The first {@code mosquitto} on PATH, else Debian's /usr/sbin one (not on an ordinary user's PATH); may not exist. */
    public static final Path BINARY = locate();

    private final Path dir;
    private final int port;
    private Process process;

    public MosquittoBroker(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                // as root, Mosquitto would otherwise switch to its own user and could not write here
                "user " + System.getProperty("user.name"),
                "persistence true",
                "persistence_location " + dir + "/",
                "max_queued_messages 100000",
                "set_tcp_nodelay true",
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
    }

    private static Path locate() {
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        return Stream.concat(Arrays.stream(path.split(File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of("mosquitto"));
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * A client on the cloud side with a persistent session (it misses nothing while both sides
     * reconnect) subscribed to {@code topic} at QoS 1, handing every payload to {@code payloads}.
     */
    MqttAsyncClient persistentSubscriber(String clientId, String topic, Consumer<String> payloads) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri(), clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String arrivedOn, MqttMessage message) {
                payloads.accept(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1_000);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(topic, 1).waitForCompletion(10_000);
        return client;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and returns once it accepts connections. */
    public void start() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        Conditions.await(Duration.ofSeconds(10), this::listening, "mosquitto listening on " + uri() + " (see " + dir + ")");
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + dir.resolve("mosquitto.out"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the broker with SIGTERM (it saves its sessions), SIGKILL after five seconds. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
