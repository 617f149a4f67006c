package io.edgetwin.core.lambda;

import io.edgetwin.core.recipe.LambdaParameters;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lambda function at work: events wait in a queue of {@code maxQueueSize} (a full queue drops the
 * event, counted) and instances take them one at a time. A pinned function keeps exactly one instance,
 * started with the function and started again whenever it ends. An on-demand function starts an instance
 * whenever more events wait than instances are free, up to {@code maxInstancesCount}, and an instance
 * idle for {@code maxIdleTimeInSeconds} ends. An invocation past {@code timeoutInSeconds} kills its
 * instance (counted as a timeout); an instance that dies under an invocation is a crash, and the OOM
 * kills of the function's cgroup are its own. After such a kill the function starts no instance for a
 * few seconds and runs at most as many as survived it ({@link OomBackoff}). Each instance runs on a
 * thread of its own.
 */
public final class LambdaFunction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaFunction.class);
    private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    /** Longer than the kernel's 2 s before its oom_reaper frees a victim that did not exit (see {@link OomBackoff}). */
    static final Duration OOM_QUIET = Duration.ofSeconds(3);

    private final String name;
    private final LambdaParameters parameters;
    private final WorkerCommand command;
    private final LongSupplier cgroupOomKills;
    private final long oomKillsAtStart;
    private final OomBackoff oomBackoff;
    private final java.util.concurrent.atomic.AtomicBoolean scaleLater = new java.util.concurrent.atomic.AtomicBoolean();
    private final BiConsumer<String, byte[]> results;
    private final Runnable onReady;
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
    private final BlockingQueue<Invocation> queue;
    private final Set<Instance> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger instances = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong crashes = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong initFailures = new AtomicLong();
    private final AtomicLong lastStartMs = new AtomicLong();
    private final AtomicLong slowestStartMs = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean closed;

    /**
     * @param cgroupOomKills the OOM kill counter of the function's cgroup (always 0 without one)
     * @param results        receives each handler result with the topic of the event it answers
     * @param onReady        called once: when the pinned instance first loaded its handler, or at once on demand
     */
    LambdaFunction(String name, LambdaParameters parameters, WorkerCommand command, LongSupplier cgroupOomKills,
                   BiConsumer<String, byte[]> results, Runnable onReady) {
        this(name, parameters, command, cgroupOomKills, results, onReady, OOM_QUIET);
    }

    /** @param oomQuiet how long no instance starts after an OOM kill in the function's cgroup */
    LambdaFunction(String name, LambdaParameters parameters, WorkerCommand command, LongSupplier cgroupOomKills,
                   BiConsumer<String, byte[]> results, Runnable onReady, Duration oomQuiet) {
        this.onReady = onReady;
        this.name = name;
        this.parameters = parameters;
        this.command = command;
        this.cgroupOomKills = cgroupOomKills;
        this.oomKillsAtStart = cgroupOomKills.getAsLong();
        this.oomBackoff = new OomBackoff(oomQuiet, oomKillsAtStart);
        this.results = results;
        this.queue = new ArrayBlockingQueue<>(parameters.maxQueueSize());
    }

    public String name() {
        return name;
    }

    /** Starts the pinned instance; an on-demand function starts its first one with its first event. */
    public void start() {
        scale();
        if (!parameters.pinned()) {
            announceReady();
        }
    }

    private void announceReady() {
        if (announced.compareAndSet(false, true)) {
            onReady.run();
        }
    }

    /** Queues an event from {@code topic}; false (and counted as dropped) when the queue is full or the function stopped. */
    public boolean submit(String topic, byte[] event) {
        if (closed || !queue.offer(new Invocation(topic, event))) {
            dropped.incrementAndGet();
            return false;
        }
        received.incrementAndGet();
        scale();
        return true;
    }

    public LambdaCounters counters() {
        return new LambdaCounters(received.get(), dropped.get(), invocations.get(), succeeded.get(), errors.get(),
                timeouts.get(), crashes.get(), Math.max(0, cgroupOomKills.getAsLong() - oomKillsAtStart), started.get(),
                initFailures.get(), instances.get(), peak.get(), queue.size(), lastError,
                parameters.containerMode().recipeName(), parameters.memorySizeKb(), lastStartMs.get(), slowestStartMs.get());
    }

    /** Stops taking events and ends every instance; what waits in the queue is dropped (not counted). */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        live.forEach(Instance::close);
    }

    /**
     * Starts instances for what waits (a pinned function: its one instance), up to
     * {@code maxInstancesCount} and as far as the {@link OomBackoff} lets it; while that is quiet, it
     * scales again once the quiet time is over.
     */
    private synchronized void scale() {
        if (closed) {
            return;
        }
        int most = parameters.pinned() ? 1 : parameters.maxInstancesCount();
        while (instances.get() < most && (parameters.pinned() || queue.size() > instances.get() - busy.get())) {
            long now = System.nanoTime();
            int before = oomBackoff.ceiling();
            boolean may = oomBackoff.mayStart(instances.get(), cgroupOomKills.getAsLong(), now);
            if (oomBackoff.ceiling() != before) {
                LOG.warn("lambda-oom-backoff function={} instances={} ceiling={} quietMs={}", name, instances.get(),
                        oomBackoff.ceiling(), oomBackoff.quietFor(now).toMillis());
            }
            if (!may) {
                scaleAfter(oomBackoff.quietFor(now));
                return;
            }
            spawn();
        }
    }

    private void scaleAfter(Duration quiet) {
        if (!quiet.isZero() && scaleLater.compareAndSet(false, true)) {
            java.util.concurrent.CompletableFuture.delayedExecutor(quiet.toMillis() + 1, TimeUnit.MILLISECONDS).execute(() -> {
                scaleLater.set(false);
                scale();
            });
        }
    }

    private void spawn() {
        int now = instances.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        started.incrementAndGet();
        Thread thread = new Thread(this::runInstance, "lambda-" + name + "-" + started.get());
        thread.setDaemon(true);
        thread.start();
    }

    private void runInstance() {
        Instance instance = null;
        boolean failedToStart = true;
        long startNanos = System.nanoTime();
        try {
            instance = Instance.start(command);
            live.add(instance);
            if (closed) {
                return;
            }
            Instance.Reply ready = instance.awaitReady(parameters.statusTimeout());
            if (!(ready instanceof Instance.Reply.Ok)) {
                initFailed(describe(ready));
                return;
            }
            failedToStart = false;
            long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            lastStartMs.set(startMs);
            slowestStartMs.accumulateAndGet(startMs, Math::max);
            LOG.info("lambda-instance-ready function={} pid={} startMs={}", name, instance.pid(), startMs);
            announceReady();
            serve(instance);
        } catch (IOException e) {
            initFailed("cannot start the worker: " + e.getMessage());
        } finally {
            if (instance != null) {
                live.remove(instance);
                instance.close();
            }
            instances.decrementAndGet();
            replace(failedToStart);
        }
    }

    /**
     * A pinned function gets its instance back; an on-demand one scales for what waits. After a failed
     * start that happens a second later, so a handler that cannot load is not restarted in a loop.
     */
    private void replace(boolean failedToStart) {
        if (closed || (!parameters.pinned() && queue.isEmpty())) {
            return;
        }
        if (failedToStart) {
            java.util.concurrent.CompletableFuture.delayedExecutor(RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(this::scale);
        } else {
            scale();
        }
    }

    /** The event the instance was started for fails with it (an error), so a broken handler drains the queue. */
    private void initFailed(String reason) {
        initFailures.incrementAndGet();
        lastError = "instance did not start: " + reason;
        LOG.error("lambda-instance-failed function={} reason={}", name, reason);
        if (queue.poll() != null) {
            invocations.incrementAndGet();
            errors.incrementAndGet();
        }
    }

    /** Takes events until the instance dies, times out, idles out (on demand) or the function stops. */
    private void serve(Instance instance) {
        long idleSince = System.nanoTime();
        while (!closed) {
            Invocation next;
            try {
                next = queue.poll(POLL_SLICE_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                if (!parameters.pinned() && System.nanoTime() - idleSince >= parameters.maxIdleTime().toNanos()) {
                    LOG.info("lambda-instance-idle function={} pid={}", name, instance.pid());
                    return;
                }
                continue;
            }
            if (!invoke(instance, next)) {
                return;
            }
            idleSince = System.nanoTime();
        }
    }

    /** False when the instance is gone after this invocation. */
    private boolean invoke(Instance instance, Invocation invocation) {
        busy.incrementAndGet();
        invocations.incrementAndGet();
        Instance.Reply reply;
        try {
            reply = instance.invoke(invocation.event(), parameters.timeout());
        } finally {
            busy.decrementAndGet();
        }
        if (reply instanceof Instance.Reply.Ok ok) {
            succeeded.incrementAndGet();
            results.accept(invocation.topic(), ok.result());
            return true;
        }
        if (reply instanceof Instance.Reply.Failed failed) {
            errors.incrementAndGet();
            lastError = "handler error: " + failed.message();
            return true;
        }
        if (reply instanceof Instance.Reply.TimedOut) {
            timeouts.incrementAndGet();
            lastError = "timed out after " + parameters.timeout().toSeconds() + " s; instance killed";
            LOG.warn("lambda-invocation-timeout function={} timeoutS={}", name, parameters.timeout().toSeconds());
            return false;
        }
        crashes.incrementAndGet();
        lastError = describe(reply);
        LOG.error("lambda-instance-died function={} detail={}", name, lastError);
        return false;
    }

    private String describe(Instance.Reply reply) {
        if (reply instanceof Instance.Reply.Failed failed) {
            return failed.message();
        }
        if (reply instanceof Instance.Reply.TimedOut) {
            return "not ready within statusTimeoutInSeconds (" + parameters.statusTimeout().toSeconds() + " s)";
        }
        Instance.Reply.Died died = (Instance.Reply.Died) reply;
        boolean oom = cgroupOomKills.getAsLong() > oomKillsAtStart;
        return "instance died " + died.when() + " (exit " + died.exitCode() + (oom ? ", the function's cgroup counted an OOM kill" : "") + ")";
    }

    /** An event waiting for an instance, with the topic it came on. */
    private record Invocation(String topic, byte[] event) {
    }
}
