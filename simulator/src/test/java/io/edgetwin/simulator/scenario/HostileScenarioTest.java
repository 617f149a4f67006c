package io.edgetwin.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scenario files that once crashed, hung or exhausted the reader: each now gets a located ScenarioException. */
class HostileScenarioTest {

    private static final RecipeCatalog CATALOG = RecipeCatalog.of(Set.of("com.edgetwin.Inference@1.0.0"));
    private static final String HEAD = """
            name: hostile
            device: {memory: 768m, cpus: 1.0}
            variants: {a: {}, b: {}}
            workload: {target: com.edgetwin.Inference, rate: 5/s, duration: 5s}
            """;

    @TempDir
    Path dir;

    private final ScenarioReader reader = new ScenarioReader(CATALOG, 2);

    @Test
    void aliasBombInAConfigurationIsRefusedInMilliseconds() throws IOException {
        StringBuilder bomb = new StringBuilder(HEAD + "bomb:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            bomb.append("  ").append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + (char) (level - 1)))).append("]\n");
        }
        bomb.append("components:\n  com.edgetwin.Inference: {version: 1.0.0, configuration: {big: *i}}\n");
        Path file = write(bomb.toString());

        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ScenarioException.class, () -> reader.read(file)));

        assertTrue(e.getMessage().startsWith(file + ":11:10: "), e.getMessage());
        assertTrue(e.getMessage().contains("expands to more than 100000 nodes"), e.getMessage());
    }

    @Test
    void selfReferencingAliasInAConfigurationIsRefused() throws IOException {
        Path file = write(HEAD + "components:\n  com.edgetwin.Inference: {version: 1.0.0, configuration: &r {k: *r}}\n");

        assertEquals(file + ":6:66: *r refers to the mapping or list it is inside (a recursive alias); expected a tree"
                + " without cycles", assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed: !!int abc", "seed: !!map [1]", "seed: !!binary \"!!!\""})
    void explicitTagsThatDoNotFitAreRefused(String line) throws IOException {
        Path file = write(HEAD + line + "\ncomponents:\n  com.edgetwin.Inference: {version: 1.0.0}\n");

        assertTrue(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage().startsWith(file + ":5:7: "));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"2028", "2029", "0085"})
    void unicodeLineSeparatorsGiveAVerdict(String hex) throws IOException {
        String separator = Character.toString(Integer.parseInt(hex, 16));
        Path file = write(HEAD + "components:\n  com.edgetwin.Inference: {version: '1.0.0" + separator + "'}\n");

        assertTrue(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage().startsWith(file + ":"));
    }

    @Test
    void anEscapeWithoutItsHexDigitsIsRefusedWithItsPlace() throws IOException {
        Path file = write(HEAD + "description: \"\\x");

        String message = assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage();

        assertTrue(message.startsWith(file + ":"), message);
        assertTrue(message.contains("an escape sequence"), message);
    }

    @Test
    void deepNestingIsRefusedWhereItGetsTooDeep() throws IOException {
        Path file = write(HEAD + "components: " + "[".repeat(70) + "]".repeat(70) + "\n");

        assertTrue(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage()
                .startsWith(file + ":5:62: nests mappings and lists more than 50 deep"));
    }

    @Test
    void nonUtf8IsRefusedAtTheBadByte() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), (HEAD + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

        assertTrue(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage()
                .startsWith(file + ":5:6: is not UTF-8 text"));
    }

    @Test
    void aFileLargerThanTheCapIsRefused() throws IOException {
        Path file = write(HEAD + "# " + "x".repeat(2 << 20) + "\n");

        assertTrue(assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage()
                .contains("larger than 1048576 bytes"));
    }

    @Test
    void longValuesAreCutInMessages() throws IOException {
        Path file = write(HEAD.replace("name: hostile\n", "") + "name: hostile\nseed: " + "9x".repeat(50_000)
                + "\ncomponents:\n  com.edgetwin.Inference: {version: 1.0.0}\n");

        ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file));

        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("…(100000 chars)"), e.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devicesPipesAndDirectoriesAreRefusedWithoutReading() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals("/dev/zero: is not a regular file (a device, named pipe or socket); expected a scenario file",
                    assertThrows(ScenarioException.class, () -> reader.read(Path.of("/dev/zero"))).getMessage());
            assertTrue(assertThrows(ScenarioException.class, () -> reader.read(fifo)).getMessage()
                    .contains("is not a regular file"));
            assertEquals(dir + ": is a directory; expected a scenario file",
                    assertThrows(ScenarioException.class, () -> reader.read(dir)).getMessage());
        });
    }

    @Test
    void aConfigurationKeyWithoutAValueIsRefusedNotCrashed() throws IOException {
        Path file = write(HEAD + "components:\n  com.edgetwin.Inference: {version: 1.0.0, configuration: {model: }}\n");

        assertEquals(file + ":6:66: components.com.edgetwin.Inference.configuration.model: 'model' has no value;"
                + " expected a value (quote '' for empty text)",
                assertThrows(ScenarioException.class, () -> reader.read(file)).getMessage());
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("scenario.yaml"), content);
    }
}
