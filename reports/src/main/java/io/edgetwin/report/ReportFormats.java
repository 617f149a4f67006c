package io.edgetwin.report;

import io.edgetwin.report.html.ReportHtml;
import io.edgetwin.report.junit.JUnitXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The report formats this module knows, found by typing {@code ReportFormats.}. A renderer that
 * needs more than the report (junit.xml with a baseline comparison) is called directly.
 */
public final class ReportFormats {

    private static final ReportFormat JSON = new TextFormat("report.json", ReportJson::toJson);
    private static final ReportFormat MARKDOWN = new TextFormat("report.md", ReportMarkdown::render);
    private static final ReportFormat HTML = new TextFormat("report.html", ReportHtml::render);
    private static final ReportFormat JUNIT = new TextFormat("junit.xml", JUnitXml::render);

    private ReportFormats() {
    }

    /** report.json: the machine-readable report, read back by {@link ReportJson#read}. */
    public static ReportFormat json() {
        return JSON;
    }

    /** report.md: the pull-request comment. */
    public static ReportFormat markdown() {
        return MARKDOWN;
    }

    /** report.html: the page people read, charts included, self-contained. */
    public static ReportFormat html() {
        return HTML;
    }

    /** junit.xml: validity and thresholds as test cases for CI. */
    public static ReportFormat junit() {
        return JUNIT;
    }

    /** Every format, JSON first. */
    public static List<ReportFormat> all() {
        return List.of(JSON, MARKDOWN, HTML, JUNIT);
    }

    /** Every format but JSON: what {@code edgetwin report DIR} renders again from report.json. */
    public static List<ReportFormat> rendered() {
        return List.of(MARKDOWN, HTML, JUNIT);
    }

    /** Writes {@code report} in every format into {@code dir}; returns the files written. */
    public static List<Path> writeAll(Report report, Path dir) {
        return write(all(), report, dir);
    }

    /** Writes {@code report} in each of {@code formats} into {@code dir}; returns the files written. */
    public static List<Path> write(List<ReportFormat> formats, Report report, Path dir) {
        return formats.stream().map(format -> {
            format.write(report, dir);
            return dir.resolve(format.fileName());
        }).toList();
    }

    /** A format whose whole file is one string rendered from the report. */
    private record TextFormat(String fileName, Function<Report, String> renderer) implements ReportFormat {

        @Override
        public void write(Report report, Path dir) {
            Path file = dir.resolve(fileName);
            try {
                Files.createDirectories(dir);
                Files.writeString(file, renderer.apply(report));
            } catch (IOException e) {
                throw new ReportException("report '" + file + "': cannot write: " + e, e);
            }
        }

        @Override
        public String toString() {
            return fileName;
        }
    }
}
