package io.edgetwin.core.component;

import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.LifecycleStep;
import io.edgetwin.core.recipe.SkipIf;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ComponentCgroup;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the lifecycle steps of one component as {@code /bin/sh -c} processes with the component's
 * environment plus the recipe's {@code Setenv} (lifecycle-wide, overlaid by the step's own), unless the
 * step's {@code Skipif} holds.
 * <p>With a {@link ComponentCgroup}, every step process joins the component's cgroup before it runs its
 * script: a small shell writes its own pid into every {@code cgroup.procs} and then {@code exec}s the
 * script, so the script and every child it ever forks are inside, with no window in which a fork
 * escapes. {@code RequiresPrivilege} is recorded in the step's log event; the core runs as root in a
 * twin, so every step already has the privilege.
 */
final class StepLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(StepLauncher.class);
    /** Joins the cgroups given as arguments, then becomes the step's script. */
    private static final String JOIN_THEN_RUN =
            "for f in \"$@\"; do echo $$ > \"$f\" || exit 97; done; exec /bin/sh -c \"$EDGETWIN_STEP_SCRIPT\"";

    private final String component;
    private final Map<String, String> environment;
    private final ComponentCgroup cgroup;

    /** @param cgroup the component's cgroup, or null to run the steps where the core runs */
    StepLauncher(String component, Map<String, String> environment, ComponentCgroup cgroup) {
        this.component = component;
        this.environment = Map.copyOf(environment);
        this.cgroup = cgroup;
    }

    /** Starts {@code step} of {@code lifecycle}, which must have it. Never throws for a shell that cannot start. */
    StepProcess launch(Lifecycle lifecycle, Step step) {
        LifecycleStep spec = lifecycle.step(step).orElseThrow(() -> new IllegalArgumentException(
                "component '" + component + "' has no " + step.key() + " step"));
        ProcessBuilder builder = builder(spec.script()).inheritIO();
        builder.environment().putAll(environment);
        builder.environment().putAll(lifecycle.environment(step));
        Optional<String> skip = spec.skipIf().flatMap(condition -> holds(condition, builder.environment().get("PATH")));
        if (skip.isPresent()) {
            LOG.info("component-step-skipped component={} step={} skipif={}", component, step.key(), skip.get());
            return StepProcess.ended(StepOutcome.skipped(step, skip.get()));
        }
        try {
            Process process = builder.start();
            LOG.info("component-step-started component={} step={} pid={} privileged={} timeoutS={}", component,
                    step.key(), process.pid(), spec.requiresPrivilege(), spec.timeout().map(t -> t.toSeconds()).orElse(0L));
            return StepProcess.started(step, process, spec.timeout());
        } catch (IOException e) {
            return StepProcess.ended(StepOutcome.notStarted(step, "cannot start /bin/sh: " + e.getMessage()));
        }
    }

    private ProcessBuilder builder(String script) {
        if (cgroup == null) {
            return new ProcessBuilder("/bin/sh", "-c", script);
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", JOIN_THEN_RUN, "edgetwin-join"));
        cgroup.procsFiles().forEach(f -> command.add(f.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("EDGETWIN_STEP_SCRIPT", script);
        return builder;
    }

    /** The skip condition as text when it holds, empty when the step must run. */
    private static Optional<String> holds(SkipIf condition, String path) {
        if (condition instanceof SkipIf.OnPath onPath) {
            return onPath(onPath.program(), path) ? Optional.of("onpath " + onPath.program()) : Optional.empty();
        }
        String file = ((SkipIf.Exists) condition).file();
        return Files.exists(Path.of(file)) ? Optional.of("exists " + file) : Optional.empty();
    }

    /** As the shell finds a program: a name with a slash as it is, else in each PATH directory. */
    private static boolean onPath(String program, String path) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
