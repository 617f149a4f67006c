package io.edgetwin.core.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.edgetwin.core.deployment.DeploymentException;
import io.edgetwin.core.recipe.RecipeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Every mutant of every project fixture (the test fixtures and the recipes the core ships) gets a verdict
 * from its reader: read, or refused with our own error type naming the file, on one line of bounded
 * length, within 2 s. Any other exception, or a slower read, fails the property with the mutant.
 */
class ReaderMutationTest {

    private static final long MAX_READ_NANOS = 2_000_000_000L;
    private static final List<Fixtures.Fixture> FIXTURES = fixtures();

    private final Path dir = tempDir();

    @Property(tries = 1500, seed = "20261206")
    void everyMutantGetsAVerdictFromItsReader(@ForAll("fixture") Fixtures.Fixture fixture, @ForAll long seed,
                                              @ForAll @IntRange(min = 1, max = 4) int edits) throws IOException {
        byte[] mutant = Mutations.mutate(Files.readString(fixture.path()), new Random(seed), edits);
        Path file = Files.write(dir.resolve("mutant-" + fixture.path().getFileName()), mutant);

        long start = System.nanoTime();
        try {
            fixture.read(file);
        } catch (RecipeException | DeploymentException e) {
            assertTrue(e.getMessage().startsWith(file + ":"), "names the file: " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().length() < 2000,
                    "one bounded line: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(e + " reading a mutant of " + fixture + ":\n" + Mutations.describe(mutant), e);
        }
        long nanos = System.nanoTime() - start;
        assertTrue(nanos < MAX_READ_NANOS, fixture + " mutant took " + nanos / 1_000_000 + " ms:\n" + Mutations.describe(mutant));
    }

    @Provide
    Arbitrary<Fixtures.Fixture> fixture() {
        return Arbitraries.of(FIXTURES);
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

    /** The verdict fixtures and the recipes shipped in the twin image (src/main/recipes). */
    private static List<Fixtures.Fixture> fixtures() {
        try {
            List<Fixtures.Fixture> all = new ArrayList<>(Fixtures.all());
            try (Stream<Path> shipped = Files.list(Path.of("src", "main", "recipes"))) {
                shipped.forEach(f -> all.add(new Fixtures.Fixture("../../../src/main/recipes/" + f.getFileName(), true, "")));
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mutants");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
