package io.edgetwin.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.LambdaResult;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.RecipeCatalog;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioReader;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.TwinOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The shipped Lambda scenario, judged on what a twin's core reports about its Lambda functions: a
 * container run in which the model hardly answers neither passes nor counts as valid, a function's
 * memory size and counters reach the report and the variant's closing lines, and a contained function's OOM
 * kills are its own.
 */
class LambdaVariantTest {

    private static final String BUSY = "com.edgetwin.lambda.Busy";
    private static final String INFERENCE = "com.edgetwin.lambda.Inference";
    private static final Scenario SCENARIO = new ScenarioReader(RecipeCatalog.load(Path.of("../edge-core/src/main/recipes")), 2)
            .read(Path.of("../scenarios/lambda-inference.yaml"));

    @Test
    void aContainerRunWhoseModelAnsweredTwentyFiveOfSixteenHundredIsInvalidAndFailsItsErrorGate() {
        Variant container = variant("container");
        LoadResult load = load(1600, 25);

        Validity validity = ValidityCheck.of(load, SCENARIO.validity(), SCENARIO.thresholdsReading("container"));
        assertFalse(validity.valid());
        assertTrue(validity.reasons().get(0).startsWith("25 answers are too few to report p99"), validity.reasons().toString());

        VariantResult judged = VariantResults.withThresholds(VariantResults.of(SCENARIO, container, status(36), new TwinOutcome(false, true, 0),
                3000, load, 700L << 20, validity), container);
        ThresholdResult errors = judged.thresholds().stream().filter(t -> t.expr().equals("errors.rate < 1%")).findFirst().orElseThrow();
        assertFalse(errors.passed());
    }

    @Test
    void eachFunctionsModeMemorySizeAndCountersReachTheReportAndItsOomKillsAreNotTheDevices() {
        VariantResult result = VariantResults.of(SCENARIO, variant("container"), status(36), new TwinOutcome(false, true, 0), 3000,
                load(1600, 1600), 700L << 20, Validity.ok());

        LambdaResult busy = result.components().get(BUSY).lambda();
        assertNotNull(busy);
        assertEquals("GreengrassContainer", busy.containerMode());
        assertEquals(196608, busy.memorySizeKb());
        assertEquals(36, busy.crashes());
        assertEquals(0.25, result.components().get(BUSY).limits().cpus());
        assertEquals(36, result.oomKills().component(BUSY));
        assertEquals(0, result.oomKills().device(), "the neighbour's kills happened inside its own memory size");
    }

    @Test
    void theVariantsClosingLinesNameEachFunctionAndTheAttacksAndEndWithItsTotal() {
        LoadResult load = load(1600, 1489);
        Validity validity = ValidityCheck.of(load, SCENARIO.validity(), SCENARIO.thresholdsReading("container"));
        VariantResult result = VariantResults.of(SCENARIO, variant("container"), status(36), new TwinOutcome(false, true, 0), 3000,
                load, 700L << 20, validity);

        List<String> lines = VariantSummary.lines(result, load, validity, "attacks: 7 tried, 7 refused");

        assertTrue(lines.stream().anyMatch(l -> l.startsWith(BUSY + ": 192 MiB")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(INFERENCE + ": ")), lines.toString());
        assertEquals("attacks: 7 tried, 7 refused", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("done: ok 1489 of 1600, dropped 0, unsent 0, unanswered 111"),
                lines.get(lines.size() - 1));
    }

    private static Variant variant(String name) {
        return SCENARIO.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static LoadResult load(long sent, long ok) {
        Histogram latency = new Histogram(3);
        for (long i = 0; i < ok; i++) {
            latency.recordValue(5_000_000);
        }
        return new LoadResult(sent, sent, 0, ok, sent - ok, sent - ok, 0, ok, latency, new Histogram(3), List.of(),
                Duration.ofSeconds(40), 1_000_000, 0);
    }

    /** The twin's own OOM counter (cgroup v1) counts no kill inside a component's cgroup of its own. */
    private static TwinStatus status(long busyOomKills) {
        TwinStatus.Component busy = new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, "", null,
                new TwinStatus.Resources(190L << 20, 192L << 20, 1, 400, 380, 1, 0, busyOomKills));
        TwinStatus.Component inference = new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, "", null,
                new TwinStatus.Resources(150L << 20, 160L << 20, 1, 400, 0, 0, 0, 0));
        return new TwinStatus("lambda-inference-container-1", "RUNNING", 60_000, new TwinStatus.Device(768L << 20, 768L << 20, 1.0, 512),
                new TwinStatus.Memory(600L << 20, 700L << 20), 0, null, Map.of(BUSY, busy, INFERENCE, inference),
                Map.of(BUSY, new TwinStatus.Lambda(1600, 200, 1400, 1362, 0, 2, 36, busyOomKills, 80, 0, 3, 4, 0, "",
                                "GreengrassContainer", 196608, 2100, 4800),
                        INFERENCE, new TwinStatus.Lambda(1600, 0, 1600, 1600, 0, 0, 0, 0, 1, 0, 1, 1, 0, "",
                                "GreengrassContainer", 393216, 1400, 1400)));
    }
}
