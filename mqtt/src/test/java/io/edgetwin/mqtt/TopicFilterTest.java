package io.edgetwin.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    @Test
    void exactFilterMatchesOnlyItsOwnTopic() {
        TopicFilter filter = new TopicFilter("sensors/vibration");

        assertTrue(filter.matches("sensors/vibration"));
        assertFalse(filter.matches("sensors"));
        assertFalse(filter.matches("sensors/vibration/x"));
        assertFalse(filter.matches("sensors/temperature"));
    }

    @Test
    void plusMatchesExactlyOneLevel() {
        TopicFilter filter = new TopicFilter("sensors/+/raw");

        assertTrue(filter.matches("sensors/pump1/raw"));
        assertTrue(filter.matches("sensors//raw"), "an empty level is still one level");
        assertFalse(filter.matches("sensors/raw"));
        assertFalse(filter.matches("sensors/pump1/x/raw"));
    }

    @Test
    void trailingPlusNeedsALevelToMatch() {
        TopicFilter filter = new TopicFilter("a/+");

        assertTrue(filter.matches("a/b"));
        assertFalse(filter.matches("a"));
        assertFalse(filter.matches("a/b/c"));
    }

    @Test
    void hashMatchesEverythingBelow() {
        TopicFilter filter = new TopicFilter("a/#");

        assertTrue(filter.matches("a/b"));
        assertTrue(filter.matches("a/b/c/d"));
        assertFalse(filter.matches("b/a"));
    }

    @Test
    void hashMatchesTheParentLevelItself() {
        assertTrue(new TopicFilter("a/#").matches("a"));
        assertTrue(new TopicFilter("a/+/#").matches("a/b"));
    }

    @Test
    void aLoneHashMatchesAnyTopic() {
        TopicFilter filter = new TopicFilter("#");

        assertTrue(filter.matches("a"));
        assertTrue(filter.matches("a/b/c"));
    }

    @Test
    void levelsNeverMatchPartially() {
        assertFalse(new TopicFilter("a/b").matches("a/bc"));
        assertFalse(new TopicFilter("a/bc").matches("a/b"));
        assertFalse(new TopicFilter("a/#").matches("ab"));
        assertFalse(new TopicFilter("ab/+").matches("a/b"));
    }

    @Test
    void trailingSlashIsAnEmptyLevelOfItsOwn() {
        TopicFilter filter = new TopicFilter("a/");

        assertTrue(filter.matches("a/"));
        assertFalse(filter.matches("a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/#/b", "a#", "#/a", "a/b#"})
    void hashAnywhereButAWholeLastLevelIsRefused(String invalid) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicFilter(invalid));

        assertTrue(e.getMessage().contains("'" + invalid + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'#'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "a/+b", "+a/b"})
    void plusThatIsNotAWholeLevelIsRefused(String invalid) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicFilter(invalid));

        assertTrue(e.getMessage().contains("'" + invalid + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'+'"), e.getMessage());
    }

    @Test
    void emptyFilterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/+", "a/#", "#", "a+b", ""})
    void publishTopicsWithWildcardsOrNothingAreRefused(String topic) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicFilter.requirePublishTopic(topic));

        assertTrue(e.getMessage().contains("'" + topic + "'"), e.getMessage());
    }

    @Test
    void plainPublishTopicIsReturnedAsIs() {
        assertEquals("a/b/c", TopicFilter.requirePublishTopic("a/b/c"));
    }
}
