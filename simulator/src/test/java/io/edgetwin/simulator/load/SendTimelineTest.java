package io.edgetwin.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTimelineTest {

    private static final List<Sample> SAMPLES = List.of(new Sample("normal", "[0]"));
    private static final LoadDriver.Progress QUIET = (elapsed, sent, ok, failed, p99) -> { };

    @Test
    void twoWorkloadsAreSentFromTheCallersThreadInOneTimelineOrderedByIntendedTime() {
        List<String> sends = Collections.synchronizedList(new ArrayList<>());
        LoadDriver steady = new LoadDriver(new Answering("steady", sends), SAMPLES, 1, LoadDriver.Options.defaults());
        LoadDriver bursty = new LoadDriver(new Answering("bursty", sends), SAMPLES, 2, LoadDriver.Options.defaults());

        List<LoadResult> results = SendTimeline.run(List.of(new SendTimeline.Lane(steady, new Arrival.Constant(100), QUIET),
                new SendTimeline.Lane(bursty, new Arrival.Constant(40), QUIET)), System.nanoTime(), Duration.ZERO,
                Duration.ofMillis(500), Duration.ofSeconds(1));

        assertEquals(50, results.get(0).ok());
        assertEquals(20, results.get(1).ok());
        assertThat(sends).as("every request handed over by the calling thread").allMatch(s -> s.endsWith(Thread.currentThread().getName()));
        // intended times: steady every 10 ms from 0, bursty every 25 ms from 0; equal times keep lane order
        List<String> expected = new ArrayList<>();
        for (int ms = 0, steadyAt = 0, burstyAt = 0; expected.size() < 70; ms++) {
            if (ms == steadyAt && steadyAt < 500) {
                expected.add("steady");
                steadyAt += 10;
            }
            if (ms == burstyAt && burstyAt < 500) {
                expected.add("bursty");
                burstyAt += 25;
            }
        }
        assertThat(sends.stream().map(s -> s.substring(0, s.indexOf(' '))).toList()).isEqualTo(expected);
    }

    @Test
    void eachWorkloadStopsOnItsOwnConditionWhileTheOtherRunsToTheEnd() {
        List<String> sends = Collections.synchronizedList(new ArrayList<>());
        LoadDriver stopping = new LoadDriver(new Answering("stopping", sends), SAMPLES, 1,
                LoadDriver.Options.defaults().stoppingWhen(() -> true));
        LoadDriver full = new LoadDriver(new Answering("full", sends), SAMPLES, 2, LoadDriver.Options.defaults());

        List<LoadResult> results = SendTimeline.run(List.of(new SendTimeline.Lane(stopping, new Arrival.Constant(100), QUIET),
                new SendTimeline.Lane(full, new Arrival.Constant(100), QUIET)), System.nanoTime(), Duration.ZERO,
                Duration.ofMillis(2500), Duration.ofSeconds(1));

        assertThat(stopping.stoppedEarly()).isTrue();
        assertThat(results.get(0).scheduled()).isBetween(90L, 130L);
        assertEquals(250, results.get(1).scheduled());
        assertEquals(250, results.get(1).ok());
    }

    @Test
    void aClosedWorkloadHasNoTimeline() {
        LoadDriver driver = new LoadDriver(new Answering("closed", new ArrayList<>()), SAMPLES, 1, LoadDriver.Options.defaults());

        assertThatThrownBy(() -> new SendTimeline.Lane(driver, new Arrival.Closed(2), QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed workload");
    }

    /** Answers each request at once, on the sending thread, and notes who sent it. */
    private static final class Answering implements Transport {
        private final String lane;
        private final List<String> sends;
        private Answers answers;

        Answering(String lane, List<String> sends) {
            this.lane = lane;
            this.sends = sends;
        }

        @Override
        public int twins() {
            return 1;
        }

        @Override
        public void start(Answers answers) {
            this.answers = answers;
        }

        @Override
        public boolean send(int twin, long id, Sample sample) {
            sends.add(lane + " " + Thread.currentThread().getName());
            answers.answered(id, sample.label(), System.nanoTime());
            return true;
        }
    }
}
