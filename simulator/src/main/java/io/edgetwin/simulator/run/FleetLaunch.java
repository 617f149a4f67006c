package io.edgetwin.simulator.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Starts the twins of a fleet several at a time instead of one after another. The Docker daemon
 * serialises part of each create (docs/performance.md measures how much), so a few concurrent
 * starts overlap the rest: image layer mounts, cgroup setup, the JVM's start inside each twin.
 * Every twin that started is registered with the run's {@link Teardown} at once, so a failure or a
 * Ctrl-C in the middle leaves nothing running; the result keeps the order of the specs.
 */
final class FleetLaunch {

    /** Concurrent starts by default: beyond four the daemon's serial part dominates on a 2-core host. */
    static final int DEFAULT_PARALLELISM = 4;

    private FleetLaunch() {
    }

    /**
     * Starts one {@code T} per spec with at most {@code parallelism} starts in flight, in spec order.
     * When a start fails, the starts not yet begun are skipped, the ones in flight finish (and are
     * registered, so teardown stops them), and the first failure is thrown with the others suppressed.
     */
    static <S, T extends AutoCloseable> List<T> startAll(List<S> specs, Function<S, T> start, int parallelism,
                                                         Teardown teardown) throws Exception {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism is " + parallelism + "; expected at least 1");
        }
        if (parallelism == 1 || specs.size() <= 1) {
            List<T> started = new ArrayList<>();
            for (S spec : specs) {
                started.add(teardown.register(start.apply(spec)));
            }
            return started;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, specs.size()), task -> {
            Thread thread = new Thread(task, "twin-start-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (S spec : specs) {
                pending.add(pool.submit(() -> teardown.register(start.apply(spec))));
            }
            return collect(pending);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> collect(List<Future<T>> pending) throws Exception {
        List<T> started = new ArrayList<>();
        Exception first = null;
        for (Future<T> future : pending) {
            if (first != null) {
                future.cancel(false);
            }
            try {
                T twin = future.get();
                started.add(twin);
            } catch (ExecutionException e) {
                Exception cause = e.getCause() instanceof Exception exception ? exception : e;
                if (first == null) {
                    first = cause;
                } else if (cause != first) {
                    first.addSuppressed(cause);
                }
            } catch (java.util.concurrent.CancellationException skipped) {
                // a start that never began because an earlier one failed
            }
        }
        if (first != null) {
            throw first;
        }
        return started;
    }
}
