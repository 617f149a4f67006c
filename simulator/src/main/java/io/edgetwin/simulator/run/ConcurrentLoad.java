package io.edgetwin.simulator.run;

import io.edgetwin.simulator.load.LoadDriver;
import io.edgetwin.simulator.load.LoadResult;
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
 * Every workload of a scenario driven at once, each by its own {@link LoadDriver} on its own thread (the
 * first on the caller's, which prints the progress lines), all from the same start, so one model's burst
 * meets the other's steady stream on the twin as it would in the field.
 */
final class ConcurrentLoad {

    private ConcurrentLoad() {
    }

    /** Each workload's result by name, in scenario order. */
    static Map<String, LoadResult> run(List<Workload> workloads, Map<String, LoadDriver> drivers, int twins, long startNanos,
                                       Duration warmup, Duration length, Duration drain, Consumer<String> progress)
            throws InterruptedException {
        Map<String, CompletableFuture<LoadResult>> others = new LinkedHashMap<>();
        for (Workload workload : workloads.subList(1, workloads.size())) {
            CompletableFuture<LoadResult> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    result.complete(drivers.get(workload.name()).run(workload.arrival().forFleet(twins), startNanos, warmup,
                            length, drain, (elapsed, sent, ok, failed, p99) -> { }));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }, "load-" + workload.name());
            thread.setDaemon(true);
            thread.start();
            others.put(workload.name(), result);
        }
        Workload first = workloads.get(0);
        Map<String, LoadResult> results = new LinkedHashMap<>();
        results.put(first.name(), drivers.get(first.name()).run(first.arrival().forFleet(twins), startNanos, warmup, length,
                drain, (elapsed, sent, ok, failed, p99) -> progress.accept(String.format(
                        "%3d/%d s  sent %d  ok %d  failed %d  p99 %.1f ms", elapsed.toSeconds(),
                        length.toSeconds(), sent, ok, failed, p99 / 1e6))));
        for (Map.Entry<String, CompletableFuture<LoadResult>> e : others.entrySet()) {
            try {
                results.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("workload " + e.getKey() + ": " + failed.getCause(), failed.getCause());
            }
        }
        return results;
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
