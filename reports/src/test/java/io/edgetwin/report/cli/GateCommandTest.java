package io.edgetwin.report.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Provenance;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.SampleReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code edgetwin gate} writes and leaves alone, and what it says about a baseline from elsewhere. */
class GateCommandTest {

    private static final Provenance HERE = new Provenance("0.1.0-SNAPSHOT", "abc123", "edgetwin-twin:1a2b sha256:9f",
            "AMD EPYC 7B13", 2, 24L << 30, "6.1.0-28-cloud-amd64", "2", "systemd", "26.1.5", "Debian 17.0.15");
    private static final Provenance LAPTOP = new Provenance("0.1.0-SNAPSHOT", "abc123", "edgetwin-twin:77aa sha256:01",
            "Intel Core i7-1185G7", 8, 32L << 30, "6.8.0", "2", "systemd", "27.0.1", "Temurin 17.0.12");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void gateLeavesEveryFileOfTheRunByteForByteAndWritesItsOwnResult() throws IOException {
        Path run = dir.resolve("run");
        ReportFormats.writeAll(SampleReports.quickstart(), run);
        Map<Path, byte[]> before = contents(run);
        Path old = written("old", SampleReports.quickstart());

        int exit = run("gate", run.toString(), "--threshold", "oomKills.device == 0",
                "--baseline", old.resolve("report.json").toString(), "--tolerance", "latency.p99 +1%");

        assertEquals(ReportCli.FAILED, exit, err.toString());
        Map<Path, byte[]> after = contents(run);
        after.remove(run.resolve("gate-junit.xml"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " changed"));
        String gateJunit = Files.readString(run.resolve("gate-junit.xml"));
        assertTrue(gateJunit.contains("name=\"threshold: oomKills.device == 0\""), gateJunit);
        assertTrue(gateJunit.contains("name=\"baseline: latency.p99 +1%\""), gateJunit);
    }

    @Test
    void junitOptionPutsTheGateResultWhereCiWantsIt() {
        Path run = written("run", SampleReports.quickstart());
        Path target = dir.resolve("ci/results/edgetwin.xml");

        run("gate", run.toString(), "--junit", target.toString());

        assertTrue(Files.isRegularFile(target));
        assertFalse(Files.exists(run.resolve("gate-junit.xml")));
    }

    @Test
    void baselineFromAnotherHostClassOrImageIsWarnedAboutSayingWhatItMeans() {
        Path run = written("run", SampleReports.quickstart().withProvenance(HERE));
        Path old = written("old", SampleReports.quickstart().withProvenance(LAPTOP));

        run("gate", run.toString(), "--baseline", old.resolve("report.json").toString(), "--tolerance", "latency.p99 +100%");

        String said = err.toString();
        assertTrue(said.contains("edgetwin: warning: the baseline '" + old.resolve("report.json") + "' ran elsewhere: host class:"
                + " Intel Core i7-1185G7, 8 cores, 32 GiB, cgroup v2 then, AMD EPYC 7B13, 2 cores, 24 GiB, cgroup v2 now;"
                + " twin image: edgetwin-twin:77aa sha256:01 then, edgetwin-twin:1a2b sha256:9f now"), said);
        assertTrue(said.contains("a change against this baseline may be the machine's, not the release's"), said);
    }

    @Test
    void strictProvenanceRefusesABaselineFromElsewhere() {
        Path run = written("run", SampleReports.quickstart().withProvenance(HERE));
        Path old = written("old", SampleReports.quickstart().withProvenance(LAPTOP));

        int exit = run("gate", run.toString(), "--baseline", old.resolve("report.json").toString(), "--strict-provenance");

        assertEquals(ReportCli.BAD_INPUT, exit);
        assertTrue(err.toString().contains("edgetwin: error: the baseline"), err.toString());
        assertTrue(err.toString().contains("(--strict-provenance); expected a baseline from the same host class and image"));
    }

    @Test
    void baselineFromTheSameHostClassAndImageIsNotWarnedAbout() {
        Path run = written("run", SampleReports.quickstart().withProvenance(HERE));
        Path old = written("old", SampleReports.quickstart().withProvenance(HERE));

        run("gate", run.toString(), "--baseline", old.resolve("report.json").toString(), "--strict-provenance");

        assertFalse(err.toString().contains("warning"), err.toString());
        assertFalse(err.toString().contains("edgetwin: error"), err.toString());
    }

    @Test
    void gateComparisonWithTheBaselineRunReadsTheSameVariant() throws IOException {
        Path run = written("run", SampleReports.quickstart());
        Path old = written("old", SampleReports.quickstart());

        int exit = run("gate", run.toString(), "--baseline", old.resolve("report.json").toString(),
                "--threshold", "latency.p99 < baseline.latency.p99");

        assertEquals(ReportCli.FAILED, exit);
        String junit = Files.readString(run.resolve("gate-junit.xml"));
        assertTrue(junit.contains("bound:    38.5 ms (baseline's latency.p99: 38.5 ms)"), junit);
        assertTrue(junit.contains("bound:    61.25 ms (baseline's latency.p99: 61.25 ms)"), junit);
    }

    @Test
    void gateComparisonWithAnUnknownVariantIsBadInput() {
        Path run = written("run", SampleReports.quickstart());

        int exit = run("gate", run.toString(), "--threshold", "latency.p99 < 0.5 * unlimted.latency.p99");

        assertEquals(ReportCli.BAD_INPUT, exit);
        assertTrue(err.toString().contains("unknown variant 'unlimted'"), err.toString());
    }

    private Map<Path, byte[]> contents(Path run) throws IOException {
        Map<Path, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.toList()) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private int run(String... args) {
        return ReportCli.execute(new PrintWriter(err, true), args);
    }

    private Path written(String name, Report report) {
        Path run = dir.resolve(name);
        io.edgetwin.report.ReportJson.write(report, run.resolve("report.json"));
        return run;
    }
}
