package io.edgetwin.core.recipe;

import static io.edgetwin.core.recipe.RecipeReaderTest.recipe;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs that once crashed, hung or exhausted the recipe reader: each now gets a located RecipeException. */
class HostileRecipeTest {

    private final RecipeReader reader = new RecipeReader(DevicePlatform.linux("amd64"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"2028", "2029", "0085"})
    void unicodeLineSeparatorInAVersionRequirementIsRefusedWithItsPlace(String hex) {
        String separator = Character.toString(Integer.parseInt(hex, 16));
        String json = "{\"RecipeFormatVersion\": \"2020-01-25\", \"ComponentName\": \"a\", \"ComponentVersion\": \"1.0.0\","
                + " \"ComponentDependencies\": {\"b\": {\"VersionRequirement\": \">=1.0.0" + separator + "<2.0.0\"}},"
                + " \"Manifests\": [{}]}";

        RecipeException e = assertThrows(RecipeException.class, () -> reader.parse("sep.json", json, w -> { }));

        assertTrue(e.getMessage().startsWith("sep.json:1:144: ComponentDependencies.b.VersionRequirement is not valid: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("\\u" + hex.toUpperCase()), "the separator is shown escaped: " + e.getMessage());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"2028", "2029", "0085"})
    void unicodeLineSeparatorInYamlGivesAVerdict(String hex) {
        String separator = Character.toString(Integer.parseInt(hex, 16));
        String yaml = recipe("ComponentDependencies:\n  b: {VersionRequirement: '>=1.0.0" + separator + "<2.0.0'}\n"
                + "Manifests: [{}]\n");

        try {
            Recipe read = reader.parse("sep.yaml", yaml, w -> { });
            assertTrue(read.dependencies().get("b").versionRequirement().satisfiedBy("1.5.0"));
        } catch (RecipeException e) {
            assertTrue(e.getMessage().matches("sep\\.yaml:\\d+:\\d+: .*"), e.getMessage());
        }
    }

    @Test
    void selfReferencingAliasInDefaultConfigurationIsRefused() {
        RecipeException e = assertThrows(RecipeException.class, () -> reader.parse("loop.yaml",
                recipe("ComponentConfiguration:\n  DefaultConfiguration: &r {k: *r}\nManifests: [{}]\n"), w -> { }));

        assertEquals("loop.yaml:5:32: *r refers to the mapping or list it is inside (a recursive alias); expected a"
                + " tree without cycles", e.getMessage());
    }

    @Test
    void selfReferencingAliasInALifecycleIsRefused() {
        RecipeException e = assertThrows(RecipeException.class, () -> reader.parse("loop.yaml",
                recipe("Manifests:\n  - Lifecycle: &l {run: {linux: *l}}\n"), w -> { }));

        assertTrue(e.getMessage().startsWith("loop.yaml:5:33: *l refers to the mapping or list it is inside"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ComponentDescription: !!int abc", "ComponentDescription: !!map [1]",
            "ComponentDescription: !!binary \"!!!\""})
    void explicitTagsThatDoNotFitAreRefusedAsRecipeErrors(String line) {
        RecipeException e = assertThrows(RecipeException.class,
                () -> reader.parse("tag.yaml", recipe(line + "\nManifests: [{}]\n"), w -> { }));

        assertTrue(e.getMessage().startsWith("tag.yaml:4:23: "), e.getMessage());
    }

    @Test
    void aliasBombIsRefusedInMilliseconds() {
        StringBuilder bomb = new StringBuilder(recipe("ComponentConfiguration:\n  DefaultConfiguration:\n"));
        bomb.append("    a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            bomb.append("    ").append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + (char) (level - 1)))).append("]\n");
        }
        bomb.append("Manifests: [{}]\n");

        RecipeException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RecipeException.class, () -> reader.parse("bomb.yaml", bomb.toString(), w -> { })));

        assertTrue(e.getMessage().contains(": expands to more than 100000 nodes"), e.getMessage());
    }

    @Test
    void everyErrorAboutTheFileItselfHasALocation() throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.yaml"), recipe("ComponentConfiguration: " + "[".repeat(80)));
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), recipe("ComponentDescription: caf\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Path big = Files.writeString(dir.resolve("big.yaml"), recipe("ComponentDescription: '" + "x".repeat(2 << 20) + "'\n"));

        assertTrue(assertThrows(RecipeException.class, () -> reader.read(deep, w -> { })).getMessage()
                .startsWith(deep + ":4:74: nests mappings and lists more than 50 deep"));
        assertTrue(assertThrows(RecipeException.class, () -> reader.read(latin1, w -> { })).getMessage()
                .startsWith(latin1 + ":4:26: is not UTF-8 text"));
        assertTrue(assertThrows(RecipeException.class, () -> reader.read(big, w -> { })).getMessage()
                .startsWith(big + ":4:"));
    }

    @Test
    void versionPartsAbove999999AreRefusedAsTheNucleusDoes() {
        RecipeException e = assertThrows(RecipeException.class,
                () -> reader.parse("v.yaml", recipe("Manifests: [{}]\n").replace("'1.0.0'", "'1.1000000.0'"), w -> { }));

        assertEquals("v.yaml:3:19: ComponentVersion is '1.1000000.0'; expected MAJOR.MINOR.PATCH each at most 999999,"
                + " as the nucleus accepts", e.getMessage());
        assertEquals("999999.999999.999999", reader.parse("v.yaml", recipe("Manifests: [{}]\n")
                .replace("'1.0.0'", "'999999.999999.999999'"), w -> { }).version());
    }

    @Test
    void artifactUriThatIsNotAUriIsRefused() {
        RecipeException e = assertThrows(RecipeException.class, () -> reader.parse("uri.yaml",
                recipe("Manifests:\n  - Artifacts: [{URI: 's3://bucket/has space.zip'}]\n"), w -> { }));

        assertTrue(e.getMessage().startsWith("uri.yaml:5:23: Manifests[0].Artifacts[0].URI is 's3://bucket/has space.zip';"
                + " expected a URI, e.g. s3://bucket/key (Illegal character in path at index 15)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ComponentPublisher: [a, b]", "ComponentPublisher: {a: b}", "ComponentDescription: [x]"})
    void publisherOrDescriptionAsAListOrMappingIsRefused(String line) {
        RecipeException e = assertThrows(RecipeException.class,
                () -> reader.parse("p.yaml", recipe(line + "\nManifests: [{}]\n"), w -> { }));

        assertTrue(e.getMessage().matches("p\\.yaml:4:\\d+: Component(Publisher|Description) is a (list|mapping);"
                + " expected the component's (publisher|description) as text"), e.getMessage());
    }
}
