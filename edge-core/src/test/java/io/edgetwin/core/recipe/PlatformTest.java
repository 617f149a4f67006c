package io.edgetwin.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTest {

    private static final DevicePlatform AMD64 = DevicePlatform.linux("amd64");
    private static final DevicePlatform X86_64 = DevicePlatform.linux("x86_64");

    @Test
    void deviceArchitectureAliasesAreCanonical() {
        assertEquals("amd64", X86_64.architecture());
        assertEquals("aarch64", DevicePlatform.linux("arm64").architecture());
        assertEquals(AMD64, X86_64);
    }

    @Test
    void literalValuesMatchWithoutCaseAndThroughArchitectureAliases() {
        assertTrue(platform("os", "Linux", "architecture", "AMD64").matches(X86_64));
        assertTrue(platform("architecture", "x86_64").matches(AMD64));
        assertFalse(platform("architecture", "aarch64").matches(AMD64));
        assertFalse(platform("os", "windows").matches(AMD64));
        assertFalse(platform("os", "raspbian").matches(AMD64));
    }

    @Test
    void starAllAndAnyMatchEverything() {
        assertTrue(platform("os", "*", "architecture", "all").matches(AMD64));
        assertTrue(platform("os", "ALL", "gpu", "any").matches(AMD64));
        assertTrue(Platform.ANY.matches(AMD64));
    }

    @Test
    void regexMustMatchTheWholeValueOrAnAlias() {
        assertTrue(platform("os", "/lin.*/").matches(AMD64));
        assertFalse(platform("os", "/lin/").matches(AMD64));
        assertTrue(platform("architecture", "/x86_64|aarch64/").matches(AMD64));
        assertTrue(platform("architecture", "/amd64/").matches(X86_64));
    }

    @Test
    void customKeysMatchTheDevicesAttributesAndNothingWhenItHasNone() {
        DevicePlatform withGpu = new DevicePlatform("linux", "amd64", Map.of("accelerator", "cuda"));

        assertTrue(platform("Accelerator", "/cuda|rocm/").matches(withGpu));
        assertFalse(platform("accelerator", "rocm").matches(withGpu));
        assertFalse(platform("random", "/list|of|options/").matches(AMD64));
        assertTrue(platform("random", "*").matches(AMD64));
    }

    private static Platform platform(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new Platform(map);
    }
}
