package io.edgetwin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of the tree answers --help on its own, without Docker; the root names every command the launcher takes. */
class CommandTreeHelpTest {

    /** What ./edgetwin accepts as its first word. */
    private static final List<String> LAUNCHER_COMMANDS = List.of("run", "report", "gate", "trend", "size", "test", "recipe",
            "deployment", "bench");

    @Test
    void everyCommandAndSubcommandPrintsItsHelpAndExitsZero() {
        List<List<String>> paths = new ArrayList<>();
        walk(new CommandLine(new Main()), new ArrayList<>(), paths);

        assertThat(paths).extracting(path -> String.join(" ", path))
                .contains("", "run", "gate", "trend", "recipe lint", "deployment lint", "bench", "size", "test");
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new Main());
            cli.setOut(new PrintWriter(out, true));
            int exit = cli.execute(args.toArray(String[]::new));

            assertEquals(0, exit, "exit of " + args);
            String name = path.isEmpty() ? "edgetwin" : path.get(path.size() - 1);
            assertThat(out.toString()).as("help of " + args).contains("Usage: ").contains(name).contains("--help");
        }
    }

    @Test
    void rootHelpListsEveryCommandTheLauncherAccepts() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));

        cli.execute("--help");

        List<String> listed = out.toString().lines().map(String::strip).map(line -> line.split("\\s+")[0]).toList();
        assertThat(listed).containsAll(LAUNCHER_COMMANDS);
    }

    @Test
    void unexpectedErrorsSayWhatInOneLineAndAreNotBadInput() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));

        int exit = io.edgetwin.report.cli.Failures.execute(cli, Main::isBadInput, "gate", "/nonexistent-dir-for-test");

        assertEquals(Main.BAD_INPUT, exit, "an unreadable report is bad input: " + err);
        assertThat(err.toString()).startsWith("edgetwin: error: report '/nonexistent-dir-for-test/report.json'");
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return;
            }
            List<String> child = new ArrayList<>(path);
            child.add(name);
            walk(sub, child, paths);
        });
    }
}
