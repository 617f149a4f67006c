package io.edgetwin.simulator;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Commands the {@code ./edgetwin} launcher runs itself, listed here so {@code edgetwin --help} names
 * every command and each has its own {@code --help}: {@code test} runs Maven, {@code recipe lint} and
 * {@code deployment lint} run the edge core's own readers. Called on the simulator's command line
 * directly, they say where they run.
 */
final class LauncherCommands {

    private LauncherCommands() {
    }

    /** Says that {@code command} runs through the launcher; exit 2. */
    static int throughTheLauncher(String command) {
        System.err.println("edgetwin: '" + command + "' runs through the launcher: ./edgetwin " + command
                + " (see ./edgetwin " + command + " --help)");
        return Main.BAD_INPUT;
    }

    @Command(name = "test", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Run every test: unit tests, then container tests on real twins (mvn -B verify).",
                "Makes sure the Docker engine, Mosquitto, Chromium and docker-registry are there first; extra arguments go to Maven,",
                "e.g. ./edgetwin test -Dit.test=QuickstartScenarioIT."})
    static final class Test implements Callable<Integer> {

        @Parameters(paramLabel = "MAVEN-ARGS", arity = "0..*", description = "passed to mvn verify")
        List<String> mavenArgs;

        @Override
        public Integer call() {
            return throughTheLauncher("test");
        }
    }

    @Command(name = "recipe", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Greengrass v2 component recipes.", subcommands = RecipeLint.class)
    static final class Recipe implements Callable<Integer> {
        @Override
        public Integer call() {
            return throughTheLauncher("recipe lint");
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Check recipes (YAML or JSON) as the edge core reads them; no Docker needed.",
                "Prints FILE: OK or FILE: <error> for each file. Exit 0 all valid, 1 some invalid or unreadable, 2 bad arguments."})
    static final class RecipeLint implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "recipe files")
        List<String> files;

        @Override
        public Integer call() {
            return throughTheLauncher("recipe lint");
        }
    }

    @Command(name = "deployment", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Greengrass deployment documents.", subcommands = DeploymentLint.class)
    static final class Deployment implements Callable<Integer> {
        @Override
        public Integer call() {
            return throughTheLauncher("deployment lint");
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Check deployment documents (JSON) as the edge core reads them; no Docker needed.",
                "Prints FILE: OK or FILE: <error> for each file. Exit 0 all valid, 1 some invalid or unreadable, 2 bad arguments."})
    static final class DeploymentLint implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "deployment documents")
        List<String> files;

        @Override
        public Integer call() {
            return throughTheLauncher("deployment lint");
        }
    }
}
