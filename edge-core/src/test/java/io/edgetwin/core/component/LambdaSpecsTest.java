package io.edgetwin.core.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.ipc.CloudPort;
import io.edgetwin.core.ipc.LocalBus;
import io.edgetwin.core.lambda.LambdaLauncher;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.Recipe;
import io.edgetwin.core.recipe.RecipeException;
import io.edgetwin.core.recipe.RecipeReader;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A Lambda recipe as Greengrass generates it becomes what the core runs, with the deployment's configuration. */
class LambdaSpecsTest {

    private static final Recipe RECIPE = new RecipeReader().read(
            Path.of("src/test/resources/fixtures/recipes/lambda-imported.yaml"), w -> { });
    private final LambdaLauncher launcher = LambdaLauncher.ofThisJvm(new LocalBus(), new CloudPort() {
        @Override
        public void publish(String topic, byte[] payload, int qos) {
        }

        @Override
        public AutoCloseable subscribe(String filter, io.edgetwin.core.ipc.Subscriber subscriber) {
            return () -> { };
        }
    }, "thing-1");

    @Test
    void aGreengrassContainerFunctionGetsItsMemorySizeAsItsCgroupsMemoryLimit() {
        ComponentSpec spec = resolve(Map.of(), new ResourceLimits(OptionalLong.of(1024 * 1024), OptionalDouble.of(0.5)));
        assertEquals(OptionalLong.of(262144), spec.limits().memoryKb());
        assertEquals(OptionalDouble.of(0.5), spec.limits().cpus(), "a deployment's cpus still apply");
    }

    @Test
    void aDeployedMemoryLimitBelowTheMemorySizeIsTheOneThatHolds() {
        ComponentSpec spec = resolve(Map.of(), new ResourceLimits(OptionalLong.of(131072), OptionalDouble.empty()));
        assertEquals(OptionalLong.of(131072), spec.limits().memoryKb());
    }

    @Test
    void aNoContainerFunctionKeepsTheDeploymentsCpuLimit() {
        ComponentSpec spec = resolve(Map.of("containerMode", "NoContainer"),
                new ResourceLimits(OptionalLong.empty(), OptionalDouble.of(0.25)));
        assertEquals(OptionalDouble.of(0.25), spec.limits().cpus());
        assertTrue(spec.limits().memoryKb().isEmpty());
    }

    @Test
    void volumesDevicesAndAReadableSysfsAreNamedAsNotAppliedInAContainerOnly() {
        Map<String, Object> params = Map.of("memorySize", 262144, "mountROSysfs", true,
                "volumes", Map.of("0", Map.of("sourcePath", "/data", "destinationPath", "/in")),
                "devices", Map.of("0", Map.of("path", "/dev/video0")));
        List<String> warnings = UnappliedContainerParams.of("com.example.Fn",
                LambdaParameters.ContainerMode.GREENGRASS_CONTAINER, Map.of("containerParams", params));
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).startsWith("Lambda component 'com.example.Fn': containerParams.volumes (1) are not mounted"),
                warnings.get(1));
        assertTrue(UnappliedContainerParams.of("com.example.Fn", LambdaParameters.ContainerMode.NO_CONTAINER,
                Map.of("containerParams", params)).isEmpty());
        assertTrue(UnappliedContainerParams.of("com.example.Fn", LambdaParameters.ContainerMode.GREENGRASS_CONTAINER,
                Map.of("containerParams", Map.of("memorySize", 262144, "mountROSysfs", false, "volumes", Map.of(),
                        "devices", Map.of()))).isEmpty(), "the generated defaults say nothing");
    }

    @Test
    void aNoContainerFunctionHasNoMemoryLimitOfItsOwn() {
        ComponentSpec spec = resolve(Map.of("containerMode", "NoContainer"), ResourceLimits.NONE);
        assertTrue(spec.limits().isEmpty());
        assertEquals(LambdaParameters.ContainerMode.NO_CONTAINER, spec.lambda().orElseThrow().containerMode());
    }

    @Test
    void theDeploymentsConfigurationIsReadAgainAndABadValueNamesTheComponent() {
        RecipeException e = assertThrows(RecipeException.class, () -> resolve(Map.of("maxInstancesCount", 0), ResourceLimits.NONE));
        assertEquals("component 'com.example.AnomalyLambda' 1.0.0: configuration.maxInstancesCount is the number 0; "
                + "expected a whole number from 1 to 10000", e.getMessage());
    }

    @Test
    void dependenciesOnGreengrassLambdaComponentsAreLeftToTheCore() {
        assertTrue(resolve(Map.of(), ResourceLimits.NONE).dependencies().isEmpty());
    }

    @Test
    void changedParametersChangeTheLifecycleSoTheDeployerRestartsTheFunction() {
        ComponentSpec before = resolve(Map.of(), ResourceLimits.NONE);
        ComponentSpec after = resolve(Map.of("maxInstancesCount", 8), ResourceLimits.NONE);
        assertNotEquals(before.lifecycle(), after.lifecycle());
        assertEquals(8, after.lambda().orElseThrow().maxInstancesCount());
    }

    private ComponentSpec resolve(Map<String, Object> merge, ResourceLimits limits) {
        Map<String, Object> configuration = new LinkedHashMap<>(RECIPE.defaultConfiguration());
        configuration.putAll(merge);
        // The fixture's handler is not on the test classpath: check a real one under the same parameters.
        Recipe recipe = withHandler(io.edgetwin.core.lambda.LambdaLauncher.class.getPackageName() + ".ScriptedHandler");
        return LambdaSpecs.resolve(recipe, configuration, limits, launcher);
    }

    private static Recipe withHandler(String handler) {
        Map<String, String> setenv = new LinkedHashMap<>(RECIPE.lifecycle().setenv());
        setenv.put("AWS_GREENGRASS_LAMBDA_FUNCTION_HANDLER", handler);
        return new Recipe(RECIPE.source(), RECIPE.name(), RECIPE.version(), RECIPE.type(), RECIPE.defaultConfiguration(),
                RECIPE.dependencies(), RECIPE.manifest(), new io.edgetwin.core.recipe.Lifecycle(RECIPE.lifecycle().steps(), setenv),
                RECIPE.platform(), RECIPE.lambda());
    }
}
