package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VibrationWindowsTest {

    @Test
    void balancedWindowsAreHalfAnomalies() {
        List<LabeledSample> windows = VibrationWindows.seeded(1).balanced(400);

        assertEquals(Map.of("normal", 200L, "anomaly", 200L), ModelVariantsTest.labelCounts(windows));
        assertTrue(windows.stream().allMatch(window -> window.length() == VibrationWindows.WINDOW_LENGTH));
    }

    @Test
    void signalEnergyAloneDoesNotSeparateTheClasses() {
        List<LabeledSample> windows = VibrationWindows.seeded(TrainedModels.EVALUATION_SEED).balanced(2_000);

        double best = Thresholds.bestAccuracy(windows, Thresholds::standardDeviation, VibrationWindows.ANOMALY);

        assertTrue(best < 0.9, "one RMS threshold already reaches " + best);
    }
}
