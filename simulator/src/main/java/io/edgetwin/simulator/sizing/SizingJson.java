package io.edgetwin.simulator.sizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.report.gate.Threshold;
import java.time.Instant;

/** sizing.json (schema version 1, docs/sizing.md): the verdict, the caps, and every trial as evidence. */
final class SizingJson {

    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SizingJson() {
    }

    static ObjectNode of(SizingRequest request, Sizing sizing, Instant startedAt, Instant finishedAt, String snippetFile) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("scenario", request.scenario().name());
        root.put("scenarioFile", request.scenario().file().toString());
        root.put("seed", request.scenario().seed());
        root.put("component", request.component());
        ArrayNode slos = root.putArray("slos");
        request.slos().stream().map(Threshold::expr).forEach(slos::add);
        ranges(root.putObject("ranges"), request);
        search(root.putObject("search"), request);
        root.put("plan", sizing.plan());
        ArrayNode widenings = root.putArray("widenings");
        sizing.widenings().forEach(widenings::add);
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt.toString());
        root.put("verdict", sizing.verdict().name());
        root.put("summary", sizing.summary());
        caps(root, "minimum", sizing.minimum());
        caps(root, "recommendation", sizing.recommendation());
        if (sizing.recommendation() != null) {
            ((ObjectNode) root.get("recommendation")).put("headroom", sizing.headroomRule());
        }
        confirm(root, sizing.confirm());
        root.put("deploymentSnippet", snippetFile);
        ArrayNode trials = root.putArray("trials");
        sizing.trials().forEach(t -> trial(trials.addObject(), t));
        return root;
    }

    /** grid.json: the dense grid's points, its minimum and the recommendation it would make (null when the top failed). */
    static ObjectNode grid(SizingRequest request, long stepKb, GridScan.Result grid) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", request.scenario().name());
        root.put("component", request.component());
        ArrayNode slos = root.putArray("slos");
        request.slos().stream().map(Threshold::expr).forEach(slos::add);
        root.put("stepKb", stepKb);
        root.put("cpus", request.cpus().max());
        root.put("minimumKb", grid.minimumKb());
        root.put("firstPassKb", grid.firstPassKb());
        root.put("recommendedKb", grid.recommendedKb());
        ArrayNode trials = root.putArray("trials");
        grid.trials().forEach(t -> trial(trials.addObject(), t));
        return root;
    }

    private static void ranges(ObjectNode ranges, SizingRequest request) {
        ranges.putObject("memoryKb").put("min", request.memory().minKb()).put("max", request.memory().maxKb());
        ranges.putObject("cpus").put("min", request.cpus().min()).put("max", request.cpus().max());
    }

    private static void search(ObjectNode search, SizingRequest request) {
        search.put("resolution", SizingSearch.RESOLUTION);
        search.put("blindTrials", SizingSearch.blindTrials(request.memory(), request.cpus()));
        search.put("thrashMajorFaultsPerSec", TrialClassifier.THRASH_MAJOR_FAULTS_PER_SECOND);
        search.put("minRequests", TrialClassifier.MIN_REQUESTS_FOR_P99);
    }

    private static void caps(ObjectNode root, String field, Caps caps) {
        if (caps == null) {
            root.putNull(field);
        } else {
            root.putObject(field).put("memoryKb", caps.memoryKb()).put("cpus", caps.cpus());
        }
    }

    private static void confirm(ObjectNode root, Trial confirm) {
        if (confirm == null) {
            root.putNull("confirmRun");
            return;
        }
        root.putObject("confirmRun").put("trial", confirm.number()).put("outcome", confirm.result().outcome().name())
                .put("report", confirm.result().evidence());
    }

    static void trial(ObjectNode node, Trial t) {
        TrialResult r = t.result();
        node.put("number", t.number()).put("phase", t.phase().name())
                .put("memoryKb", t.caps().memoryKb()).put("cpus", t.caps().cpus())
                .put("outcome", r.outcome().name()).put("detail", r.detail());
        if (r.p99Ms() == null) {
            node.putNull("latencyP99Ms");
        } else {
            node.put("latencyP99Ms", r.p99Ms());
        }
        node.put("majorFaultsPerSec", Math.round(r.majorFaultsPerSec() * 10) / 10.0)
                .put("componentPeakBytes", r.componentPeakBytes())
                .put("settledBytes", r.usage().settledBytes())
                .put("meanCpus", Math.round(r.usage().meanCpus() * 1000) / 1000.0)
                .put("highCpus", Math.round(r.usage().highCpus() * 1000) / 1000.0)
                .put("throttledShare", Math.round(r.usage().throttledShare() * 1000) / 1000.0)
                .put("periodCpus", Math.round(r.usage().periodCpus() * 1000) / 1000.0)
                .put("periods", r.usage().periods())
                .put("residentBytes", r.usage().residentBytes())
                .put("evidence", r.evidence());
        if (t.phase() == Phase.TOP && r.usage().seen()) {
            node.put("cpuBracketFrom", Brackets.cpuSource(r.usage()));
        }
    }
}
