package io.edgetwin.simulator.junit;

import io.edgetwin.simulator.run.ScenarioRunner;
import io.edgetwin.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs scenarios from a test: the programmatic side of {@link EdgeScenario}.
 * <pre>{@code
 * ScenarioResult result = ScenarioTestKit.create().run("scenarios/quickstart.yaml", Path.of("target/edgetwin/quickstart"));
 * result.assertPassed();
 * }</pre>
 */
public final class ScenarioTestKit {

    /** The system property naming the edgetwin checkout when the tests do not run inside it. */
    public static final String HOME_PROPERTY = "edgetwin.home";

    private final Path projectRoot;
    private final Consumer<String> progress;

    private ScenarioTestKit(Path projectRoot, Consumer<String> progress) {
        this.projectRoot = projectRoot;
        this.progress = progress;
    }

    /** A kit for {@link #projectRoot()}, printing the run's progress to standard error. */
    public static ScenarioTestKit create() {
        return new ScenarioTestKit(projectRoot(), line -> System.err.println("edgetwin: " + line));
    }

    /**
     * The edgetwin checkout: the {@value #HOME_PROPERTY} system property, else the nearest directory
     * from the working directory upwards that holds {@code scenarios/} and {@code docker/}.
     */
    public static Path projectRoot() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("scenarios")) && Files.isDirectory(dir.resolve("docker"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the edgetwin checkout from " + Path.of("").toAbsolutePath()
                + "; set -D" + HOME_PROPERTY + "=<checkout>");
    }

    /** Runs {@code scenarioFile} (relative to the checkout, or absolute) and writes its reports into {@code out}. */
    public ScenarioResult run(String scenarioFile, Path out) throws Exception {
        ScenarioRunner runner = new ScenarioRunner(projectRoot, progress);
        Scenario scenario = runner.read(projectRoot.resolve(scenarioFile));
        return new ScenarioResult(runner.run(scenario, out), out.toAbsolutePath());
    }
}
