package io.edgetwin.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Interference;
import io.edgetwin.report.InterferenceSample;
import io.edgetwin.report.Validity;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterferenceRuleTest {

    @Test
    void aBusyHostMakesTheRunInvalidNamingTheInterference() {
        Validity v = InterferenceRule.apply(Validity.ok(), seen(0.6, 0.4), 0.25);

        assertFalse(v.valid());
        assertEquals(1, v.reasons().size());
        assertTrue(v.reasons().get(0).startsWith("host interference: others on this host used 50 % of the 2 cores"),
                v.reasons().get(0));
        assertTrue(v.reasons().get(0).contains("the limit is 25 %"), v.reasons().get(0));
    }

    @Test
    void aQuietHostLeavesTheValidityAsItWas() {
        Validity invalid = Validity.invalid("too short");

        assertSame(invalid, InterferenceRule.apply(invalid, seen(0.05, 0.03), 0.25));
        assertTrue(InterferenceRule.apply(Validity.ok(), seen(0.05, 0.03), 0.25).valid());
    }

    @Test
    void anUnmeasuredHostIsNotAReasonToInvalidate() {
        assertTrue(InterferenceRule.apply(Validity.ok(), null, 0.25).valid());
    }

    private static Interference seen(double... shares) {
        List<InterferenceSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            samples.add(new InterferenceSample(1000L * (i + 1), shares[i], 0, 0, null, null, null));
        }
        return Interference.of(2, samples);
    }
}
