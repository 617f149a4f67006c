package io.edgetwin.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Every mutant of every scenario the project ships (scenarios/*.yaml) gets a verdict from the scenario
 * reader: read, or refused with a {@link ScenarioException} naming the file, on one bounded line, within
 * 2 s. Any other exception, or a slower read, fails the property with the mutant.
 */
class ScenarioMutationTest {

    private static final long MAX_READ_NANOS = 2_000_000_000L;
    private static final RecipeCatalog CATALOG = RecipeCatalog.load(Path.of("..", "edge-core", "src", "main", "recipes"));
    private static final List<Path> SCENARIOS = scenarios();

    private final Path dir = tempDir();
    private final ScenarioReader reader = new ScenarioReader(CATALOG, 2);

    @Property(tries = 1500, seed = "20261206")
    void everyMutantGetsAVerdict(@ForAll("scenario") Path scenario, @ForAll long seed,
                                 @ForAll @IntRange(min = 1, max = 4) int edits) throws IOException {
        byte[] mutant = Mutations.mutate(Files.readString(scenario), new Random(seed), edits);
        Path file = Files.write(dir.resolve("mutant-" + scenario.getFileName()), mutant);

        long start = System.nanoTime();
        try {
            reader.read(file);
        } catch (ScenarioException e) {
            assertTrue(e.getMessage().startsWith(file + ":"), "names the file: " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().length() < 2000,
                    "one bounded line: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(e + " reading a mutant of " + scenario + ":\n" + Mutations.describe(mutant), e);
        }
        long nanos = System.nanoTime() - start;
        assertTrue(nanos < MAX_READ_NANOS, scenario + " mutant took " + nanos / 1_000_000 + " ms:\n" + Mutations.describe(mutant));
    }

    @Provide
    Arbitrary<Path> scenario() {
        return Arbitraries.of(SCENARIOS);
    }

    @AfterProperty
    void removeMutants() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static List<Path> scenarios() {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("scenario-mutants");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
