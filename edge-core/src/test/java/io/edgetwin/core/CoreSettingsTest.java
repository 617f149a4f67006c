package io.edgetwin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreSettingsTest {

    @Test
    void onlyThingAndBrokerAreNeededTheRestHasDefaults() {
        CoreSettings settings = CoreSettings.fromEnvironment(required());

        assertEquals("quickstart-limited-1", settings.thingName());
        assertEquals("tcp://127.0.0.1:18830", settings.brokerUri());
        assertEquals(Path.of("/opt/edgetwin"), settings.rootPath());
        assertEquals(Path.of("/var/edgetwin/deployment.json"), settings.deployment());
        assertEquals(Path.of("/run/edgetwin/ipc.socket"), settings.ipcSocket());
        assertEquals(Path.of("/sys/fs/cgroup"), settings.cgroupRoot());
        assertEquals(Duration.ofSeconds(1), settings.statusInterval());
    }

    @Test
    void everySettingIsTakenFromItsVariable() {
        Map<String, String> env = required();
        env.put("EDGETWIN_HOME", "/home/twin");
        env.put("EDGETWIN_DEPLOYMENT", "/tmp/d.json");
        env.put("EDGETWIN_IPC_SOCKET", "/tmp/ipc.sock");
        env.put("EDGETWIN_CGROUP_ROOT", "/tmp/cgroup");
        env.put("EDGETWIN_STATUS_INTERVAL_MS", "250");

        CoreSettings settings = CoreSettings.fromEnvironment(env);

        assertEquals(Path.of("/home/twin"), settings.rootPath());
        assertEquals(Path.of("/tmp/d.json"), settings.deployment());
        assertEquals(Path.of("/tmp/ipc.sock"), settings.ipcSocket());
        assertEquals(Path.of("/tmp/cgroup"), settings.cgroupRoot());
        assertEquals(Duration.ofMillis(250), settings.statusInterval());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EDGETWIN_THING_NAME", "EDGETWIN_BROKER"})
    void missingRequiredVariableIsNamed(String variable) {
        Map<String, String> env = required();
        env.remove(variable);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreSettings.fromEnvironment(env));

        assertTrue(e.getMessage().startsWith(variable + " is not set"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EDGETWIN_THING_NAME", "EDGETWIN_BROKER"})
    void blankRequiredVariableCountsAsMissing(String variable) {
        Map<String, String> env = required();
        env.put(variable, "  ");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreSettings.fromEnvironment(env));

        assertTrue(e.getMessage().startsWith(variable + " is not set"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev/1", "dev+", "dev#", "dev 1", "dév", "$SYS"})
    void thingNameThatIsNotASingleTopicLevelIsRefused(String thing) {
        Map<String, String> env = required();
        env.put("EDGETWIN_THING_NAME", thing);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreSettings.fromEnvironment(env));

        assertTrue(e.getMessage().startsWith("EDGETWIN_THING_NAME '" + thing + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "quickstart-limited-1", "Line_3.cell-07"})
    void thingNameOfLettersDigitsDashUnderscoreAndDotIsAccepted(String thing) {
        Map<String, String> env = required();
        env.put("EDGETWIN_THING_NAME", thing);

        assertEquals(thing, CoreSettings.fromEnvironment(env).thingName());
    }

    @Test
    void theBrokenRuleDefaultsToThreeErrorsInAnHourAndCanBeChanged() {
        assertEquals(3, CoreSettings.fromEnvironment(required()).brokenAfter());
        assertEquals(java.time.Duration.ofHours(1), CoreSettings.fromEnvironment(required()).errorWindow());
        Map<String, String> env = required();
        env.put("EDGETWIN_BROKEN_AFTER", "5");
        env.put("EDGETWIN_ERROR_WINDOW_S", "600");

        CoreSettings settings = CoreSettings.fromEnvironment(env);

        assertEquals(5, settings.brokenAfter());
        assertEquals(java.time.Duration.ofMinutes(10), settings.errorWindow());
    }

    @Test
    void aNonNumericSettingIsRefusedNamingTheVariable() {
        Map<String, String> env = required();
        env.put("EDGETWIN_STATUS_INTERVAL_MS", "often");

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CoreSettings.fromEnvironment(env));

        assertEquals("EDGETWIN_STATUS_INTERVAL_MS is 'often'; expected a whole number", e.getMessage());
    }

    private static Map<String, String> required() {
        Map<String, String> env = new HashMap<>();
        env.put("EDGETWIN_THING_NAME", "quickstart-limited-1");
        env.put("EDGETWIN_BROKER", "tcp://127.0.0.1:18830");
        return env;
    }
}
