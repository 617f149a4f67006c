package io.edgetwin.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemverTest {

    @Test
    void partsArePreservedAndPrintedBack() {
        Semver v = Semver.parse("1.20.3-rc.1+build.7");

        assertEquals(new Semver(1, 20, 3, List.of("rc", "1"), "build.7"), v);
        assertEquals("1.20.3-rc.1+build.7", v.toString());
    }

    @Test
    void precedenceFollowsSemverRules() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        for (int i = 1; i < ordered.size(); i++) {
            assertTrue(Semver.parse(ordered.get(i - 1)).compareTo(Semver.parse(ordered.get(i))) < 0,
                    ordered.get(i - 1) + " < " + ordered.get(i));
        }
        assertEquals(0, Semver.parse("1.0.0+a").compareTo(Semver.parse("1.0.0+b")));
    }

    @Test
    void partialLeadingZeroAndLooseVersionsAreRefused() {
        for (String bad : List.of("1.0", "01.0.0", "1.0.0-", "v1.0.0", "1.0.0-a..b", "1.0.0 ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Semver.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "' is not a semantic version"), e.getMessage());
        }
    }
}
