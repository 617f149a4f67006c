package io.edgetwin.report.cli;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.headline.Headline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetwin report DIR}: renders report.html, report.md and junit.xml again from DIR/report.json. */
@Command(name = "report", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = "Render report.html, report.md and junit.xml again from DIR/report.json, without re-running.")
public final class RenderCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "a run's output directory, holding report.json")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Report report = ReportJson.read(dir.resolve("report.json"));
        List<Path> written = ReportFormats.write(ReportFormats.rendered(), report, dir);
        written.forEach(file -> spec.commandLine().getErr().println("edgetwin: wrote " + file));
        Headline.sentences(report).forEach(effect -> spec.commandLine().getErr().println("edgetwin: " + effect));
        spec.commandLine().getErr().println("edgetwin: " + report.scenario() + ": " + report.verdict());
        return switch (report.verdict()) {
            case PASS -> ReportCli.PASSED;
            case FAIL -> ReportCli.FAILED;
            case INVALID -> ReportCli.RUN_INVALID;
            case ABORTED -> ReportCli.ABORTED;
        };
    }
}
