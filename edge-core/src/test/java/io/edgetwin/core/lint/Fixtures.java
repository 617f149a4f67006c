package io.edgetwin.core.lint;

import static org.junit.jupiter.api.Assertions.fail;

import io.edgetwin.core.deployment.DeploymentReader;
import io.edgetwin.core.recipe.DevicePlatform;
import io.edgetwin.core.recipe.RecipeReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The project's own recipe and deployment fixtures (test resources {@code fixtures/}) and the verdict
 * each must get ({@code fixtures/verdicts.tsv}: file, valid or invalid, a fragment the error contains).
 */
public final class Fixtures {

    /** One fixture and its expected verdict. */
    public record Fixture(String file, boolean valid, String fragment) {
        public Path path() {
            return root().resolve(file);
        }

        public boolean isDeployment() {
            return file.startsWith("deployments/");
        }

        /** Reads the fixture (or other text of its kind) with the reader its kind takes. */
        public void read(Path path) {
            if (isDeployment()) {
                new DeploymentReader().read(path);
            } else {
                new RecipeReader(DevicePlatform.linux("amd64")).read(path, warning -> { });
            }
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private Fixtures() {
    }

    public static Path root() {
        URL verdicts = Fixtures.class.getResource("/fixtures/verdicts.tsv");
        if (verdicts == null) {
            fail("test resource fixtures/verdicts.tsv is missing");
        }
        try {
            return Path.of(verdicts.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Fixture> all() throws IOException {
        return Files.readAllLines(root().resolve("verdicts.tsv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(Fixtures::fixture).toList();
    }

    private static Fixture fixture(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length < 2 || !Set.of("valid", "invalid").contains(columns[1])) {
            fail("verdicts.tsv line is not FILE<TAB>valid|invalid<TAB>FRAGMENT: " + line);
        }
        return new Fixture(columns[0], columns[1].equals("valid"), columns.length > 2 ? columns[2] : "");
    }
}
