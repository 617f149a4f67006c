package io.edgetwin.report.cli;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.trend.Trend;
import io.edgetwin.report.trend.TrendCsv;
import io.edgetwin.report.trend.TrendHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code edgetwin trend DIR|report.json... [--out DIR]}: lines up finished runs (e.g. the last CI runs
 * of a model release) in the order they started and writes trend.html and trend.csv: each threshold's
 * value per run, the gate outcome, and where the provenance changed.
 */
@Command(name = "trend", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = {"Trend over runs: writes trend.html and trend.csv with each threshold's value per run, the gate",
            "outcome, and where host class, twin image or commit changed. Exit 0, or 2 for an unreadable run."})
public final class TrendCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "run directories (holding report.json) or report.json files")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "where trend.html and trend.csv go (default: the current directory)")
    Path out = Path.of(".");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (Path run : runs) {
            Path file = Files.isDirectory(run) ? run.resolve("report.json") : run;
            reports.put(run.toString(), ReportJson.read(file));
        }
        Trend trend = Trend.of(reports);
        write(out.resolve("trend.html"), TrendHtml.render(trend));
        write(out.resolve("trend.csv"), TrendCsv.render(trend));
        trend.runs().stream().filter(run -> !run.provenanceChanged().isEmpty()).forEach(run -> spec.commandLine().getErr()
                .println("edgetwin: " + run.source() + ": " + String.join("; ", run.provenanceChanged())));
        return ReportCli.PASSED;
    }

    private void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ReportException("'" + file + "': cannot write: " + e, e);
        }
        spec.commandLine().getErr().println("edgetwin: wrote " + file);
    }
}
