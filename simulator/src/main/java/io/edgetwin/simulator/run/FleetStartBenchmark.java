package io.edgetwin.simulator.run;

import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.measure.HostCgroup;
import io.edgetwin.simulator.measure.StatusTracker;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinImage;
import io.edgetwin.simulator.twin.TwinSpec;
import io.edgetwin.simulator.twin.runtime.EngineChoice;
import io.edgetwin.simulator.twin.runtime.TwinRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A fleet of idle twins (the core with no components) started all at once, {@code parallelism} container
 * starts at a time ({@link FleetLaunch}): the time from the first
 * create call until every core has reported RUNNING, and each twin's resident memory, read on the
 * host from its container's cgroup ({@code memory.stat}: v1 total_rss, v2 anon) once the whole fleet is up.
 */
public final class FleetStartBenchmark {

    private static final String IDLE = """
            {"deploymentId": "idle", "components": {}}""";

    /** Container starts in flight at once when a run starts its fleet. */
    public static final int DEFAULT_PARALLELISM = FleetLaunch.DEFAULT_PARALLELISM;

    private final TwinImage image;
    private final Teardown teardown;
    private final Consumer<String> progress;
    private EngineChoice engine = EngineChoice.docker();

    /** Start time of the whole fleet and each twin's RSS in bytes. */
    public record Result(long fleetStartMs, List<Long> rssBytes) {
    }

    public FleetStartBenchmark(TwinImage image, Teardown teardown, Consumer<String> progress) {
        this.image = image;
        this.teardown = teardown;
        this.progress = progress;
    }

    /** The engine the fleet starts on (docker on loopback unless called; docs/scale.md). */
    public FleetStartBenchmark withEngine(EngineChoice choice) {
        this.engine = choice;
        return this;
    }

    /** Starts {@code twins} idle twins with at most {@code parallelism} container starts in flight at once. */
    public Result run(DeviceSpec device, int twins, int parallelism) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String imageRef = image.ensureBuilt(progress);
        RunDirectory dir = teardown.register(RunDirectory.create(runId));
        Mosquitto broker = teardown.register(Mosquitto.start(dir.path(), Duration.ofSeconds(10)));
        BrokerClient client = teardown.register(new BrokerClient(broker.uri(), "edgetwin-bench-" + runId));
        StatusTracker tracker = new StatusTracker();
        client.subscribe("edgetwin/+/status", 0, tracker::accept);
        TwinRuntime runtime = teardown.register(engine.open(dir.path(), runId, progress));
        runtime.prepare(imageRef);
        List<TwinSpec> specs = new ArrayList<>();
        for (int i = 1; i <= twins; i++) {
            specs.add(new TwinSpec("idle-" + i, imageRef, device, broker.uri(), IDLE, runId));
        }
        long created = System.nanoTime();
        List<Twin> fleet = FleetLaunch.startAll(specs, runtime::start, parallelism, teardown);
        progress.accept(twins + " " + runtime.name() + " twins created in " + (System.nanoTime() - created) / 1_000_000 + " ms");
        for (Twin twin : fleet) {
            tracker.await(twin.spec().thingName(), s -> "RUNNING".equals(s.core()), Duration.ofMinutes(10));
        }
        long fleetStartMs = (System.nanoTime() - created) / 1_000_000;
        progress.accept("every core reported RUNNING " + fleetStartMs + " ms after the first create");
        List<Long> rss = new ArrayList<>();
        for (Twin twin : fleet) {
            rss.add(HostCgroup.of(twin.containerId(), twin::pid).residentBytes());
        }
        for (Twin twin : fleet) {
            teardown.closeNow(twin);
        }
        return new Result(fleetStartMs, rss);
    }

}
