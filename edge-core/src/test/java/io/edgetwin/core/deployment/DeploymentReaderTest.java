package io.edgetwin.core.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.lint.Fixtures;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeploymentReaderTest {

    private static final Path FIXTURES = Fixtures.root().resolve("deployments");

    private final DeploymentReader reader = new DeploymentReader();

    @Test
    void referenceDocumentShapeIsReadWithLimitsAndMerge() {
        Deployment deployment = parse("""
                {"deploymentId": "d-42",
                 "components": {"com.example.Inference": {
                     "version": "1.0.0",
                     "configurationUpdate": {"merge": {"model": "big", "batch": {"size": 8}}, "reset": ["/json/pointer"]},
                     "runWith": {"posixUser": "ggc_user:ggc_group",
                                 "systemResourceLimits": {"memory": 524288, "cpus": 1.5}}}},
                 "failureHandlingPolicy": "ROLLBACK",
                 "componentUpdatePolicy": {"timeout": 60, "action": "NOTIFY_COMPONENTS"},
                 "requiredCapabilities": ["LINUX_RESOURCE_LIMITS"]}
                """);

        assertEquals("d-42", deployment.deploymentId());
        DeploymentComponent inference = deployment.components().get(0);
        assertEquals("com.example.Inference", inference.name());
        assertEquals("1.0.0", inference.version());
        assertEquals(Map.of("model", "big", "batch", Map.of("size", 8)), inference.configurationMerge());
        assertEquals(List.of("/json/pointer"), inference.configurationReset());
        assertEquals(new ResourceLimits(OptionalLong.of(524288), OptionalDouble.of(1.5)), inference.limits());
        assertEquals(FailurePolicy.ROLLBACK, deployment.failureHandlingPolicy());
    }

    @Test
    void componentsKeepTheirDocumentOrder() {
        Deployment deployment = parse("""
                {"components": {"z": {"version": "1.0.0"}, "a": {"version": "1.0.0"}, "m": {"version": "2.0.0"}}}
                """);

        assertEquals(List.of("z", "a", "m"), deployment.components().stream().map(DeploymentComponent::name).toList());
    }

    @Test
    void documentWithoutIdIsCalledLocal() {
        assertEquals("local", parse("{\"components\": {}}").deploymentId());
    }

    @Test
    void componentWithoutRunWithHasNoLimitsAndNoMerge() {
        DeploymentComponent c = parse("{\"components\": {\"c\": {\"version\": \"1.0.0\"}}}").components().get(0);

        assertEquals(ResourceLimits.NONE, c.limits());
        assertEquals(Map.of(), c.configurationMerge());
        assertEquals(List.of(), c.configurationReset());
    }

    @Test
    void configurationUpdateKeysAreCaseInsensitive() {
        DeploymentComponent c = parse("""
                {"components": {"c": {"version": "1.0.0",
                    "configurationUpdate": {"MERGE": {"units": "C"}, "RESET": ["/rooms/Kitchen", ""]}}}}
                """).components().get(0);

        assertEquals(Map.of("units", "C"), c.configurationMerge());
        assertEquals(List.of("/rooms/Kitchen", ""), c.configurationReset());
        assertEquals(new ConfigurationUpdate(Map.of("units", "C"), List.of("/rooms/Kitchen", "")), c.configurationUpdate());
    }

    @Test
    void otherFieldNamesAreCaseInsensitiveToo() {
        Deployment deployment = parse("""
                {"DeploymentId": "d-1", "FailureHandlingPolicy": "do_nothing",
                 "Components": {"c": {"Version": "1.0.0", "RunWith": {"SystemResourceLimits": {"Memory": 2048}}}}}
                """);

        assertEquals("d-1", deployment.deploymentId());
        assertEquals(FailurePolicy.DO_NOTHING, deployment.failureHandlingPolicy());
        assertEquals(new ResourceLimits(OptionalLong.of(2048), OptionalDouble.empty()), deployment.components().get(0).limits());
    }

    @Test
    void aFieldGivenTwiceInDifferentCaseIsRefused() {
        DeploymentException e = refused("""
                {"components": {"c": {"version": "1.0.0", "configurationUpdate": {"merge": {}, "MERGE": {}}}}}
                """);

        assertEquals("test.json:1:76: components.c.configurationUpdate.merge is given twice, as 'merge' and 'MERGE';"
                + " field names are case-insensitive", e.getMessage());
    }

    @Test
    void aFieldGivenTwiceOrTrailingTextIsRefusedRatherThanHalfRead() {
        assertEquals("test.json:1:20: not a JSON deployment document: found duplicate key 'components'",
                refused("{\"components\": {}, \"components\": {}}").getMessage());
        assertTrue(refused("{\"components\": {}} {}").getMessage().startsWith("test.json:1:"));
    }

    @Test
    void mergeMayComeAsTheSerializedStringTheCloudApiUses() {
        DeploymentComponent c = parse("""
                {"components": {"c": {"version": "1.0.0", "configurationUpdate": {"merge": "{\\"a\\": {\\"b\\": 1}}"}}}}
                """).components().get(0);

        assertEquals(Map.of("a", Map.of("b", 1)), c.configurationMerge());
    }

    @Test
    void mergeThatIsNotAnObjectIsRefused() {
        DeploymentException e = refused("""
                {"components": {"c": {"version": "1.0.0", "configurationUpdate": {"merge": [1]}}}}
                """);

        assertEquals("test.json:1:76: components.c.configurationUpdate.merge is a list; expected a JSON object to merge",
                e.getMessage());
    }

    @Test
    void resetEntriesMustBeJsonPointers() {
        DeploymentException notList = refused("""
                {"components": {"c": {"version": "1.0.0", "configurationUpdate": {"reset": "/a"}}}}
                """);
        DeploymentException notPointer = refused("""
                {"components": {"c": {"version": "1.0.0", "configurationUpdate": {"reset": ["/a", "rooms"]}}}}
                """);

        assertEquals("test.json:1:76: components.c.configurationUpdate.reset is \"/a\"; expected a list of JSON pointers",
                notList.getMessage());
        assertEquals("test.json:1:83: components.c.configurationUpdate.reset[1] is \"rooms\"; expected a JSON pointer: \"\""
                + " for the whole configuration or a path such as \"/rooms/Kitchen\"", notPointer.getMessage());
    }

    @Test
    void pidsLimitIsReadBesideMemoryAndCpus() {
        DeploymentComponent c = parse(limits("\"memory\": 1024, \"cpus\": 0.5, \"pids\": 64")).components().get(0);

        assertEquals(new ResourceLimits(OptionalLong.of(1024), OptionalDouble.of(0.5), OptionalLong.of(64)), c.limits());
    }

    @Test
    void nonWholeOrNonPositivePidsAreRefusedNamingTheField() {
        assertEquals("test.json:1:88: components.a.runWith.systemResourceLimits.pids is 1.5; expected a whole number of"
                + " processes", refused(limits("\"pids\": 1.5")).getMessage());
        assertEquals("test.json:1:79: components.a.runWith.systemResourceLimits.pids is 0; expected a positive process count",
                refused(limits("\"pids\": 0")).getMessage());
    }

    @Test
    void policiesAndCapabilitiesTheCoreDoesNotApplyAreAccepted() {
        Deployment deployment = parse("""
                {"deploymentId": "x", "requiredCapabilities": ["LARGE_CONFIGURATION", "ANOTHER_CAPABILITY"],
                 "componentUpdatePolicy": {"timeout": "5000", "action": "SKIP_NOTIFY_COMPONENTS"},
                 "configurationValidationPolicy": {"timeout": "30000"}, "creationTimestamp": 1601276785085,
                 "onBehalfOf": "arn:aws:iot:us-east-1:123456789012:thinggroup/parentGroup",
                 "components": {"c": {"version": "1.0.0", "runWith": {"posixUser": "user:group", "windowsUser": "w"}}}}
                """);

        assertEquals(1, deployment.components().size());
        assertEquals(ResourceLimits.NONE, deployment.components().get(0).limits());
    }

    @Test
    void unknownFailurePolicyIsRefused() {
        DeploymentException e = refused("{\"components\": {}, \"failureHandlingPolicy\": \"RETRY\"}");

        assertEquals("test.json:1:45: failureHandlingPolicy is \"RETRY\"; expected ROLLBACK or DO_NOTHING", e.getMessage());
    }

    @Test
    void upperCaseResetAndMergeAreReadFromAFile() {
        Deployment deployment = reader.read(FIXTURES.resolve("replace-with-reset.json"));

        DeploymentComponent thermostat = deployment.components().get(0);
        assertEquals(List.of("/rooms/hall", "/units"), thermostat.configurationReset());
        assertEquals("F", thermostat.configurationMerge().get("units"));
        assertEquals(new ResourceLimits(OptionalLong.of(128), OptionalDouble.of(2.5)), thermostat.limits());
        assertEquals(FailurePolicy.DO_NOTHING, deployment.failureHandlingPolicy());
    }

    @Test
    void eitherLimitMayBeGivenAlone() {
        Deployment deployment = parse("""
                {"components": {"m": {"version": "1.0.0", "runWith": {"systemResourceLimits": {"memory": 1024}}},
                                "c": {"version": "1.0.0", "runWith": {"systemResourceLimits": {"cpus": 0.25}}}}}
                """);

        assertEquals(new ResourceLimits(OptionalLong.of(1024), OptionalDouble.empty()), deployment.components().get(0).limits());
        assertEquals(new ResourceLimits(OptionalLong.empty(), OptionalDouble.of(0.25)), deployment.components().get(1).limits());
    }

    @Test
    void mergeMaySetAKeyToNull() {
        DeploymentComponent c = parse("""
                {"components": {"c": {"version": "1.0.0", "configurationUpdate": {"merge": {"gone": null, "kept": 1}}}}}
                """).components().get(0);

        Map<String, Object> expected = new HashMap<>();
        expected.put("gone", null);
        expected.put("kept", 1);
        assertEquals(expected, c.configurationMerge());
    }

    @Test
    void missingVersionIsAnErrorNamingTheComponentField() {
        DeploymentException e = refused("{\"components\": {\"com.example.A\": {\"runWith\": {}}}}");

        assertTrue(e.getMessage().startsWith("test.json:1:34: components.com.example.A.version is missing"), e.getMessage());
    }

    @Test
    void numericVersionIsRefusedAsMissingText() {
        DeploymentException e = refused("{\"components\": {\"a\": {\"version\": 1.0}}}");

        assertTrue(e.getMessage().contains("components.a.version"), e.getMessage());
    }

    @Test
    void nonNumericMemoryIsAnErrorNamingTheField() {
        DeploymentException e = refused(limits("\"memory\": \"512MB\""));

        assertEquals("test.json:1:90: components.a.runWith.systemResourceLimits.memory is \"512MB\"; "
                + "expected kilobytes as a whole number", e.getMessage());
    }

    @Test
    void fractionalMemoryIsRefusedRatherThanRounded() {
        DeploymentException e = refused(limits("\"memory\": 1.5"));

        assertTrue(e.getMessage().contains("systemResourceLimits.memory is 1.5"), e.getMessage());
    }

    @Test
    void zeroMemoryIsAnErrorNamingTheField() {
        DeploymentException e = refused(limits("\"memory\": 0"));

        assertTrue(e.getMessage().contains("components.a.runWith.systemResourceLimits.memory is 0 KB"), e.getMessage());
    }

    @Test
    void negativeCpusIsAnErrorNamingTheField() {
        DeploymentException e = refused(limits("\"cpus\": -1"));

        assertEquals("test.json:1:79: components.a.runWith.systemResourceLimits.cpus is -1.0; "
                + "expected a positive fraction of the cores", e.getMessage());
    }

    @Test
    void textualCpusIsAnErrorNamingTheField() {
        DeploymentException e = refused(limits("\"cpus\": \"1.5\""));

        assertTrue(e.getMessage().contains("components.a.runWith.systemResourceLimits.cpus is \"1.5\""), e.getMessage());
    }

    @Test
    void nonJsonIsAnErrorNamingTheSource() {
        DeploymentException e = refused("components: {a: 1}");

        assertTrue(e.getMessage().startsWith("test.json:1:1: not a JSON deployment document"), e.getMessage());
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertEquals("test.json:1:1: the document is a list; expected a JSON object", refused("[1, 2]").getMessage());
        assertEquals("test.json:1:1: the document is empty; expected a JSON object", refused("").getMessage());
    }

    @Test
    void missingComponentsIsAnErrorNamingTheField() {
        DeploymentException e = refused("{\"deploymentId\": \"x\"}");

        assertTrue(e.getMessage().startsWith("test.json:1:1: components is missing"), e.getMessage());
    }

    @Test
    void fleetDocumentWithResourceLimitsIsRead() {
        Deployment deployment = reader.read(FIXTURES.resolve("limits.json"));

        assertEquals("fleet-limits-7", deployment.deploymentId());
        assertEquals(1, deployment.components().size());
        DeploymentComponent detector = deployment.components().get(0);
        assertEquals("com.example.Detector", detector.name());
        assertEquals("1.4.2", detector.version());
        assertEquals(new ResourceLimits(OptionalLong.of(262144), OptionalDouble.of(0.75)), detector.limits());
    }

    @Test
    void unreadableFileIsAnErrorNamingIt() {
        Path missing = Path.of("no-such-deployment.json");

        DeploymentException e = assertThrows(DeploymentException.class, () -> reader.read(missing));

        assertEquals("no-such-deployment.json: cannot read deployment: no such file", e.getMessage());
    }

    @Test
    void memoryWithAnExponentIsReadAsWholeKilobytesAsTheNucleusDoes() {
        assertEquals(new ResourceLimits(OptionalLong.of(1_000_000), OptionalDouble.empty()),
                parse(limits("\"memory\": 1E6")).components().get(0).limits());
        assertTrue(refused(limits("\"memory\": 1.5E0")).getMessage().contains("memory is 1.5; expected kilobytes"));
    }

    @Test
    void infiniteCpusIsRefused() {
        assertEquals("test.json:1:88: components.a.runWith.systemResourceLimits.cpus is Infinity; expected a finite"
                + " number of cores", refused(limits("\"cpus\": 1e400")).getMessage());
    }

    @Test
    void versionThatIsNotASemanticVersionIsRefused() {
        assertTrue(refused("{\"components\": {\"a\": {\"version\": \"latest\"}}}").getMessage()
                .startsWith("test.json:1:34: components.a.version is not valid: 'latest' is not a semantic version"));
        assertEquals("test.json:1:34: components.a.version is \"1000000.0.0\"; expected MAJOR.MINOR.PATCH each at most"
                + " 999999", refused("{\"components\": {\"a\": {\"version\": \"1000000.0.0\"}}}").getMessage());
    }

    @Test
    void jsonErrorsCarryNoParserAdvice() {
        DeploymentException e = refused("{\"components\": {\"a\": {\"version\": NaN}}}");

        assertTrue(e.getMessage().startsWith("test.json:1:37: not a JSON deployment document: "), e.getMessage());
        assertFalse(e.getMessage().contains("ALLOW_NON_NUMERIC_NUMBERS"), e.getMessage());
    }

    @Test
    void longValuesAreCutInMessages() {
        DeploymentException e = refused("{\"components\": {\"a\": {\"version\": \"" + "9".repeat(100_000) + "\"}}}");

        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("…(100000 chars)"), e.getMessage());
    }

    @Test
    void aPayloadLargerThanTheCapIsRefusedWithWhereItReachesIt() {
        byte[] payload = ("{\"components\": {}, \"pad\": \"" + "x".repeat(2 << 20) + "\"}").getBytes(UTF_8);

        DeploymentException e = assertThrows(DeploymentException.class, () -> reader.parse("job j-1", payload));

        assertTrue(e.getMessage().startsWith("job j-1:1:1048577: the deployment is larger than 1048576 bytes"),
                e.getMessage());
    }

    @Test
    void aDeviceFileIsRefusedWithoutReadingIt() {
        assertTrue(assertThrows(DeploymentException.class, () -> reader.read(Path.of("/dev/zero"))).getMessage()
                .contains("is not a regular file"));
    }

    private static String limits(String fields) {
        return "{\"components\": {\"a\": {\"version\": \"1.0.0\", \"runWith\": {\"systemResourceLimits\": {" + fields + "}}}}}";
    }

    private Deployment parse(String json) {
        return reader.parse("test.json", json.getBytes(UTF_8));
    }

    private DeploymentException refused(String json) {
        return assertThrows(DeploymentException.class, () -> parse(json));
    }
}
