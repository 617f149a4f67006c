package io.edgetwin.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.ReportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class FailuresTest {

    @Command(name = "edgetwin", subcommands = Broken.class)
    static final class Root implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Parameters(defaultValue = "bug")
        String kind;

        @Override
        public Integer call() {
            if (kind.equals("input")) {
                throw new ReportException("report 'x/report.json': missing required field 'sent'");
            }
            throw new IllegalStateException("wrapped", new NullPointerException("Cannot invoke \"String.length()\""));
        }
    }

    private final StringWriter err = new StringWriter();

    @Test
    void unexpectedErrorPrintsOneLineAndExitsFourNotBadInput() {
        int exit = run("broken");

        assertEquals(Failures.UNEXPECTED, exit);
        assertEquals("edgetwin: unexpected error: NullPointerException: Cannot invoke \"String.length()\""
                + " (run again with --verbose for the stack trace)\n", err.toString().replace("\r", ""));
    }

    @Test
    void verboseOnASubcommandAddsTheStackTrace() {
        int exit = run("broken", "--verbose");

        assertEquals(Failures.UNEXPECTED, exit);
        assertTrue(err.toString().contains("java.lang.IllegalStateException: wrapped"), err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void badInputSaysWhatAndExitsTwoWithoutAStackTrace() {
        int exit = run("broken", "input");

        assertEquals(Failures.BAD_INPUT, exit);
        assertEquals("edgetwin: error: report 'x/report.json': missing required field 'sent'\n", err.toString().replace("\r", ""));
        assertFalse(err.toString().contains("\tat "));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Root());
        cli.setErr(new PrintWriter(err, true));
        return Failures.execute(cli, e -> e instanceof ReportException, args);
    }
}
