package io.edgetwin.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.core.component.ComponentSpec;
import io.edgetwin.core.component.ComponentState;
import io.edgetwin.core.recipe.Dependency;
import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.LifecycleStep;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.recipe.VersionRange;
import io.edgetwin.core.resources.ResourceLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartWavesTest {

    private final Map<String, ComponentState> states = new HashMap<>();

    @Test
    void componentsWithNoDependencyBetweenThemStartTogether() {
        List<ComponentSpec> pending = List.of(spec("inference"), spec("hog"), spec("logs"));

        assertThat(StartWaves.startable(pending, states::get)).extracting(ComponentSpec::name)
                .containsExactly("inference", "hog", "logs");
    }

    @Test
    void aDependentWaitsUntilItsHardDependencyRunsAndTheOthersDoNotWaitForIt() {
        List<ComponentSpec> pending = DependencyOrder.sort(List.of(
                spec("app", hard("model")), spec("model", hard("runtime")), spec("runtime"), spec("logs")));

        List<List<String>> waves = new ArrayList<>();
        List<ComponentSpec> left = new ArrayList<>(pending);
        while (!left.isEmpty()) {
            List<ComponentSpec> now = StartWaves.startable(left, states::get);
            waves.add(now.stream().map(ComponentSpec::name).toList());
            now.forEach(s -> states.put(s.name(), ComponentState.STARTING));
            left.removeAll(now);
            assertThat(StartWaves.startable(left, states::get)).as("nothing starts while its dependency is STARTING").isEmpty();
            now.forEach(s -> states.put(s.name(), ComponentState.RUNNING));
        }

        assertThat(waves).containsExactly(List.of("runtime", "logs"), List.of("model"), List.of("app"));
    }

    @Test
    void aFinishedDependencyCountsAsUp() {
        states.put("setup", ComponentState.FINISHED);

        assertThat(StartWaves.startable(List.of(spec("app", hard("setup"))), states::get)).hasSize(1);
    }

    @Test
    void aSoftDependencyDoesNotHoldTheStartBack() {
        states.put("logs", ComponentState.STARTING);

        assertThat(StartWaves.startable(List.of(spec("app", soft("logs"))), states::get)).hasSize(1);
    }

    @Test
    void aBrokenHardDependencyFailsTheStartNamingBoth() {
        states.put("model", ComponentState.BROKEN);

        DeploymentException e = assertThrows(DeploymentException.class,
                () -> StartWaves.startable(List.of(spec("app", hard("model"))), states::get));

        assertThat(e.getMessage()).contains("'app' was not started").contains("'model' is BROKEN");
    }

    @Test
    void theBlockerIsTheDependencyThatStartedButIsNotUp() {
        states.put("model", ComponentState.ERRORED);
        List<ComponentSpec> pending = List.of(spec("app", hard("api")), spec("api", hard("model")));

        assertThat(StartWaves.blocker(pending, states::get))
                .isEqualTo(new StartWaves.Waiting("api", "model", ComponentState.ERRORED));
    }

    private static ComponentSpec spec(String name, Dependency... dependencies) {
        Map<String, Dependency> byName = new LinkedHashMap<>();
        for (Dependency d : dependencies) {
            byName.put(d.component(), d);
        }
        return new ComponentSpec(name, "1.0.0", Map.of(),
                new Lifecycle(Map.of(Step.RUN, LifecycleStep.script(Step.RUN, "true")), Map.of()), ResourceLimits.NONE, byName);
    }

    private static Dependency hard(String component) {
        return new Dependency(component, VersionRange.parse("*"), Dependency.Type.HARD);
    }

    private static Dependency soft(String component) {
        return new Dependency(component, VersionRange.parse("*"), Dependency.Type.SOFT);
    }
}
