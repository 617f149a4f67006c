package io.edgetwin.core.deployment;

import io.edgetwin.core.component.ComponentSpec;
import io.edgetwin.core.recipe.Dependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a deployment's components so that every dependency starts before the components that need
 * it, and checks the dependencies first: a HARD dependency must be in the deployment, every dependency
 * present must satisfy its version requirement, and there must be no cycle. A SOFT dependency that is
 * absent is fine. Deployment order is kept where dependencies do not decide.
 */
public final class DependencyOrder {

    private DependencyOrder() {
    }

    public static List<ComponentSpec> sort(List<ComponentSpec> specs) {
        Map<String, ComponentSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (ComponentSpec spec : specs) {
            check(spec, byName);
        }
        List<ComponentSpec> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (ComponentSpec spec : specs) {
            visit(spec, byName, done, new ArrayList<>(), ordered);
        }
        return ordered;
    }

    private static void check(ComponentSpec spec, Map<String, ComponentSpec> byName) {
        for (Dependency dependency : spec.dependencies().values()) {
            ComponentSpec other = byName.get(dependency.component());
            if (other == null) {
                if (dependency.type() == Dependency.Type.HARD) {
                    throw new DeploymentException("component '" + spec.name() + "' has a HARD dependency on '"
                            + dependency.component() + "', which the deployment does not include");
                }
                continue;
            }
            if (!dependency.versionRequirement().satisfiedBy(other.version())) {
                throw new DeploymentException("component '" + spec.name() + "' needs '" + dependency.component() + "' "
                        + dependency.versionRequirement() + "; the deployment has " + other.version());
            }
        }
    }

    private static void visit(ComponentSpec spec, Map<String, ComponentSpec> byName, Set<String> done,
                              List<String> path, List<ComponentSpec> ordered) {
        if (done.contains(spec.name())) {
            return;
        }
        if (path.contains(spec.name())) {
            path.add(spec.name());
            throw new DeploymentException("components depend on each other in a cycle: " + String.join(" -> ", path));
        }
        path.add(spec.name());
        for (Dependency dependency : spec.dependencies().values()) {
            ComponentSpec other = byName.get(dependency.component());
            if (other != null) {
                visit(other, byName, done, path, ordered);
            }
        }
        path.remove(path.size() - 1);
        done.add(spec.name());
        ordered.add(spec);
    }
}
