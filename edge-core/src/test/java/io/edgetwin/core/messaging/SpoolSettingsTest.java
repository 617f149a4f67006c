package io.edgetwin.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpoolSettingsTest {

    @Test
    void withoutVariablesTheGreengrassDefaultsApply() {
        SpoolSettings settings = SpoolSettings.fromEnvironment(Map.of());

        assertEquals(SpoolSettings.Storage.MEMORY, settings.storage());
        assertEquals(2_621_440, settings.maxSizeInBytes());
        assertFalse(settings.keepQos0WhenOffline());
        assertEquals(Path.of("/var/edgetwin/spool"), settings.directory());
    }

    @Test
    void everySettingIsTakenFromItsVariable() {
        SpoolSettings settings = SpoolSettings.fromEnvironment(Map.of(
                "EDGETWIN_SPOOL_STORAGE", "Disk",
                "EDGETWIN_SPOOL_MAX_BYTES", "10485760",
                "EDGETWIN_SPOOL_KEEP_QOS0", "true",
                "EDGETWIN_SPOOL_DIR", "/data/spool"));

        assertEquals(SpoolSettings.Storage.DISK, settings.storage());
        assertEquals(10_485_760, settings.maxSizeInBytes());
        assertTrue(settings.keepQos0WhenOffline());
        assertEquals(Path.of("/data/spool"), settings.directory());
    }

    @ParameterizedTest
    @CsvSource({"memory, MEMORY", "MEMORY, MEMORY", "disk, DISK", "DiSk, DISK"})
    void storageTypeIgnoresCase(String value, SpoolSettings.Storage expected) {
        assertEquals(expected, SpoolSettings.fromEnvironment(Map.of("EDGETWIN_SPOOL_STORAGE", value)).storage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EDGETWIN_SPOOL_STORAGE   | Tape | Memory or Disk",
            "EDGETWIN_SPOOL_STORAGE   | ''   | Memory or Disk",
            "EDGETWIN_SPOOL_MAX_BYTES | 2.5MB | a whole number of bytes greater than 0",
            "EDGETWIN_SPOOL_MAX_BYTES | 0    | a whole number of bytes greater than 0",
            "EDGETWIN_SPOOL_MAX_BYTES | -1   | a whole number of bytes greater than 0",
            "EDGETWIN_SPOOL_KEEP_QOS0 | yes  | true or false",
            "EDGETWIN_SPOOL_DIR       | ' '  | a directory path"})
    void unusableValueIsRefusedNamingVariableValueAndExpectation(String variable, String value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpoolSettings.fromEnvironment(Map.of(variable, value)));

        assertEquals(variable + " is '" + value + "'; expected " + expected + (expected.startsWith("Memory") ? " (any case)" : ""),
                e.getMessage());
    }
}
