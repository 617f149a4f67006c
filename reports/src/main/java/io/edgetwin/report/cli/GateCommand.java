package io.edgetwin.report.cli;

import io.edgetwin.report.Outcome;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.confidence.ConfidenceGate;
import io.edgetwin.report.gate.Baseline;
import io.edgetwin.report.gate.BaselineResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.References;
import io.edgetwin.report.gate.Source;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.Tolerance;
import io.edgetwin.report.headline.Headline;
import io.edgetwin.report.junit.JUnitXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgetwin gate DIR [--threshold EXPR]... [--baseline OLD/report.json [--tolerance EXPR]...]}:
 * the CI step. Checks the run's own thresholds plus any given here, compares it with a baseline
 * run, writes its own result to DIR/gate-junit.xml (or {@code --junit PATH}) and exits with the
 * verdict's code. The run's own files (report.json, report.html, report.md, junit.xml) are left
 * byte for byte as the run wrote them, so they never disagree with each other.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = {"Gate a finished run: its thresholds, extra thresholds and a baseline comparison.",
            "Writes DIR/gate-junit.xml (or --junit PATH); the run's own files are left as they were.",
            "Exit 0 pass, 1 a threshold or tolerance failed, 2 bad input, 3 the run is invalid, 130 it was aborted."})
public final class GateCommand implements Callable<Integer> {

    static final String DEFAULT_TOLERANCE = "latency.p99 +10%";

    @Parameters(paramLabel = "DIR", description = "a run's output directory, holding report.json")
    Path dir;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "an extra threshold for every variant, e.g. 'latency.p99 < 50ms' or"
                    + " 'latency.p99 <= baseline.latency.p99 + 5ms' (docs/report.md)")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "report.json of an earlier run of the same scenario")
    Path baseline;

    @Option(names = "--tolerance", paramLabel = "EXPR",
            description = "how far a metric may move from the baseline, e.g. 'latency.p99 +10%%' (default: latency.p99 +10%%)")
    List<String> tolerances = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "PATH", description = "where to write the gate's JUnit XML (default: DIR/gate-junit.xml)")
    Path junit;

    @Option(names = "--strict-provenance",
            description = "fail (exit 2) instead of warning when the baseline ran on another host class or twin image")
    boolean strictProvenance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Threshold> extra = Threshold.parseAll(thresholds);
        List<Tolerance> parsedTolerances = (tolerances.isEmpty() ? List.of(DEFAULT_TOLERANCE) : tolerances).stream()
                .map(Tolerance::parse).toList();
        if (baseline == null && !tolerances.isEmpty()) {
            throw new ReportException("--tolerance needs --baseline: a tolerance is a change relative to a baseline run");
        }
        Report run = ReportJson.read(dir.resolve("report.json"));
        Report before = baseline == null ? null : ReportJson.read(baseline);
        requireKnownReferences(run, extra, before != null);
        if (before != null) {
            checkProvenance(run, before);
        }
        Report report = ConfidenceGate.apply(Gate.withThresholds(run, extra, before));
        List<BaselineResult> comparison = before == null ? List.of() : compare(report, before, parsedTolerances);
        writeJUnit(report, comparison);
        return verdict(report, comparison);
    }

    /** Comparisons name variants of the run, and baseline. only with --baseline; a variant skips those naming it. */
    private void requireKnownReferences(Report run, List<Threshold> extra, boolean hasBaseline) {
        Map<String, List<Threshold>> byVariant = new LinkedHashMap<>();
        run.variants().keySet().forEach(name -> byVariant.put(name, extra.stream().filter(t -> !t.reference()
                .filter(r -> r.source() instanceof Source.OtherVariant other
                        && other.name().equals(name)).isPresent()).toList()));
        List<References.Problem> problems = References.problems(byVariant, run.variants().keySet(), hasBaseline);
        if (!problems.isEmpty()) {
            throw new ReportException("--threshold: " + problems.get(0).message());
        }
    }

    private void checkProvenance(Report run, Report before) {
        List<String> differences = Provenances.differences(run, before);
        if (differences.isEmpty()) {
            return;
        }
        String what = "the baseline '" + baseline + "' ran elsewhere: " + String.join("; ", differences)
                + ". Latency, throughput and memory depend on the host and the image, so a change against this"
                + " baseline may be the machine's, not the release's";
        if (strictProvenance) {
            throw new ReportException(what + " (--strict-provenance); expected a baseline from the same host class and image");
        }
        spec.commandLine().getErr().println("edgetwin: warning: " + what + " (--strict-provenance makes this an error)");
    }

    private List<BaselineResult> compare(Report report, Report before, List<Tolerance> parsed) {
        try {
            return Baseline.compare(report, before, parsed);
        } catch (ReportException e) {
            throw new ReportException("baseline '" + baseline + "': " + e.getMessage(), e);
        }
    }

    private void writeJUnit(Report report, List<BaselineResult> comparison) {
        Path file = junit != null ? junit : dir.resolve("gate-junit.xml");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, JUnitXml.render(report, comparison));
        } catch (IOException e) {
            throw new ReportException("gate result '" + file + "': cannot write: " + e, e);
        }
        spec.commandLine().getErr().println("edgetwin: wrote " + file);
    }

    private int verdict(Report report, List<BaselineResult> comparison) {
        PrintWriter err = spec.commandLine().getErr();
        report.variants().forEach((name, variant) -> {
            variant.validity().reasons().forEach(reason -> err.println("edgetwin: " + name + ": run invalid: " + reason));
            variant.thresholds().stream().filter(t -> !t.passed()).forEach(t -> err.println("edgetwin: " + name
                    + ": threshold failed: " + t.expr() + ": " + t.outcome()));
        });
        comparison.stream().filter(result -> !result.passed()).forEach(result ->
                err.println("edgetwin: " + result.variant() + ": regression " + result.describe()));
        Headline.sentences(report).forEach(effect -> err.println("edgetwin: " + effect));
        boolean regressed = comparison.stream().anyMatch(result -> !result.passed());
        if (report.verdict() == Outcome.ABORTED) {
            err.println("edgetwin: " + report.scenario() + ": ABORTED (" + report.aborted() + ")");
            return ReportCli.ABORTED;
        }
        if (report.verdict() == Outcome.INVALID) {
            err.println("edgetwin: " + report.scenario() + ": INVALID");
            return ReportCli.RUN_INVALID;
        }
        boolean failed = report.verdict() == Outcome.FAIL || regressed;
        err.println("edgetwin: " + report.scenario() + ": " + (failed ? "FAIL" : "PASS"));
        return failed ? ReportCli.FAILED : ReportCli.PASSED;
    }
}
