package io.edgetwin.core.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationUpdateTest {

    private static final Map<String, Object> DEFAULTS = Map.of(
            "units", "F",
            "rooms", Map.of("Kitchen", Map.of("temperature", 21, "fan", "auto")),
            "ports", List.of(80));

    @Test
    void aNewComponentStartsFromTheRecipeDefaultsWithTheMergeOnTop() {
        Map<String, Object> effective = ConfigurationUpdate.effective(DEFAULTS, Map.of(), List.of(),
                Map.of("units", "C", "rooms", Map.of("Kitchen", Map.of("fan", "on"))));

        assertEquals(Map.of("units", "C", "rooms", Map.of("Kitchen", Map.of("temperature", 21, "fan", "on")),
                "ports", List.of(80)), effective);
    }

    @Test
    void thePreviousConfigurationIsKeptWhereTheUpdateSaysNothing() {
        Map<String, Object> previous = Map.of("units", "C", "extra", true,
                "rooms", Map.of("Kitchen", Map.of("temperature", 25, "fan", "on")), "ports", List.of(80));

        Map<String, Object> effective = ConfigurationUpdate.effective(DEFAULTS, previous, List.of(), Map.of());

        assertEquals(previous, effective);
    }

    @Test
    void resetRestoresTheDefaultOfAKeyBeforeTheMergeApplies() {
        Map<String, Object> previous = Map.of("units", "C", "rooms", Map.of("Kitchen", Map.of("temperature", 25, "fan", "on")));

        Map<String, Object> effective = ConfigurationUpdate.effective(DEFAULTS, previous, List.of("/rooms/Kitchen"),
                Map.of("rooms", Map.of("Kitchen", Map.of("fan", "off"))));

        assertEquals(Map.of("units", "C", "rooms", Map.of("Kitchen", Map.of("temperature", 21, "fan", "off")),
                "ports", List.of(80)), effective);
    }

    @Test
    void resetOfAKeyWithoutADefaultRemovesIt() {
        Map<String, Object> previous = Map.of("units", "C", "extra", Map.of("a/b", 1, "keep", 2));

        Map<String, Object> effective = ConfigurationUpdate.effective(Map.of(), previous, List.of("/extra/a~1b", "/nothing/here"),
                Map.of());

        assertEquals(Map.of("units", "C", "extra", Map.of("keep", 2)), effective);
    }

    @Test
    void resetOfTheEmptyPointerRestoresAllRecipeDefaults() {
        Map<String, Object> previous = Map.of("units", "C", "extra", true, "ports", List.of(8080));

        Map<String, Object> effective = ConfigurationUpdate.effective(DEFAULTS, previous, List.of(""), Map.of());

        assertEquals(DEFAULTS, effective);
    }

    @Test
    void mergeReplacesListsAndScalarsWholeAndKeepsNull() {
        Map<String, Object> merge = new HashMap<>();
        merge.put("ports", List.of(8080, 8443));
        merge.put("units", null);

        Map<String, Object> effective = ConfigurationUpdate.effective(DEFAULTS, Map.of(), List.of(), merge);

        Map<String, Object> expected = new HashMap<>(DEFAULTS);
        expected.put("ports", List.of(8080, 8443));
        expected.put("units", null);
        assertEquals(expected, effective);
    }

    @Test
    void resetReachingIntoAListIsRefusedNamingTheWholeListInstead() {
        Map<String, Object> previous = Map.of("ports", List.of(80, 443));

        DeploymentException e = assertThrows(DeploymentException.class,
                () -> ConfigurationUpdate.effective(DEFAULTS, previous, List.of("/ports/1"), Map.of()));

        assertEquals("reset pointer '/ports/1' reaches into a list; only a whole list can be reset, e.g. '/ports'",
                e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInputsAreNotModified() {
        Map<String, Object> previous = new HashMap<>(Map.of("rooms", new HashMap<>(Map.of("Kitchen", 1))));

        Map<String, Object> effective = ConfigurationUpdate.effective(DEFAULTS, previous, List.of("/rooms/Kitchen"),
                Map.of("rooms", Map.of("Office", 2)));
        ((Map<String, Object>) effective.get("rooms")).put("Hall", 3);

        assertEquals(Map.of("rooms", Map.of("Kitchen", 1)), previous);
    }

    @Test
    void anUpdateRejectsAResetThatIsNotAPointer() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> new ConfigurationUpdate(Map.of(), List.of("rooms")));

        assertEquals("reset pointer 'rooms' is not a JSON pointer; expected \"\" for the whole configuration or a path"
                + " such as \"/rooms/Kitchen\"", e.getMessage());
    }

    @Test
    void anUpdateAppliesItsOwnResetAndMerge() {
        ConfigurationUpdate update = new ConfigurationUpdate(Map.of("units", "K"), List.of(""));

        assertEquals(Map.of("units", "K", "rooms", Map.of("Kitchen", Map.of("temperature", 21, "fan", "auto")),
                "ports", List.of(80)), update.applyTo(DEFAULTS, Map.of("units", "C", "x", 1)));
    }
}
