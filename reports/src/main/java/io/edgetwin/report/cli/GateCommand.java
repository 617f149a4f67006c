package io.edgetwin.report.cli;

import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.confidence.ConfidenceGate;
import io.edgetwin.report.gate.Baseline;
import io.edgetwin.report.gate.BaselineResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.Tolerance;
import io.edgetwin.report.junit.JUnitXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgetwin gate DIR [--threshold EXPR]... [--baseline OLD/report.json [--tolerance EXPR]...]}:
 * the CI step. Checks the run's own thresholds plus any given here, compares it with a baseline
 * run, writes DIR/junit.xml naming every failure, and exits with the verdict's code. report.json is
 * left as the run wrote it.
 */
@Command(name = "gate", exitCodeOnInvalidInput = 2,
        description = "Gate a finished run: its thresholds, extra thresholds and a baseline comparison. Writes DIR/junit.xml.")
final class GateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "a run's output directory, holding report.json")
    Path dir;

    @Option(names = "--threshold", paramLabel = "EXPR", description = "an extra threshold for every variant, e.g. 'latency.p99 < 50ms'")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "report.json of an earlier run of the same scenario")
    Path baseline;

    @Option(names = "--tolerance", paramLabel = "EXPR",
            description = "how far a metric may move from the baseline, e.g. 'latency.p99 +10%' (default: latency.p99 +10%)")
    List<String> tolerances = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Threshold> extra = Threshold.parseAll(thresholds);
        List<Tolerance> parsedTolerances = (tolerances.isEmpty() ? List.of("latency.p99 +10%") : tolerances).stream()
                .map(Tolerance::parse).toList();
        if (baseline == null && !tolerances.isEmpty()) {
            throw new ReportException("--tolerance needs --baseline: a tolerance is a change relative to a baseline run");
        }
        Report report = ConfidenceGate.apply(Gate.withThresholds(ReportJson.read(dir.resolve("report.json")), extra));
        List<BaselineResult> comparison = baseline == null ? List.of() : compare(report, parsedTolerances);
        writeJUnit(report, comparison);
        return verdict(report, comparison);
    }

    private List<BaselineResult> compare(Report report, List<Tolerance> parsed) {
        Report before = ReportJson.read(baseline);
        try {
            return Baseline.compare(report, before, parsed);
        } catch (ReportException e) {
            throw new ReportException("baseline '" + baseline + "': " + e.getMessage(), e);
        }
    }

    private void writeJUnit(Report report, List<BaselineResult> comparison) {
        Path file = dir.resolve("junit.xml");
        try {
            Files.writeString(file, JUnitXml.render(report, comparison));
        } catch (IOException e) {
            throw new ReportException("junit.xml '" + file + "': cannot write: " + e, e);
        }
        spec.commandLine().getErr().println("edgetwin: wrote " + file);
    }

    private int verdict(Report report, List<BaselineResult> comparison) {
        PrintWriter err = spec.commandLine().getErr();
        report.variants().forEach((name, variant) -> {
            variant.validity().reasons().forEach(reason -> err.println("edgetwin: " + name + ": run invalid: " + reason));
            variant.thresholds().stream().filter(t -> !t.passed()).forEach(t -> err.println("edgetwin: " + name
                    + ": threshold failed: " + t.expr() + " (actual " + t.unit().format(t.actual()) + ")"));
        });
        comparison.stream().filter(result -> !result.passed()).forEach(result ->
                err.println("edgetwin: " + result.variant() + ": regression " + result.describe()));
        boolean regressed = comparison.stream().anyMatch(result -> !result.passed());
        if (report.verdict() == Outcome.INVALID) {
            err.println("edgetwin: " + report.scenario() + ": INVALID");
            return ReportCli.RUN_INVALID;
        }
        boolean failed = report.verdict() == Outcome.FAIL || regressed;
        err.println("edgetwin: " + report.scenario() + ": " + (failed ? "FAIL" : "PASS"));
        return failed ? ReportCli.FAILED : ReportCli.PASSED;
    }
}
