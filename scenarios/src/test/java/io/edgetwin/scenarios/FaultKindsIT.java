package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Window;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A neighbour that spins, a slow link, a live limit change and a docker update, each seen in the run's events and numbers. */
class FaultKindsIT {

    private static final String SCENARIO = """
            name: fault-kinds
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0}
            variants:
              limited:
                components:
                  com.edgetwin.Inference: {systemResourceLimits: {memory: 524288, cpus: 0.75}}
              unlimited: {}
            workload: {target: com.edgetwin.Inference, rate: 20/s, warmup: 2s, duration: 24s}
            faults:
              - {at: 1s, kind: neighbour-spin, for: 6s, threads: 1}
              - {at: 10s, kind: link, twin: 1, latency: 200ms, for: 5s}
              - {at: 17s, kind: limits, component: com.edgetwin.Inference, cpus: 0.5}
              - {at: 19s, kind: device-caps, cpus: 0.8, memory: 640m}
            """;

    @TempDir
    Path dir;

    @Test
    void eachFaultKindActsOnTheTwinAndIsAnEvent() throws Exception {
        Path scenario = Files.writeString(dir.resolve("fault-kinds.yaml"), SCENARIO);
        Path out = dir.resolve("out");

        int exit = Main.execute("run", scenario.toString(), "--out", out.toString());

        assertEquals(Main.PASSED, exit);
        Report report = ReportJson.read(out.resolve("report.json"));
        for (String variant : List.of("limited", "unlimited")) {
            VariantResult v = report.variants().get(variant);
            List<String> events = events(v);
            assertThat(events).anyMatch(e -> e.startsWith("fault-start com.edgetwin.CpuHog neighbour-spin"));
            assertThat(events).as("the neighbour ran").anyMatch(e -> e.startsWith("state-change com.edgetwin.CpuHog")
                    && e.contains("RUNNING"));
            assertThat(events).anyMatch(e -> e.startsWith("fault-end com.edgetwin.CpuHog"));
            assertThat(events.stream().filter(e -> e.startsWith("deployment ") && e.contains("-fault-")
                    && e.contains("SUCCESSFUL")).count()).as("spin on, spin off, limits").isGreaterThanOrEqualTo(3);
            assertThat(events).anyMatch(e -> e.startsWith("fault-start null device-caps")
                    && e.contains("read back: memory 671088640 B, cpus 0.8"));
            double slowest = 0;
            for (Window w : v.windows()) {
                if (w.startMs() >= 10_000 && w.startMs() < 15_000) {
                    slowest = Math.max(slowest, w.p99Ms());
                }
            }
            assertThat(slowest).as("200 ms each way through the twin's link").isGreaterThan(350);
        }
        assertThat(Leftovers.containers()).isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }

    private static List<String> events(VariantResult variant) {
        List<String> events = new ArrayList<>();
        variant.events().forEach(e -> events.add(e.kind() + " " + e.component() + " " + e.detail()));
        return events;
    }
}
