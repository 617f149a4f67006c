package io.edgetwin.core.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs scheduled tasks at once and records the delay each asked for: retries need no waiting in tests. */
final class ImmediateScheduler extends ScheduledThreadPoolExecutor {

    final List<Duration> requestedDelays = new CopyOnWriteArrayList<>();

    ImmediateScheduler() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        requestedDelays.add(Duration.of(delay, unit.toChronoUnit()));
        return super.schedule(command, 0, unit);
    }
}
