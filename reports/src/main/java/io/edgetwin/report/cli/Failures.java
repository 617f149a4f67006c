package io.edgetwin.report.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * How the command lines report a failure. Bad input (the exceptions a command throws to say what
 * was wrong with a file or an argument) prints {@code edgetwin: error: <what, where, what was
 * expected>} and exits 2. Anything else is not the user's input: it prints {@code edgetwin: unexpected
 * error: <one line>} and exits 4; {@code --verbose}, accepted by every command, adds the stack trace.
 */
public final class Failures {

    public static final int BAD_INPUT = 2;
    public static final int UNEXPECTED = 4;
    static final String VERBOSE = "--verbose";

    private Failures() {
    }

    /**
     * Runs {@code args} on {@code cli} with {@code --verbose} on every command and failures reported as
     * above; returns the exit code.
     *
     * @param badInput which exceptions are bad input rather than unexpected
     */
    public static int execute(CommandLine cli, Predicate<Exception> badInput, String... args) {
        cli.getCommandSpec().addOption(OptionSpec.builder(VERBOSE).scopeType(ScopeType.INHERIT).arity("0").type(boolean.class)
                .description("on an unexpected error, print its stack trace").build());
        boolean verbose = Arrays.asList(args).contains(VERBOSE);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            if (badInput.test(e)) {
                err.println("edgetwin: error: " + e.getMessage());
                if (verbose) {
                    e.printStackTrace(err);
                }
                return BAD_INPUT;
            }
            err.println("edgetwin: unexpected error: " + oneLine(e)
                    + (verbose ? "" : " (run again with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return UNEXPECTED;
        });
        return cli.execute(args);
    }

    /** E.g. {@code NullPointerException: Cannot invoke "String.length()" because "name" is null}. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}
