package io.edgetwin.core.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeVariablesTest {

    private static final Path ROOT = Path.of("/opt/edgetwin");

    private final RecipeVariables variables = new RecipeVariables("com.edgetwin.Inference", "1.0.0",
            Map.of("model", "anomaly-mlp",
                    "heapMb", 64,
                    "ratio", 0.25,
                    "verbose", true,
                    "mqtt", Map.of("topics", Map.of("request", "ml/request")),
                    "labels", List.of("ok", "anomaly")),
            ROOT, "dev-001");

    @Test
    void configurationPointerToATopLevelStringIsItsText() {
        assertEquals("--model anomaly-mlp", variables.interpolate("--model {configuration:/model}"));
    }

    @Test
    void configurationPointerIntoNestedObjectsIsFollowed() {
        assertEquals("sub ml/request", variables.interpolate("sub {configuration:/mqtt/topics/request}"));
    }

    @Test
    void numbersAndBooleansAreWrittenAsTheirPlainText() {
        assertEquals("-Xmx64m 0.25 true",
                variables.interpolate("-Xmx{configuration:/heapMb}m {configuration:/ratio} {configuration:/verbose}"));
    }

    @Test
    void pointerIntoAnArrayAndToAWholeArrayBothResolve() {
        assertEquals("anomaly [\"ok\",\"anomaly\"]",
                variables.interpolate("{configuration:/labels/1} {configuration:/labels}"));
    }

    @Test
    void kernelRootPathIsTheInstallationRoot() {
        assertEquals("-cp '/opt/edgetwin/lib/*'", variables.interpolate("-cp '{kernel:rootPath}/lib/*'"));
    }

    @Test
    void iotThingNameIsTheDeviceIdentity() {
        assertEquals("edgetwin/dev-001/status", variables.interpolate("edgetwin/{iot:thingName}/status"));
    }

    @Test
    void workPathIsPerComponentAndArtifactsPathPerComponentVersionUnderTheRoot() {
        assertEquals("/opt/edgetwin/work/com.edgetwin.Inference /opt/edgetwin/artifacts/com.edgetwin.Inference/1.0.0",
                variables.interpolate("{work:path} {artifacts:path}"));
    }

    @Test
    void everyOccurrenceIsReplacedAndOtherBracesAreLeftAlone() {
        assertEquals("a anomaly-mlp b anomaly-mlp ${HOME} {x}",
                variables.interpolate("a {configuration:/model} b {configuration:/model} ${HOME} {x}"));
    }

    @Test
    void replacementTextWithDollarsAndBackslashesIsInsertedLiterally() {
        RecipeVariables odd = new RecipeVariables("c", "1.0.0", Map.of("v", "$1\\n"), ROOT, "dev");

        assertEquals("echo $1\\n", odd.interpolate("echo {configuration:/v}"));
    }

    @Test
    void unknownVariableIsAnErrorNamingTheComponentAndTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> variables.interpolate("{kernel:version}"));

        assertTrue(e.getMessage().contains("'com.edgetwin.Inference'"), e.getMessage());
        assertTrue(e.getMessage().contains("{kernel:version}"), e.getMessage());
    }

    @Test
    void pointerToNothingIsAnErrorNamingTheComponentAndThePointer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> variables.interpolate("-Xmx{configuration:/heapMB}m"));

        assertTrue(e.getMessage().contains("'com.edgetwin.Inference'"), e.getMessage());
        assertTrue(e.getMessage().contains("{configuration:/heapMB}"), e.getMessage());
    }

    @Test
    void nestedPointerPastALeafIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> variables.interpolate("{configuration:/model/name}"));
    }
}
