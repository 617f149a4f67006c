package io.edgetwin.core.component;

import io.edgetwin.core.lambda.LambdaLauncher;
import io.edgetwin.core.recipe.Dependency;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.LambdaParametersReader;
import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.LifecycleStep;
import io.edgetwin.core.recipe.Recipe;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ResourceLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the core runs for a Lambda component: its {@link LambdaParameters} read again from the
 * configuration the deployment gives it, its handler checked, and a lifecycle of the core's own in place
 * of the recipe's ({@code lambda-launcher start} is Greengrass's launcher; the core is ours). In
 * {@code GreengrassContainer} mode the memory size becomes the component cgroup's memory limit.
 */
final class LambdaSpecs {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaSpecs.class);

    /** Components Greengrass's Lambda recipes depend on, which the core itself provides. */
    static final Set<String> PROVIDED_BY_CORE = Set.of("aws.greengrass.LambdaLauncher", "aws.greengrass.LambdaManager",
            "aws.greengrass.LambdaRuntimes", "aws.greengrass.TokenExchangeService");

    private LambdaSpecs() {
    }

    /**
     * @param launcher checks the handler; null when the core runs no Lambda launcher (then every Lambda
     *                 component is refused)
     */
    static ComponentSpec resolve(Recipe recipe, Map<String, Object> configuration, ResourceLimits limits,
                                 LambdaLauncher launcher) {
        String name = recipe.name();
        if (launcher == null) {
            throw new IllegalArgumentException("component '" + name + "' is a Lambda function and this core runs no Lambda launcher");
        }
        LambdaParameters parameters = new LambdaParametersReader(path -> "component '" + name + "' " + recipe.version() + ": " + path)
                .read(recipe.lifecycle().setenv(), "Setenv", configuration, "configuration");
        launcher.check(name, parameters);
        UnappliedContainerParams.of(name, parameters.containerMode(), configuration)
                .forEach(warning -> LOG.warn("lambda-container-params-not-applied {}", warning));
        Map<String, Dependency> dependencies = new LinkedHashMap<>(recipe.dependencies());
        dependencies.keySet().removeAll(PROVIDED_BY_CORE);
        return new ComponentSpec(name, recipe.version(), configuration, lifecycle(parameters), limits(parameters, limits),
                dependencies, Optional.of(parameters));
    }

    /**
     * A {@code startup} that does nothing: the component is RUNNING once it ran, and its function runs
     * in the core. The parameters are in its {@code Setenv}, so a deployment that changes them restarts it.
     */
    private static Lifecycle lifecycle(LambdaParameters parameters) {
        return new Lifecycle(Map.of(Step.STARTUP, LifecycleStep.script(Step.STARTUP, "true")),
                Map.of("AWS_GREENGRASS_LAMBDA_PARAMS", parameters.toString()));
    }

    /**
     * The deployment's {@code systemResourceLimits} hold in either mode, as Greengrass applies them to the
     * component's processes (the Lambda launcher and the function it starts); in a container the memory
     * size is a second memory limit, so the smaller of the two is the cgroup's.
     */
    private static ResourceLimits limits(LambdaParameters parameters, ResourceLimits deployed) {
        if (parameters.containerMode() != LambdaParameters.ContainerMode.GREENGRASS_CONTAINER) {
            return deployed;
        }
        long memoryKb = Math.min(parameters.memorySizeKb(), deployed.memoryKb().orElse(Long.MAX_VALUE));
        return new ResourceLimits(OptionalLong.of(memoryKb), deployed.cpus(), deployed.pids());
    }
}
