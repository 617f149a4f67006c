package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FleetLaunchTest {

    /** A started twin stand-in that remembers whether it was closed. */
    static final class FakeTwin implements AutoCloseable {
        final int number;
        volatile boolean closed;

        FakeTwin(int number) {
            this.number = number;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void twinsComeBackInSpecOrderWhateverOrderTheyFinishedIn() throws Exception {
        List<Integer> specs = IntStream.rangeClosed(1, 12).boxed().toList();
        try (Teardown teardown = new Teardown()) {
            List<FakeTwin> twins = FleetLaunch.startAll(specs, n -> {
                awaitQuietly(new CountDownLatch(1), 13 - n); // later specs finish first
                return new FakeTwin(n);
            }, 4, teardown);

            assertThat(twins).extracting(t -> t.number).containsExactlyElementsOf(specs);
        }
    }

    @Test
    void noMoreStartsAreInFlightThanTheParallelismAllowsAndSeveralOverlap() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeInFlight = new CountDownLatch(3);
        try (Teardown teardown = new Teardown()) {
            FleetLaunch.startAll(IntStream.rangeClosed(1, 16).boxed().toList(), n -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                threeInFlight.countDown();
                awaitQuietly(threeInFlight, 2_000);
                inFlight.decrementAndGet();
                return new FakeTwin(n);
            }, 3, teardown);
        }

        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void aFailedStartStopsTheTwinsThatStartedAndReportsTheFirstFailure() throws Exception {
        List<FakeTwin> started = new CopyOnWriteArrayList<>();
        Teardown teardown = new Teardown();

        assertThatThrownBy(() -> FleetLaunch.startAll(IntStream.rangeClosed(1, 8).boxed().toList(), n -> {
            if (n == 3) {
                throw new IllegalStateException("twin 3 did not start");
            }
            FakeTwin twin = new FakeTwin(n);
            started.add(twin);
            return twin;
        }, 2, teardown)).hasMessage("twin 3 did not start");
        teardown.close();

        assertThat(started).isNotEmpty().allMatch(t -> t.closed);
    }

    @Test
    void oneAtATimeStartsInOrderOnTheCallingThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (Teardown teardown = new Teardown()) {
            FleetLaunch.startAll(List.of(1, 2, 3), n -> {
                threads.add(Thread.currentThread().getName());
                return new FakeTwin(n);
            }, 1, teardown);
        }

        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void parallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> FleetLaunch.startAll(List.of(1), FakeTwin::new, 0, new Teardown()))
                .hasMessageContaining("parallelism is 0");
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
