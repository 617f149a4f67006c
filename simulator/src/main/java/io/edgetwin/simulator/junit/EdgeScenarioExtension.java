package io.edgetwin.simulator.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the scenario named by {@link EdgeScenario} before the test body and hands its
 * {@link ScenarioResult} to the test. Registered by the annotation; not used directly.
 */
final class EdgeScenarioExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EdgeScenarioExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Method method = context.getRequiredTestMethod();
        EdgeScenario scenario = method.getAnnotation(EdgeScenario.class);
        Path out = Path.of("target", "edgetwin", context.getRequiredTestClass().getSimpleName(), method.getName());
        ScenarioResult result = ScenarioTestKit.create().run(scenario.value(), out);
        context.getStore(NAMESPACE).put(ScenarioResult.class, result);
        if (scenario.failOnThresholds()) {
            result.assertPassed();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ScenarioResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getStore(NAMESPACE).get(ScenarioResult.class, ScenarioResult.class);
    }
}
