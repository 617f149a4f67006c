package io.edgetwin.core.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.component.RecipeVariables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RecipeReaderTest {

    /** The recipes the twin image ships, read from the module directory Maven runs tests in. */
    private static final Path SHIPPED = Path.of("src/main/recipes");

    @TempDir
    Path dir;

    private final RecipeReader reader = new RecipeReader(DevicePlatform.linux("amd64"));

    @Test
    void yamlRecipeGivesNameVersionDefaultsAndRunScript() throws IOException {
        Path file = write("camera.yaml", """
                RecipeFormatVersion: '2020-01-25'
                ComponentName: com.example.Camera
                ComponentVersion: '1.2.0'
                ComponentConfiguration:
                  DefaultConfiguration:
                    fps: 15
                    sink: {topic: camera/frames}
                Manifests:
                  - Platform:
                      os: linux
                    Lifecycle:
                      Run: ./camera --fps {configuration:/fps}
                """);

        Recipe recipe = reader.read(file);

        assertEquals("com.example.Camera", recipe.name());
        assertEquals("1.2.0", recipe.version());
        assertEquals("com.example.Camera@1.2.0", recipe.id());
        assertEquals(ComponentType.GENERIC, recipe.type());
        assertEquals(15, recipe.defaultConfiguration().get("fps"));
        assertEquals(Map.of("topic", "camera/frames"), recipe.defaultConfiguration().get("sink"));
        assertEquals("./camera --fps {configuration:/fps}", recipe.runScript());
    }

    @Test
    void keysAndEnumValuesAreMatchedWithoutRegardToCase() throws IOException {
        Path file = write("lower.yaml", """
                recipeformatversion: '2020-01-25'
                componentname: com.example.Lower
                COMPONENTVERSION: '1.0.0'
                componenttype: AWS.Greengrass.Plugin
                componentConfiguration:
                  defaultconfiguration: {a: 1}
                componentdependencies:
                  other: {versionrequirement: '^1.0.0', DEPENDENCYTYPE: soft}
                manifests:
                  - PLATFORM:
                      OS: Linux
                    LIFECYCLE:
                      run: echo lower
                    artifacts:
                      - uri: s3://bucket/a.zip
                        UNARCHIVE: zip
                        permission: {read: all, EXECUTE: Owner}
                """);

        Recipe recipe = reader.read(file);

        assertEquals("com.example.Lower", recipe.name());
        assertEquals(ComponentType.PLUGIN, recipe.type());
        assertEquals(Map.of("a", 1), recipe.defaultConfiguration());
        assertEquals(Dependency.Type.SOFT, recipe.dependencies().get("other").type());
        assertEquals("echo lower", recipe.runScript());
        Artifact artifact = recipe.artifacts().get(0);
        assertEquals(Artifact.Unarchive.ZIP, artifact.unarchive());
        assertEquals(new Artifact.Permission(Artifact.Access.ALL, Artifact.Access.OWNER), artifact.permission());
    }

    @Test
    void aKeyGivenTwiceInDifferentCaseIsRefused() throws IOException {
        Path file = write("twice.yaml", recipe("""
                Manifests:
                  - Lifecycle: {Run: echo a, run: echo b}
                """));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertEquals(file + ":5:16: Manifests[0].Lifecycle has both 'Run' and 'run'; keys are case-insensitive,"
                + " so only one may be given", e.getMessage());
    }

    @Test
    void jsonRecipeIsReadWithJsonRules() throws IOException {
        Path file = write("camera.json", """
                {"RecipeFormatVersion": "2020-01-25",
                 "ComponentName": "com.example.Json",
                 "ComponentVersion": "2.0.1",
                 "ComponentConfiguration": {"DefaultConfiguration": {"mode": "fast"}},
                 "Manifests": [{"Platform": {"os": "linux"}, "Lifecycle": {"Run": {"Script": "echo json"}}}]}
                """);

        Recipe recipe = reader.read(file);

        assertEquals("com.example.Json", recipe.name());
        assertEquals("2.0.1", recipe.version());
        assertEquals(Map.of("mode", "fast"), recipe.defaultConfiguration());
        assertEquals("echo json", recipe.runScript());
    }

    @Test
    void malformedJsonIsAnErrorGivingFileAndLine() throws IOException {
        Path file = write("broken.json", "{\"ComponentName\": \"x\",\n \"ComponentVersion\": }\n");

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed JSON"), e.getMessage());
    }

    @Test
    void jsonWithADuplicateKeyOrTrailingTextIsRefused() throws IOException {
        Path duplicate = write("dup.json", "{\"ComponentName\": \"a\", \"ComponentName\": \"b\"}");
        Path trailing = write("trailing.json", "{\"ComponentName\": \"a\"} {}");

        assertTrue(assertThrows(RecipeException.class, () -> reader.read(duplicate)).getMessage()
                .contains(":1:24: not well-formed JSON: found duplicate key 'ComponentName'"));
        assertTrue(assertThrows(RecipeException.class, () -> reader.read(trailing)).getMessage()
                .startsWith(trailing + ":1:"));
    }

    @Test
    void unquotedFormatVersionIsTheTextNotADate() throws IOException {
        Path file = write("date.yaml", recipe("Manifests: [{Lifecycle: {run: echo}}]\n")
                .replace("RecipeFormatVersion: '2020-01-25'", "RecipeFormatVersion: 2020-01-25"));

        assertEquals("echo", reader.read(file).runScript());
    }

    @Test
    void anyOtherFormatVersionIsRefused() throws IOException {
        Path file = write("format.yaml", recipe("Manifests: [{Lifecycle: {run: echo}}]\n")
                .replace("'2020-01-25'", "'2021-01-01'"));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertEquals(file + ":1:22: RecipeFormatVersion is '2021-01-01'; expected '2020-01-25', the only recipe format there is",
                e.getMessage());
    }

    @Test
    void missingFormatVersionIsRefused() throws IOException {
        Path file = write("noformat.yaml", "ComponentName: a\nComponentVersion: '1.0.0'\nManifests: [{}]\n");

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":1:1: RecipeFormatVersion is missing; expected '2020-01-25'"),
                e.getMessage());
    }

    @Test
    void missingComponentNameIsAnErrorNamingTheFileAndTheField() throws IOException {
        Path file = write("noname.yaml", """
                RecipeFormatVersion: '2020-01-25'
                ComponentVersion: '1.0.0'
                Manifests:
                  - Lifecycle: {Run: echo x}
                """);

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":1:1: ComponentName is missing; expected a component name"),
                e.getMessage());
    }

    @Test
    void componentNameWithASpaceOrLongerThan128IsRefused() throws IOException {
        Path spaced = write("spaced.yaml", recipe("Manifests: [{}]\n").replace("com.example.X", "'a b'"));
        Path longName = write("long.yaml", recipe("Manifests: [{}]\n").replace("com.example.X", "a".repeat(129)));
        Path longest = write("longest.yaml", recipe("Manifests: [{}]\n").replace("com.example.X", "a".repeat(128)));

        assertTrue(assertThrows(RecipeException.class, () -> reader.read(spaced)).getMessage()
                .startsWith(spaced + ":2:16: ComponentName is 'a b'; expected a component name of letters"));
        assertTrue(assertThrows(RecipeException.class, () -> reader.read(longName)).getMessage()
                .contains("at most 128 characters"));
        assertEquals("a".repeat(128), reader.read(longest).name());
    }

    @Test
    void missingComponentVersionIsAnErrorNamingTheField() throws IOException {
        Path file = write("noversion.yaml", """
                RecipeFormatVersion: '2020-01-25'
                ComponentName: com.example.X
                Manifests:
                  - Lifecycle: {Run: echo x}
                """);

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":1:1: ComponentVersion is missing; expected a semantic version"),
                e.getMessage());
    }

    @Test
    void componentVersionMustBeSemverOfAtMost64Characters() throws IOException {
        Path partial = write("partial.yaml", recipe("Manifests: [{}]\n").replace("'1.0.0'", "'1.0'"));
        Path number = write("number.yaml", recipe("Manifests: [{}]\n").replace("'1.0.0'", "1.0"));
        Path tooLong = write("toolong.yaml", recipe("Manifests: [{}]\n").replace("'1.0.0'", "'1.0.0-" + "a".repeat(59) + "'"));
        Path longest = write("longest.yaml", recipe("Manifests: [{}]\n").replace("'1.0.0'", "'1.0.0-" + "a".repeat(58) + "'"));

        assertTrue(assertThrows(RecipeException.class, () -> reader.read(partial)).getMessage()
                .startsWith(partial + ":3:19: ComponentVersion is not valid: '1.0' is not a semantic version"));
        assertEquals(number + ":3:19: ComponentVersion is the number 1.0; expected a semantic version such as '1.0.0'"
                + " (quoted in YAML; at most 64 characters)",
                assertThrows(RecipeException.class, () -> reader.read(number)).getMessage());
        assertTrue(assertThrows(RecipeException.class, () -> reader.read(tooLong)).getMessage()
                .startsWith(tooLong + ":3:19: ComponentVersion is 65 characters long"));
        assertEquals(64, reader.read(longest).version().length());
    }

    @Test
    void unknownComponentTypeIsRefusedNamingTheChoices() throws IOException {
        Path file = write("type.yaml", recipe("ComponentType: aws.greengrass.docker\nManifests: [{}]\n"));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertEquals(file + ":4:16: ComponentType is 'aws.greengrass.docker'; expected one of aws.greengrass.generic,"
                + " aws.greengrass.lambda, aws.greengrass.plugin, aws.greengrass.nucleus", e.getMessage());
    }

    @Test
    void dependenciesCarryTheirRangeAndTypeWithHardAsDefault() throws IOException {
        Path file = write("deps.yaml", recipe("""
                ComponentDependencies:
                  aws.greengrass.TokenExchangeService:
                    VersionRequirement: '>=2.0.0 <2.3.0'
                    DependencyType: SOFT
                  Log:
                    VersionRequirement: ^1.1
                Manifests: [{}]
                """));

        Map<String, Dependency> deps = reader.read(file).dependencies();

        assertEquals(List.of("aws.greengrass.TokenExchangeService", "Log"), List.copyOf(deps.keySet()));
        Dependency tes = deps.get("aws.greengrass.TokenExchangeService");
        assertEquals(Dependency.Type.SOFT, tes.type());
        assertTrue(tes.versionRequirement().satisfiedBy("2.2.9"));
        assertFalse(tes.versionRequirement().satisfiedBy("2.3.0"));
        Dependency log = deps.get("Log");
        assertEquals(Dependency.Type.HARD, log.type());
        assertTrue(log.versionRequirement().satisfiedBy("1.9.0"));
        assertFalse(log.versionRequirement().satisfiedBy("1.0.9"));
    }

    @Test
    void dependencyWithoutVersionRequirementIsRefused() throws IOException {
        Path file = write("noreq.yaml", recipe("ComponentDependencies:\n  abc: {}\nManifests: [{}]\n"));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertEquals(file + ":5:8: ComponentDependencies.abc.VersionRequirement is missing; expected an npm-style version"
                + " range such as '>=1.0.0 <2.0.0' or '^1.2.0'", e.getMessage());
    }

    @Test
    void dependencyWithAMalformedRangeOrTypeIsRefusedNamingTheField() throws IOException {
        Path range = write("range.yaml", recipe("ComponentDependencies:\n  a: {VersionRequirement: '>=one'}\nManifests: [{}]\n"));
        Path type = write("type.yaml", recipe("""
                ComponentDependencies:
                  a: {VersionRequirement: '1.0.0', DependencyType: HARDER}
                Manifests: [{}]
                """));

        assertTrue(assertThrows(RecipeException.class, () -> reader.read(range)).getMessage()
                .startsWith(range + ":5:27: ComponentDependencies.a.VersionRequirement is not valid: 'one' in '>=one' is not a version"));
        assertEquals(type + ":5:52: ComponentDependencies.a.DependencyType is 'HARDER'; expected HARD or SOFT",
                assertThrows(RecipeException.class, () -> reader.read(type)).getMessage());
    }

    @Test
    void missingOrEmptyManifestsAreRefused() throws IOException {
        Path missing = write("nomanifests.yaml", recipe("Lifecycle: {run: echo}\n"));
        Path empty = write("emptymanifests.yaml", recipe("Manifests: []\n"));

        assertTrue(assertThrows(RecipeException.class, () -> reader.read(missing)).getMessage()
                .startsWith(missing + ":1:1: Manifests is missing; expected a list of manifests"));
        assertEquals(empty + ":4:12: Manifests is empty; expected at least one manifest",
                assertThrows(RecipeException.class, () -> reader.read(empty)).getMessage());
    }

    @Test
    void aNullManifestIsRefusedNamingItsIndex() throws IOException {
        Path file = write("nullmanifest.yaml", recipe("""
                Manifests:
                  - Lifecycle: {Run: echo x}
                  -
                """));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":6:4: Manifests[1] is empty (null); expected a manifest"), e.getMessage());
    }

    @Test
    void malformedYamlIsAnErrorGivingFileAndLine() throws IOException {
        Path file = write("broken.yaml", "RecipeFormatVersion: '2020-01-25'\nComponentName: [unclosed\n");

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":3:1: not well-formed YAML: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void misIndentedYamlSaysToCheckTheIndentation() throws IOException {
        Path file = write("indent.yaml", recipe("""
                Manifests:
                  - Platform:
                      os: all
                  Lifecycle:
                    run: echo
                """));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":7:3: not well-formed YAML: expected <block end>, but found a key;"
                + " check the indentation"), e.getMessage());
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() throws IOException {
        Path file = write("list.yaml", "- ComponentName: x\n");

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file + ":1:1: recipe is a list; expected a recipe"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("missing.yaml");

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(missing));

        assertTrue(e.getMessage().startsWith(missing + ": cannot read recipe: no such file"), e.getMessage());
    }

    @Test
    void defaultConfigurationMayHoldAKeyWithoutAValueAndNonTextKeysBecomeText() throws IOException {
        Path file = write("nullvalue.yaml", recipe("""
                ComponentConfiguration:
                  DefaultConfiguration:
                    optional:
                    level: 3
                    ports: {8080: http}
                Manifests:
                  - Lifecycle: {Run: echo x}
                """));

        Recipe recipe = reader.read(file);

        Map<String, Object> expected = new HashMap<>();
        expected.put("optional", null);
        expected.put("level", 3);
        expected.put("ports", Map.of("8080", "http"));
        assertEquals(expected, recipe.defaultConfiguration());
    }

    @Test
    void defaultConfigurationThatIsNotAMappingIsRefused() throws IOException {
        Path file = write("listconfig.yaml", recipe("ComponentConfiguration:\n  DefaultConfiguration: [1, 2]\nManifests: [{}]\n"));

        RecipeException e = assertThrows(RecipeException.class, () -> reader.read(file));

        assertEquals(file + ":5:25: ComponentConfiguration.DefaultConfiguration is a list; expected a configuration mapping"
                + " (JSON object)", e.getMessage());
    }

    @Test
    void unknownFieldsAreWarnedAboutAndIgnored() throws IOException {
        Path file = write("extra.yaml", recipe("""
                ComponentColour: red
                Manifests:
                  - Parameters: [x]
                    Lifecycle: {run: echo, Start: echo}
                """));
        List<String> warnings = new ArrayList<>();

        Recipe recipe = reader.read(file, warnings::add);

        assertEquals("echo", recipe.runScript());
        assertEquals(List.of("ComponentColour is not a recipe field; ignored",
                "Manifests[0].Parameters is not a manifest field; expected one of [Name, Platform, Selections,"
                        + " Lifecycle, Artifacts]; ignored",
                "Manifests[0].Lifecycle.Start is not a lifecycle step; expected one of [bootstrap, install, startup,"
                        + " run, shutdown, recover, uninstall, Setenv]; ignored"), warnings);
    }

    @Test
    void shippedCpuHogRecipeResolvesWithItsDefaults() {
        Recipe recipe = reader.read(SHIPPED.resolve("com.edgetwin.CpuHog-1.0.0.yaml"));

        assertEquals("com.edgetwin.CpuHog", recipe.name());
        assertEquals("1.0.0", recipe.version());
        assertEquals(Map.of("threads", 2), recipe.defaultConfiguration());
        String script = resolve(recipe);
        assertTrue(script.contains("[ $i -lt 2 ]"), script);
    }

    @Test
    void shippedInferenceRecipeResolvesWithItsDefaults() {
        Recipe recipe = reader.read(SHIPPED.resolve("com.edgetwin.Inference-1.0.0.yaml"));

        assertEquals("com.edgetwin.Inference", recipe.name());
        assertEquals("1.0.0", recipe.version());
        // Other defaults (threads, batching) belong to the inference component; these two shape the script.
        assertEquals("anomaly-mlp", recipe.defaultConfiguration().get("model"));
        assertEquals(64, recipe.defaultConfiguration().get("heapMb"));
        String script = resolve(recipe);
        assertTrue(script.startsWith("exec java "), script);
        assertTrue(script.contains("-Xmx64m"), script);
        assertTrue(script.contains("-cp '/opt/edgetwin/lib/*'"), script);
        assertTrue(script.endsWith("io.edgetwin.inference.InferenceComponent anomaly-mlp"), script);
    }

    @Test
    void everyShippedRecipeIsNamedAfterItsComponentAndVersionAndHasNoWarnings() throws IOException {
        try (var files = Files.list(SHIPPED)) {
            files.forEach(file -> {
                List<String> warnings = new ArrayList<>();
                Recipe recipe = reader.read(file, warnings::add);
                assertEquals(recipe.name() + "-" + recipe.version() + ".yaml", file.getFileName().toString());
                assertEquals(List.of(), warnings, file.toString());
            });
        }
    }

    private static String resolve(Recipe recipe) {
        return new RecipeVariables(recipe.name(), recipe.version(), recipe.defaultConfiguration(), Path.of("/opt/edgetwin"), "dev-1")
                .interpolate(recipe.runScript());
    }

    /** A valid header followed by the given body. */
    public static String recipe(String body) {
        return "RecipeFormatVersion: '2020-01-25'\nComponentName: com.example.X\nComponentVersion: '1.0.0'\n" + body;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
