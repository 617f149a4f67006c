package io.edgetwin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timed harness for the rendering target: every format for a run of 1M recorded requests per
 * variant and 32 twins × 5 min of 1 s samples (device + 2 components each) within 3 s, report.html
 * within 5 MB. Prints the first (cold JVM) time and the median of the following runs, for writing
 * all formats from the model and for {@code edgetwin report DIR} (read report.json, render the rest).
 * Run: {@code java -cp <test classpath> io.edgetwin.report.RenderingBenchmark [runs] [dir]}.
 */
public final class RenderingBenchmark {

    private RenderingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("edgetwin-bench");
        Report report = new SyntheticRun(32, 300, 1_000_000).report();
        List<Long> writeAll = time(runs, () -> ReportFormats.writeAll(report, dir));
        List<Long> rerender = time(runs, () -> ReportFormats.write(ReportFormats.rendered(),
                ReportJson.read(dir.resolve("report.json")), dir));
        System.out.printf("writeAll (json, md, html, xml): first %d ms, median %d ms of %d%n",
                writeAll.get(0), median(writeAll), runs - 1);
        System.out.printf("read report.json + render md, html, xml: first %d ms, median %d ms of %d%n",
                rerender.get(0), median(rerender), runs - 1);
        for (String file : List.of("report.json", "report.html", "report.md", "junit.xml")) {
            System.out.printf("%-12s %,d bytes%n", file, Files.size(dir.resolve(file)));
        }
    }

    private static List<Long> time(int runs, Runnable work) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        return millis;
    }

    private static long median(List<Long> millis) {
        List<Long> warm = new ArrayList<>(millis.subList(1, millis.size()));
        Collections.sort(warm);
        return warm.get(warm.size() / 2);
    }
}
