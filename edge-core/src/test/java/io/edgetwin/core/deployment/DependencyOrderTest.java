package io.edgetwin.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.core.component.ComponentSpec;
import io.edgetwin.core.recipe.Dependency;
import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.LifecycleStep;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.recipe.VersionRange;
import io.edgetwin.core.resources.ResourceLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    @Test
    void dependenciesStartBeforeTheComponentsThatNeedThem() {
        ComponentSpec app = spec("app", "1.0.0", hard("model", ">=1.0.0 <2.0.0"), soft("logs", "*"));
        ComponentSpec model = spec("model", "1.2.0", hard("runtime", "^3.0.0"));
        ComponentSpec runtime = spec("runtime", "3.1.0");
        ComponentSpec logs = spec("logs", "0.9.0");

        List<ComponentSpec> ordered = DependencyOrder.sort(List.of(app, model, runtime, logs));

        assertThat(ordered).extracting(ComponentSpec::name).containsExactly("runtime", "model", "logs", "app");
    }

    @Test
    void deploymentOrderIsKeptWhereDependenciesDoNotDecide() {
        List<ComponentSpec> ordered = DependencyOrder.sort(List.of(spec("b", "1.0.0"), spec("a", "1.0.0")));

        assertThat(ordered).extracting(ComponentSpec::name).containsExactly("b", "a");
    }

    @Test
    void aMissingHardDependencyIsRefusedNamingBoth() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> DependencyOrder.sort(List.of(spec("app", "1.0.0", hard("model", "*")))));

        assertThat(e.getMessage()).contains("'app'").contains("HARD dependency on 'model'");
    }

    @Test
    void aMissingSoftDependencyIsFine() {
        assertThat(DependencyOrder.sort(List.of(spec("app", "1.0.0", soft("logs", "*"))))).hasSize(1);
    }

    @Test
    void aVersionOutsideTheRequirementIsRefused() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> DependencyOrder.sort(
                List.of(spec("app", "1.0.0", hard("model", "^1.0.0")), spec("model", "2.0.0"))));

        assertThat(e.getMessage()).contains("'app' needs 'model'").contains("2.0.0");
    }

    @Test
    void aCycleIsRefusedShowingIt() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> DependencyOrder.sort(
                List.of(spec("a", "1.0.0", hard("b", "*")), spec("b", "1.0.0", hard("a", "*")))));

        assertThat(e.getMessage()).contains("cycle").contains("a -> b -> a");
    }

    private static ComponentSpec spec(String name, String version, Dependency... dependencies) {
        Map<String, Dependency> byName = new java.util.LinkedHashMap<>();
        for (Dependency d : dependencies) {
            byName.put(d.component(), d);
        }
        return new ComponentSpec(name, version, Map.of(),
                new Lifecycle(Map.of(Step.RUN, LifecycleStep.script(Step.RUN, "true")), Map.of()), ResourceLimits.NONE, byName);
    }

    private static Dependency hard(String component, String range) {
        return new Dependency(component, VersionRange.parse(range), Dependency.Type.HARD);
    }

    private static Dependency soft(String component, String range) {
        return new Dependency(component, VersionRange.parse(range), Dependency.Type.SOFT);
    }
}
