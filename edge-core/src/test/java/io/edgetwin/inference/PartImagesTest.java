package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartImagesTest {

    @Test
    void balancedImagesAreAThirdOfEachLabel() {
        List<LabeledSample> images = PartImages.seeded(1).balanced(300);

        assertEquals(Map.of("ok", 100L, "scratch", 100L, "dent", 100L), ModelVariantsTest.labelCounts(images));
        assertTrue(images.stream().allMatch(image -> image.length() == 64 * 64));
    }

    @Test
    void pixelsAreWholeNumbersWithinEightBits() {
        for (LabeledSample image : PartImages.seeded(2).balanced(30)) {
            for (float pixel : image.values()) {
                assertTrue(pixel >= 0 && pixel <= 255 && pixel == Math.rint(pixel), "pixel " + pixel);
            }
        }
    }

    @Test
    void sameSeedDrawsTheSameImages() {
        assertEquals(PartImages.seeded(3).balanced(30), PartImages.seeded(3).balanced(30));
    }

    @Test
    void brightnessSpreadAloneBarelyBeatsGuessingDefective() {
        List<LabeledSample> images = PartImages.seeded(TrainedModels.EVALUATION_SEED).balanced(1_500);

        double byContrast = Thresholds.bestAccuracy(images, Thresholds::standardDeviation, PartImages.OK);
        double byRange = Thresholds.bestAccuracy(images, Thresholds::range, PartImages.OK);

        // two thirds are defective, so 0.67 is what "always defective" scores
        assertTrue(byContrast < 0.75, "one standard-deviation threshold reaches " + byContrast);
        assertTrue(byRange < 0.75, "one min-max range threshold reaches " + byRange);
    }

    @Test
    void unknownLabelIsRefused() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> PartImages.seeded(4).image("crack"));

        assertTrue(refused.getMessage().contains("'crack'"), refused.getMessage());
    }
}
