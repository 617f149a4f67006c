package io.edgetwin.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes and reads report.json. Reading is strict where it matters: another schemaVersion, JSON
 * that is not well formed (a truncated file), a missing field or a value the records reject all
 * fail with a {@link ReportException} naming the file, the position and what was expected.
 * Unknown fields are ignored, so a newer writer may add fields without breaking this reader;
 * renaming or removing one bumps {@link Report#SCHEMA_VERSION}. Fields added within a version are
 * given their empty value when a file from before them lacks them ({@code requests.unsent} 0,
 * {@code recovery} empty), so older baselines still read.
 */
public final class ReportJson {

    /**
     * Instants are ISO-8601 strings (2026-11-26T13:00:00Z), mapped by hand: the jsr310 module would
     * be a second dependency for a single type.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    /** The report as pretty-printed JSON text. */
    public static String toJson(Report report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new ReportException("report '" + report.scenario() + "': cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code report} to {@code file}, replacing it, creating parent directories. */
    public static void write(Report report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, toJson(report));
        } catch (IOException e) {
            throw new ReportException("report '" + file + "': cannot write: " + e, e);
        }
    }

    /** Reads a report written by {@link #write}; see the class comment for what is refused. */
    public static Report read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportException("report '" + file + "': cannot read: " + e, e);
        }
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            requireSchemaVersion(file, tree);
            return MAPPER.readValue(withOptionalFields(tree) ? MAPPER.writeValueAsBytes(tree) : bytes, Report.class);
        } catch (JsonProcessingException e) {
            throw new ReportException(describe(file, e), e);
        } catch (IOException e) {
            throw new ReportException("report '" + file + "': cannot read: " + e, e);
        }
    }

    /**
     * Fills fields added to schema version 2 after its first files ({@code provenance}, {@code aborted},
     * {@code repeats}, a variant's {@code interference}, {@code placement} and {@code security}, a threshold's {@code comparison} and
     * {@code ratioCheck}, a variant's {@code correct} and {@code partial}) with null, a variant's
     * {@code workloads} with none, its {@code missingSeries} and {@code recovery} with none, a component's {@code lambda} with null,
     * {@code requests.unsent} with 0 and a series' {@code source} with null, where a file lacks them, so
     * older reports still read (e.g. as a gate's baseline); true when something was filled.
     */
    private static boolean withOptionalFields(JsonNode root) {
        boolean filled = false;
        for (String field : List.of("provenance", "aborted", "repeats")) {
            if (root instanceof ObjectNode object && !object.has(field)) {
                object.putNull(field);
                filled = true;
            }
        }
        if (root.get("variants") instanceof ObjectNode variants) {
            for (JsonNode variant : variants) {
                if (variant instanceof ObjectNode v && !v.has("interference")) {
                    v.putNull("interference");
                    filled = true;
                }
                if (variant instanceof ObjectNode v && !v.has("placement")) {
                    v.putNull("placement");
                    filled = true;
                }
                if (variant instanceof ObjectNode v && !v.has("security")) {
                    v.putNull("security");
                    filled = true;
                }
                if (variant instanceof ObjectNode v && !v.has("missingSeries")) {
                    v.putArray("missingSeries");
                    filled = true;
                }
                if (variant instanceof ObjectNode v && !v.has("recovery")) {
                    v.putArray("recovery");
                    filled = true;
                }
                for (JsonNode series : variant.path("series")) {
                    if (series instanceof ObjectNode s && !s.has("source")) {
                        s.putNull("source");
                        filled = true;
                    }
                }
                for (String field : List.of("correct", "partial")) {
                    if (variant instanceof ObjectNode v && !v.has(field)) {
                        v.putNull(field);
                        filled = true;
                    }
                }
                if (variant instanceof ObjectNode v && !v.has("workloads")) {
                    v.putObject("workloads");
                    filled = true;
                }
                for (JsonNode component : variant.path("components")) {
                    if (component instanceof ObjectNode c && !c.has("lambda")) {
                        c.putNull("lambda");
                        filled = true;
                    }
                }
                if (variant.get("requests") instanceof ObjectNode requests && !requests.has("unsent")) {
                    requests.put("unsent", 0);
                    filled = true;
                }
                for (JsonNode threshold : variant.path("thresholds")) {
                    for (String field : List.of("comparison", "ratioCheck")) {
                        if (threshold instanceof ObjectNode t && !t.has(field)) {
                            t.putNull(field);
                            filled = true;
                        }
                    }
                }
            }
        }
        return filled;
    }

    private static void requireSchemaVersion(Path file, JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new ReportException("report '" + file + "': the file is empty; expected a JSON object with schemaVersion "
                    + Report.SCHEMA_VERSION);
        }
        if (!root.isObject()) {
            throw new ReportException("report '" + file + "': expected a JSON object with schemaVersion "
                    + Report.SCHEMA_VERSION + ", found " + root.getNodeType());
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isInt() || version.intValue() != Report.SCHEMA_VERSION) {
            throw new ReportException("report '" + file + "': schemaVersion "
                    + (version == null ? "is missing" : version + " is not supported")
                    + "; expected " + Report.SCHEMA_VERSION);
        }
    }

    private static String describe(Path file, JsonProcessingException e) {
        StringBuilder message = new StringBuilder("report '").append(file).append('\'');
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message.append(" at line ").append(location.getLineNr())
                    .append(", column ").append(location.getColumnNr());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            message.append(" (").append(pathOf(mapping)).append(')');
        }
        return message.append(": ").append(reason(e)).toString();
    }

    /** The records' own complaint when they refused a value, else Jackson's, in our words where we can. */
    private static String reason(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return firstLine(cause.getMessage());
        }
        if (cause instanceof NullPointerException) {
            return "'" + cause.getMessage() + "' is null; expected a value";
        }
        String original = firstLine(e.getOriginalMessage());
        if (!(e instanceof JsonMappingException mapping)) {
            return "not valid JSON (" + original + "); expected a complete report.json, is the file truncated?";
        }
        if (original.contains("creator property") && !mapping.getPath().isEmpty()) {
            return "missing required field '" + mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() + "'";
        }
        if (original.startsWith("Cannot map `null`")) {
            return "null; expected a number";
        }
        return original;
    }

    /** Jackson's path as {@code variants.limited.requests.sent} rather than class names. */
    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid value";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    // fall through to Jackson's error, which carries the position
                }
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, String.valueOf(text),
                    "expected an ISO-8601 instant such as 2026-11-26T13:00:00Z");
        }
    }
}
