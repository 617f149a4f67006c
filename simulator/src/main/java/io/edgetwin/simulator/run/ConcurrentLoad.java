package io.edgetwin.simulator.run;

import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.load.SendTimeline;
import io.edgetwin.simulator.scenario.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Every workload of a scenario driven at once, all from the same start, so one model's burst meets the
 * other's steady stream on the twin as it would in the field. The open workloads share one
 * {@link SendTimeline} on the caller's thread (two generator threads would compete for a small host's cores
 * and each wake late); a closed one waits for its answers, so it runs on a thread of its own. The first
 * workload's progress is printed.
 */
final class ConcurrentLoad {

    private ConcurrentLoad() {
    }

    /** Each workload's result by name, in scenario order. */
    static Map<String, LoadResult> run(List<Workload> workloads, Map<String, LoadDriver> drivers, int twins, long startNanos,
                                       Duration warmup, Duration length, Duration drain, Consumer<String> progress)
            throws InterruptedException {
        Map<String, CompletableFuture<LoadResult>> closed = new LinkedHashMap<>();
        List<Workload> open = new ArrayList<>();
        List<SendTimeline.Lane> lanes = new ArrayList<>();
        for (Workload workload : workloads) {
            Arrival arrival = workload.arrival().forFleet(twins);
            LoadDriver.Progress shown = workload == workloads.get(0) ? printing(length, progress) : (e, s, o, f, p) -> { };
            if (arrival instanceof Arrival.Closed) {
                closed.put(workload.name(), onItsOwnThread(workload.name(), () -> drivers.get(workload.name()).run(arrival,
                        startNanos, warmup, length, drain, shown)));
            } else {
                open.add(workload);
                lanes.add(new SendTimeline.Lane(drivers.get(workload.name()), arrival, shown));
            }
        }
        Map<String, LoadResult> done = new LinkedHashMap<>();
        if (!lanes.isEmpty()) {
            List<LoadResult> results = SendTimeline.run(lanes, startNanos, warmup, length, drain);
            for (int i = 0; i < open.size(); i++) {
                done.put(open.get(i).name(), results.get(i));
            }
        }
        for (Map.Entry<String, CompletableFuture<LoadResult>> e : closed.entrySet()) {
            try {
                done.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("workload " + e.getKey() + ": " + failed.getCause(), failed.getCause());
            }
        }
        Map<String, LoadResult> results = new LinkedHashMap<>();
        workloads.forEach(w -> results.put(w.name(), done.get(w.name())));
        return results;
    }

    private static LoadDriver.Progress printing(Duration length, Consumer<String> progress) {
        return (elapsed, sent, ok, failed, p99) -> progress.accept(String.format("%3d/%d s  sent %d  ok %d  failed %d  p99 %.1f ms",
                elapsed.toSeconds(), length.toSeconds(), sent, ok, failed, p99 / 1e6));
    }

    private static CompletableFuture<LoadResult> onItsOwnThread(String name, java.util.function.Supplier<LoadResult> load) {
        CompletableFuture<LoadResult> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(load.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "load-" + name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Each workload's slices as one result (interleaved variants drive several), by name. */
    static Map<String, LoadResult> perWorkload(List<Map<String, LoadResult>> slices) {
        Map<String, List<LoadResult>> byName = new LinkedHashMap<>();
        slices.forEach(slice -> slice.forEach((name, result) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(result)));
        Map<String, LoadResult> combined = new LinkedHashMap<>();
        byName.forEach((name, parts) -> combined.put(name, LoadResult.combine(parts)));
        return combined;
    }
}
