package io.edgetwin.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void comparatorsInASetMustAllHold() {
        assertMatches(">=1.0.0 <2.0.0", "1.0.0", "1.9.9");
        assertRefuses(">=1.0.0 <2.0.0", "0.9.9", "2.0.0", "2.0.0-rc.1");
        assertMatches(">= 1.2.3 <= 1.2.5", "1.2.3", "1.2.5");
        assertRefuses("> 1.2.3 < 1.2.5", "1.2.3", "1.2.5");
    }

    @Test
    void caretAllowsChangesRightOfTheFirstNonZeroPart() {
        assertMatches("^1.2.0", "1.2.0", "1.99.0");
        assertRefuses("^1.2.0", "1.1.9", "2.0.0");
        assertMatches("^0.2.3", "0.2.3", "0.2.9");
        assertRefuses("^0.2.3", "0.3.0");
        assertMatches("^0.0.3", "0.0.3");
        assertRefuses("^0.0.3", "0.0.4");
        assertMatches("^1.1", "1.1.0", "1.5.2");
        assertRefuses("^1.1", "1.0.9", "2.0.0");
    }

    @Test
    void tildeAllowsPatchChanges() {
        assertMatches("~1.2.0", "1.2.0", "1.2.17");
        assertRefuses("~1.2.0", "1.3.0", "1.1.9");
        assertMatches("~1", "1.0.0", "1.9.0");
        assertRefuses("~1", "2.0.0");
    }

    @Test
    void xRangesAndPartialVersionsCoverTheirParts() {
        assertMatches("1.x", "1.0.0", "1.99.99");
        assertRefuses("1.x", "0.9.0", "2.0.0");
        assertMatches("1.2", "1.2.0", "1.2.9");
        assertRefuses("1.2", "1.3.0");
        assertMatches("*", "0.0.0", "99.1.2");
        assertMatches("", "3.0.0");
        assertRefuses(">1", "1.9.9");
        assertMatches(">1", "2.0.0");
        assertRefuses("<=1.2", "1.3.0");
        assertMatches("<=1.2", "1.2.99");
    }

    @Test
    void exactVersionsWithOrWithoutEquals() {
        assertMatches("=1.0.0", "1.0.0");
        assertRefuses("=1.0.0", "1.0.1");
        assertMatches("1.0.0", "1.0.0");
        assertRefuses("1.0.0", "1.0.1", "1.0.0-rc.1");
    }

    @Test
    void alternativesAreJoinedByOr() {
        assertMatches("1.x || >=3.0.0 <3.1.0", "1.5.0", "3.0.5");
        assertRefuses("1.x || >=3.0.0 <3.1.0", "2.0.0", "3.1.0");
    }

    @Test
    void hyphenRangesIncludeBothEnds() {
        assertMatches("1.2.3 - 2.3.4", "1.2.3", "2.3.4");
        assertRefuses("1.2.3 - 2.3.4", "1.2.2", "2.3.5");
        assertMatches("1.2 - 2.3", "1.2.0", "2.3.9");
        assertRefuses("1.2 - 2.3", "2.4.0");
    }

    @Test
    void prereleasesMatchOnlyWhenTheRangeNamesOneOfTheSameRelease() {
        assertMatches(">=1.2.3-alpha.1 <2.0.0", "1.2.3-alpha.2", "1.2.3-beta", "1.5.0");
        assertRefuses(">=1.2.3-alpha.1 <2.0.0", "1.2.4-alpha.1", "1.2.3-alpha.0");
        assertRefuses("^1.0.0", "1.5.0-beta");
    }

    @Test
    void somethingThatIsNotAVersionIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">=1.0 <two"));

        assertEquals("'two' in '>=1.0 <two' is not a version; expected an npm-style range such as '>=1.0.0 <2.0.0',"
                + " '^1.2.0', '~1.2.0', '1.x' or '*'", e.getMessage());
    }

    @Test
    void theRangeReadsAsWritten() {
        assertEquals(">=2.0.0 <2.3.0", VersionRange.parse(">=2.0.0 <2.3.0").toString());
        assertEquals(VersionRange.parse("^1.1"), VersionRange.parse("^1.1"));
    }

    private static void assertMatches(String range, String... versions) {
        VersionRange parsed = VersionRange.parse(range);
        for (String version : List.of(versions)) {
            assertTrue(parsed.satisfiedBy(version), range + " should be satisfied by " + version);
        }
    }

    private static void assertRefuses(String range, String... versions) {
        VersionRange parsed = VersionRange.parse(range);
        for (String version : List.of(versions)) {
            assertTrue(!parsed.satisfiedBy(version), range + " should not be satisfied by " + version);
        }
    }
}
