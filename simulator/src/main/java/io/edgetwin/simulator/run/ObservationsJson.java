package io.edgetwin.simulator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code observations.json} beside report.json: per variant the fields report.json v2 adds
 * (validity, latencyHistogram, windows, twins, series, events) plus the run's verdict (PASS, FAIL or
 * INVALID), execution and seed. Format: docs/report.md, "observations.json".
 */
public final class ObservationsJson {

    public static final String FILE = "observations.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ObservationsJson() {
    }

    public static Path write(RunOutcome outcome, Path dir) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", outcome.report().scenario());
        root.put("verdict", outcome.verdict());
        root.put("seed", outcome.seed());
        root.put("execution", outcome.execution());
        root.put("scenarioText", outcome.scenarioText());
        Map<String, Object> variants = new LinkedHashMap<>();
        outcome.report().variants().keySet().forEach(name -> variants.put(name, outcome.observations().get(name)));
        root.put("variants", variants);
        Path file = dir.resolve(FILE);
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
