package io.edgetwin.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.edgetwin.core.deployment.DeploymentException;
import io.edgetwin.core.deployment.DeploymentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optional conformance suite: real Greengrass recipes and deployment documents (from the nucleus and its
 * component-common library) with an {@code EXPECTED.tsv} of verdicts. Every file must get the verdict
 * EXPECTED.tsv gives, and a refusal must be about what EXPECTED.tsv says is wrong. The corpus is not part
 * of this repository: point at it with {@code -Dedgetwin.conformance.corpus=PATH}; without the property
 * the suite looks for {@code ../shared/corpus/greengrass} beside the repository, and when there is none
 * it is skipped with the reason. Nothing else depends on it: the project's own fixtures
 * ({@code FixtureVerdictsTest}) cover the same cases.
 */
class GreengrassConformanceTest {

    static final String PROPERTY = "edgetwin.conformance.corpus";

    private static final Path CORPUS = corpus();

    /** What a refusal must mention, by the reason EXPECTED.tsv gives. */
    private static final Map<String, String> REASON_IN_MESSAGE = Map.of(
            "not well-formed YAML", "not well-formed YAML",
            "Artifacts list holds a null element", ".Artifacts[0] is empty (null)",
            "Manifests list holds a null element", "Manifests[0] is empty (null)",
            "has no URI", ".URI is missing",
            "has no VersionRequirement", ".VersionRequirement is missing",
            "ComponentName breaks", "ComponentName is '",
            "ComponentVersion is longer than 64", "ComponentVersion is 84 characters long");

    record Expectation(String file, boolean valid, String why) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** The property's folder, or the default beside the repository root (Maven runs tests in the module). */
    private static Path corpus() {
        String given = System.getProperty(PROPERTY, "");
        if (!given.isBlank()) {
            return Path.of(given);
        }
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return module.getParent().resolve(Path.of("..", "shared", "corpus", "greengrass")).normalize();
    }

    private static final String SKIPPED = "Greengrass conformance suite skipped: no corpus at " + CORPUS
            + " (set -D" + PROPERTY + "=PATH to a folder with EXPECTED.tsv, recipes/ and deployments/ to run it)";

    /** Whether the corpus is there; a folder given with the property that is not a corpus is an error. */
    private static boolean present() {
        boolean present = Files.isRegularFile(CORPUS.resolve("EXPECTED.tsv"));
        if (!present && !System.getProperty(PROPERTY, "").isBlank()) {
            fail(PROPERTY + "=" + CORPUS + " has no EXPECTED.tsv; expected the folder of the Greengrass corpus");
        }
        return present;
    }

    @BeforeAll
    static void sayWhenSkipped() {
        if (!present()) {
            System.out.println(SKIPPED);
        }
    }

    /** Without a corpus, one placeholder that the test skips with the reason, so the report shows it. */
    static List<Expectation> expectations() throws IOException {
        if (!present()) {
            return List.of(new Expectation("(no corpus)", true, ""));
        }
        Path tsv = CORPUS.resolve("EXPECTED.tsv");
        try (Stream<String> lines = Files.lines(tsv)) {
            return lines.skip(1).filter(line -> !line.isBlank()).map(GreengrassConformanceTest::expectation).toList();
        }
    }

    private static Expectation expectation(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length < 2 || !Set.of("valid", "invalid").contains(columns[1])) {
            fail("EXPECTED.tsv line is not FILE<TAB>valid|invalid<TAB>WHY: " + line);
        }
        return new Expectation(columns[0], columns[1].equals("valid"), columns.length > 2 ? columns[2] : "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void readerAgreesWithTheExpectedVerdict(Expectation expected) {
        Assumptions.assumeTrue(present(), SKIPPED);
        Path file = CORPUS.resolve(expected.file());
        if (expected.valid()) {
            read(file);
            return;
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> read(file), expected.file() + " must be refused");
        assertTrue(e instanceof RecipeException || e instanceof DeploymentException, e.toString());
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), "error names the file: " + e.getMessage());
        REASON_IN_MESSAGE.forEach((reason, fragment) -> {
            if (expected.why().contains(reason)) {
                assertTrue(e.getMessage().contains(fragment), "refused for '" + expected.why() + "': " + e.getMessage());
            }
        });
    }

    @Test
    void everyCorpusFileHasAnExpectedVerdict() throws IOException {
        Assumptions.assumeTrue(present(), SKIPPED);
        Set<String> files = new TreeSet<>();
        for (String kind : List.of("recipes", "deployments")) {
            try (Stream<Path> listed = Files.list(CORPUS.resolve(kind))) {
                listed.forEach(f -> files.add(kind + "/" + f.getFileName()));
            }
        }
        Set<String> listed = new TreeSet<>(expectations().stream().map(Expectation::file).toList());

        assertEquals(files, listed);
    }

    private static void read(Path file) {
        if (file.getParent().getFileName().toString().equals("deployments")) {
            new DeploymentReader().read(file);
        } else {
            new RecipeReader(DevicePlatform.linux("amd64")).read(file, warning -> { });
        }
    }
}
