package io.edgetwin.report.cli;

import io.edgetwin.report.ReportException;
import io.edgetwin.report.gate.ThresholdException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code edgetwin report} and {@code edgetwin gate}: work on a finished run's report.json without
 * running anything. Exit codes (docs/report.md): 0 pass, 1 a threshold or a baseline tolerance
 * failed, 2 bad input (unreadable report, another schema version, an unknown metric, a baseline of
 * another scenario), 3 the run is invalid.
 */
@Command(name = "edgetwin", mixinStandardHelpOptions = true, version = "edgetwin 0.1.0", exitCodeOnInvalidInput = 2,
        description = "Re-render, gate and trend edgetwin reports; no Docker needed.",
        subcommands = {RenderCommand.class, GateCommand.class, TrendCommand.class})
public final class ReportCli implements Callable<Integer> {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = Failures.BAD_INPUT;
    public static final int RUN_INVALID = 3;
    /** The run was stopped before its end (Ctrl-C, 128 + SIGINT): its report is partial. */
    public static final int ABORTED = 130;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; messages go to standard error. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its messages (progress, failures, errors) going to {@code err}. */
    public static int execute(PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ReportCli());
        cli.setErr(err);
        return Failures.execute(cli, e -> e instanceof ReportException || e instanceof ThresholdException, args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return BAD_INPUT;
    }
}
