package io.edgetwin.report.html;

import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.SyntheticRun;
import java.nio.file.Path;

/** Writes the synthetic noisy-neighbour reports into a directory, to look at by hand. */
public final class SampleHtml {

    private SampleHtml() {
    }

    public static void main(String[] args) {
        ReportFormats.writeAll(new SyntheticRun(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]))
                .report(), Path.of(args[0]));
    }
}
