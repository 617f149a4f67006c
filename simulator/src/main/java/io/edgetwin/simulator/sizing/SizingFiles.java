package io.edgetwin.simulator.sizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sizing's files into its output directory (docs/sizing.md): sizing.json, sizing.html and, when
 * the recommendation was confirmed, deployment-snippet.json. The trials' reports are already in
 * {@code trials/}.
 */
public final class SizingFiles {

    public static final String JSON_FILE = "sizing.json";
    public static final String HTML_FILE = "sizing.html";
    public static final String SNIPPET_FILE = "deployment-snippet.json";
    public static final String GRID_FILE = "grid.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SizingFiles() {
    }

    /** Returns the files written. */
    public static List<Path> writeAll(SizingRequest request, Sizing sizing, Instant startedAt, Instant finishedAt, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        String snippet = null;
        if (sizing.confirmed()) {
            String version = request.scenario().components().get(request.component()).version();
            written.add(write(dir.resolve(SNIPPET_FILE),
                    JSON.writeValueAsString(DeploymentSnippet.of(request.component(), version, sizing.recommendation()))));
            snippet = SNIPPET_FILE;
        }
        written.add(0, write(dir.resolve(JSON_FILE),
                JSON.writeValueAsString(SizingJson.of(request, sizing, startedAt, finishedAt, snippet))));
        written.add(1, write(dir.resolve(HTML_FILE), SizingHtml.render(request, sizing)));
        return written;
    }

    /** Writes grid.json for a dense-grid scan; returns it. */
    public static Path writeGrid(SizingRequest request, long stepKb, GridScan.Result grid, Path dir) throws IOException {
        Files.createDirectories(dir);
        return write(dir.resolve(GRID_FILE), JSON.writeValueAsString(SizingJson.grid(request, stepKb, grid)));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text.endsWith("\n") ? text : text + "\n");
        return file;
    }
}
