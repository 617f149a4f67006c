package io.edgetwin.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

    private static final List<Sample> SAMPLES = List.of(new Sample("normal", "[0]"), new Sample("anomaly", "[1]"));
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void anOpenLoadSendsItsScheduleAndMeasuresEveryAnswer() {
        EchoTransport echo = new EchoTransport(2, TimeUnit.MILLISECONDS.toNanos(1), twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());

        LoadResult result = run(driver, new Arrival.Constant(200), Duration.ofMillis(200), SECOND);

        assertEquals(200, result.scheduled());
        assertEquals(200, result.ok());
        assertEquals(200, result.correct());
        assertEquals(0, result.dropped() + result.unanswered());
        assertEquals(240, echo.received.get(), "warm-up sent too, at the same rate");
        assertThat(result.latencyNanos().getValueAtPercentile(50)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(result.windows()).extracting(LatencyWindow::count).containsExactly(200L);
    }

    @Test
    void requestsToAnUnreachableTwinAreCountedAsDroppedNotSent() {
        EchoTransport echo = new EchoTransport(2, 0, twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults().reachableWhen(twin -> twin == 0));

        LoadResult result = run(driver, new Arrival.Constant(100), Duration.ZERO, SECOND);

        assertEquals(100, result.scheduled());
        assertEquals(50, result.dropped());
        assertEquals(50, result.sent());
        assertEquals(50, result.ok());
        assertEquals(50, result.windows().get(0).errors());
    }

    @Test
    void requestsDueWhileTheHarnessCannotSendAreUnsentAndNoTwinsError() {
        EchoTransport echo = new EchoTransport(2, 0, twin -> false);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults()
                .sendableWhen(() -> asked.getAndIncrement() % 4 != 0));

        LoadResult result = run(driver, new Arrival.Constant(100), Duration.ZERO, SECOND);

        assertEquals(100, result.scheduled());
        assertEquals(25, result.unsent());
        assertEquals(0, result.dropped());
        assertEquals(75, result.sent());
        assertEquals(75, result.ok());
        assertEquals(0, result.windows().get(0).errors(), "unsent requests say nothing about the twins");
        assertEquals(75, result.windows().get(0).count());
    }

    @Test
    void requestsThatNeverGetAnAnswerAreCountedAsUnansweredFailures() {
        EchoTransport echo = new EchoTransport(2, 0, twin -> twin == 1);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());

        LoadResult result = run(driver, new Arrival.Constant(100), Duration.ZERO, SECOND);

        assertEquals(50, result.unanswered());
        assertEquals(50, result.failed());
        assertEquals(50, result.ok());
    }

    @Test
    void latencyCountsFromTheIntendedSendTimeSoASlowTwinCannotHideItsBacklog() {
        EchoTransport echo = new EchoTransport(1, TimeUnit.MILLISECONDS.toNanos(20), twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());

        LoadResult result = run(driver, new Arrival.Constant(100), Duration.ZERO, SECOND);

        // One answer every 20 ms for one request every 10 ms: the queue grows by one every 20 ms.
        assertThat(result.latencyNanos().getMaxValue()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900));
    }

    @Test
    void aClosedLoadKeepsItsConcurrencyInFlight() {
        EchoTransport echo = new EchoTransport(2, TimeUnit.MILLISECONDS.toNanos(2), twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());

        LoadResult result = run(driver, new Arrival.Closed(3), Duration.ZERO, SECOND);

        assertEquals(3, echo.maxInFlight.get());
        assertThat(result.ok()).as("one answer every 2 ms").isBetween(400L, 510L);
    }

    @Test
    void theGeneratorThreadsCpuTimeIsMeasured() {
        EchoTransport echo = new EchoTransport(1, 0, twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());

        LoadResult result = run(driver, new Arrival.Constant(2000), Duration.ZERO, SECOND);

        assertThat(result.generatorCpuNanos()).isPositive();
        assertThat(result.generatorCpuFraction()).isBetween(0.0, 1.2);
    }

    @Test
    void aStopConditionEndsTheLoadAtTheNextOnceASecondCheck() {
        EchoTransport echo = new EchoTransport(1, TimeUnit.MILLISECONDS.toNanos(1), twin -> false);
        AtomicInteger asked = new AtomicInteger();
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults().stoppingWhen(() -> asked.incrementAndGet() >= 2));

        LoadResult result = run(driver, new Arrival.Constant(100), Duration.ZERO, Duration.ofSeconds(30));

        assertThat(driver.stoppedEarly()).isTrue();
        assertThat(result.scheduled()).isBetween(150L, 260L);
        assertEquals(result.scheduled(), result.ok());
    }

    @Test
    void withoutAStopConditionTheWholeScheduleRuns() {
        EchoTransport echo = new EchoTransport(1, TimeUnit.MILLISECONDS.toNanos(1), twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());

        LoadResult result = run(driver, new Arrival.Constant(100), Duration.ZERO, Duration.ofMillis(1500));

        assertThat(driver.stoppedEarly()).isFalse();
        assertEquals(150, result.scheduled());
    }

    @Test
    void aSnapshotWhileTheLoadRunsHoldsWhatWasMeasuredSoFarAndNothingBeforeItsMeasuredPart() throws Exception {
        EchoTransport echo = new EchoTransport(2, 0, twin -> false);
        LoadDriver driver = new LoadDriver(echo, SAMPLES, 42, LoadDriver.Options.defaults());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        java.util.concurrent.CompletableFuture<LoadResult> whole = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                driver.run(new Arrival.Constant(100), start, Duration.ofMillis(300), Duration.ofSeconds(3), SECOND,
                        (elapsed, sent, ok, failed, p99) -> { }));

        assertThat(driver.snapshot(start)).as("still in its warm-up").isEmpty();
        LoadResult partial = awaitSnapshot(driver, snapshot -> snapshot.ok() >= 50);
        LoadResult finished = whole.get(10, TimeUnit.SECONDS);

        assertThat(partial.measured()).isLessThan(Duration.ofSeconds(3));
        assertThat(partial.ok()).isLessThan(finished.ok());
        assertThat(partial.ok() + partial.failed()).isLessThanOrEqualTo(partial.sent());
        assertEquals(partial.ok(), partial.correct(), "the echo answers every sample's own label");
        assertEquals(partial.ok(), partial.latencyNanos().getTotalCount());
        assertThat(partial.windows()).isNotEmpty();
    }

    private static LoadResult awaitSnapshot(LoadDriver driver, java.util.function.Predicate<LoadResult> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            java.util.Optional<LoadResult> snapshot = driver.snapshot(System.nanoTime());
            if (snapshot.isPresent() && condition.test(snapshot.get())) {
                return snapshot.get();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        throw new AssertionError("no snapshot met the condition within 10 s");
    }

    private static LoadResult run(LoadDriver driver, Arrival arrival, Duration warmup, Duration duration) {
        return driver.run(arrival, System.nanoTime(), warmup, duration, Duration.ofSeconds(5),
                (elapsed, sent, ok, failed, p99) -> { });
    }
}
