package io.edgetwin.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.deployment.DeploymentException;
import io.edgetwin.core.recipe.RecipeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own recipes and deployment documents, written after the cases of real Greengrass files
 * (every field, JSON and YAML, selection lifecycles, other platforms only, null list entries, missing URI
 * or VersionRequirement, bad names and versions): each gets the verdict verdicts.tsv gives, and a refusal
 * names the file, the place and what is wrong.
 */
class FixtureVerdictsTest {

    static List<Fixtures.Fixture> fixtures() throws IOException {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readerGivesTheExpectedVerdict(Fixtures.Fixture fixture) {
        Path file = fixture.path();
        if (fixture.valid()) {
            fixture.read(file);
            return;
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> fixture.read(file), fixture + " must be refused");
        assertTrue(e instanceof RecipeException || e instanceof DeploymentException, e.toString());
        assertTrue(e.getMessage().startsWith(file + ":"), "error names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(fixture.fragment()), "expected '" + fixture.fragment() + "' in: " + e.getMessage());
    }

    @Test
    void everyFixtureHasAVerdict() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String kind : List.of("recipes", "deployments")) {
            try (Stream<Path> listed = Files.list(Fixtures.root().resolve(kind))) {
                listed.forEach(f -> files.add(kind + "/" + f.getFileName()));
            }
        }

        assertEquals(files, new TreeSet<>(fixtures().stream().map(Fixtures.Fixture::file).toList()));
    }
}
