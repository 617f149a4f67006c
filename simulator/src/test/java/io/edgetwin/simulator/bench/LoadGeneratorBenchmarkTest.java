package io.edgetwin.simulator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.simulator.load.Sample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadGeneratorBenchmarkTest {

    @Test
    void severalWorkloadsSplitTheRateBetweenThemAndCountEveryRequest() throws Exception {
        LoadGeneratorBenchmark.Result result = LoadGeneratorBenchmark.run(400, Duration.ofSeconds(1),
                List.of(new Sample("x", "[0]")), 2);

        assertEquals(400, result.scheduled(), "200 a second for each of two workloads");
        assertEquals(result.scheduled(), result.ok() + result.dropped() + result.unanswered());
        assertThat(result.sendErrorP99Micros()).isNotNegative();
    }
}
