package io.edgetwin.scenarios;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.run.RunDirectory;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One twin on its own broker for a container test: a run directory, Mosquitto, a harness client
 * whose status messages feed {@link #tracker()}, and the twin started with {@code deployment}.
 * {@link #close()} stops all of it in reverse order, every part even when one fails.
 */
final class OneTwin implements AutoCloseable {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    private final StatusTracker tracker = new StatusTracker();
    private RunDirectory dir;
    private Mosquitto broker;
    private BrokerClient client;
    private DeviceTwin twin;

    private OneTwin() {
    }

    /** Starts it; {@code beforeTwin} may subscribe the client to more topics before the twin exists. */
    static OneTwin start(String name, long memoryBytes, String deployment, Consumer<BrokerClient> beforeTwin)
            throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        OneTwin one = new OneTwin();
        try {
            String image = new TwinImage(HOME).ensureBuilt(line -> { });
            one.dir = RunDirectory.create(runId);
            one.broker = Mosquitto.start(one.dir.path(), Duration.ofSeconds(10));
            one.client = new BrokerClient(one.broker.uri(), name + "-it-" + runId);
            one.client.subscribe("edgetwin/+/status", 0, one.tracker::accept);
            beforeTwin.accept(one.client);
            one.twin = DeviceTwin.start(new TwinSpec(name + "-" + runId, image,
                    new DeviceSpec(memoryBytes, memoryBytes, 1.0, 256), one.broker.uri(), deployment, runId));
            return one;
        } catch (Exception | Error e) {
            try {
                one.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static OneTwin start(String name, long memoryBytes, String deployment) throws Exception {
        return start(name, memoryBytes, deployment, client -> { });
    }

    DeviceTwin twin() {
        return twin;
    }

    BrokerClient client() {
        return client;
    }

    StatusTracker tracker() {
        return tracker;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable part : new AutoCloseable[] {twin, client, broker, dir}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
