package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class SeededBisectionTest {

    private final List<String> notes = new ArrayList<>();
    private final List<Double> tried = new ArrayList<>();

    private SeededBisection bracket(double low, double high, SeededBisection.Low lowKnown) {
        return new SeededBisection(1, 1000, low, high, lowKnown, false, 0.05, Math::round, v -> Long.toString(Math.round(v)), notes::add);
    }

    private double search(SeededBisection bisection, DoublePredicate passes) {
        while (!bisection.done()) {
            double value = bisection.next();
            tried.add(value);
            bisection.record(value, passes.test(value));
        }
        return bisection.found();
    }

    @Test
    void aGuessedBottomIsTriedOnlyWhenNothingInsideTheBracketFailed() {
        assertThat(search(bracket(100, 200, SeededBisection.Low.GUESSED), v -> v >= 150)).isBetween(150.0, 157.5);
        assertThat(tried).doesNotContain(100.0);
        assertThat(notes).isEmpty();

        tried.clear();
        assertThat(search(bracket(100, 200, SeededBisection.Low.GUESSED), v -> v >= 100)).isEqualTo(100.0);
        assertThat(tried).contains(100.0);
        assertThat(notes).containsExactly("the bracket's bottom passed: 100..104 widened downward to 50..100");
    }

    @Test
    void aBottomThatPassedOnceMisledSoTheWidenedBottomIsTriedFirst() {
        search(bracket(100, 200, SeededBisection.Low.GUESSED), v -> v >= 20);
        int widenedBottom = tried.indexOf(50.0);
        assertThat(widenedBottom).isEqualTo(tried.indexOf(100.0) + 1);
        assertThat(tried).contains(13.0);
    }

    @Test
    void aTopThatFailsWidensUpwardUntilItPassesOrReachesTheRangeTop() {
        assertThat(search(bracket(100, 200, SeededBisection.Low.FAILS), v -> v >= 700)).isBetween(700.0, 735.0);
        assertThat(notes).containsExactly("the bracket's top failed: 191..200 widened upward to 200..400",
                "the bracket's top failed: 383..400 widened upward to 400..1000");
    }

    @Test
    void aWrongBottomWidensByTheBracketsOwnRatioNotByHalving() {
        assertThat(search(bracket(100, 120, SeededBisection.Low.GUESSED), v -> v >= 90)).isBetween(90.0, 94.5);
        assertThat(notes).first().isEqualTo("the bracket's bottom passed: 100..105 widened downward to 83..100");
        assertThat(tried).doesNotContain(50.0);
    }

    @Test
    void aWrongTopWidensByTheBracketsOwnRatioNotByDoubling() {
        assertThat(search(bracket(100, 120, SeededBisection.Low.FAILS), v -> v >= 130)).isBetween(130.0, 136.5);
        assertThat(notes).containsExactly("the bracket's top failed: 115..120 widened upward to 120..144");
        assertThat(tried).doesNotContain(240.0);
    }

    @Test
    void eachFurtherWideningInTheSameDirectionSquaresTheFactorSoAFarGuessEndsInFewTrials() {
        assertThat(search(bracket(500, 600, SeededBisection.Low.GUESSED), v -> v >= 40)).isBetween(40.0, 42.0);
        assertThat(notes).hasSize(4);
        assertThat(notes.get(1)).isEqualTo("the bracket's bottom passed: 417..500 widened downward to 290..417");
        assertThat(tried).hasSizeLessThan(16);
    }
}
