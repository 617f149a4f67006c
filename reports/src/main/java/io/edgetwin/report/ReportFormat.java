package io.edgetwin.report;

import java.nio.file.Path;

/**
 * One way to render a report to a file: the seam between the report model and its renderers
 * (JSON for machines, Markdown for pull requests; HTML and JUnit XML can join without touching the
 * model). Implementations write nothing but their own file and fail with {@link ReportException}.
 */
public interface ReportFormat {

    /** The file this format writes inside the output directory, e.g. {@code report.json}. */
    String fileName();

    /** Writes {@code report} to {@code dir/fileName()}, creating {@code dir} if needed. */
    void write(Report report, Path dir);
}
