package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.report.PlacementResult;
import io.edgetwin.report.Report;
import io.edgetwin.report.ReportJson;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same model on the twin and in the cloud inference service: the cloud's answers come through the
 * twin's WAN link (bytes go up it, the answers carry network time), and while the link is cut the edge
 * keeps answering and the cloud does not. Mechanisms only: no latency number is asserted.
 */
class EdgeVersusCloudIT {

    private static final String SCENARIO = """
            name: edge-cloud-it
            device: {memory: 768m, cpus: 1.0}
            components:
              com.edgetwin.Inference: {version: 1.0.0, configuration: {model: anomaly-mlp}}
            variants:
              edge: {}
              cloud: {inference: cloud, link: wired}
            workload: {target: com.edgetwin.Inference, rate: 20/s, warmup: 3s, duration: 15s}
            faults:
              - {at: 5s, kind: wan-outage, for: 5s}
            """;

    @TempDir
    Path dir;

    @Test
    void cloudAnswersCrossTheWanAndStopDuringItsOutageWhileTheEdgeKeepsAnswering() throws Exception {
        Path scenario = Files.writeString(dir.resolve("edge-cloud-it.yaml"), SCENARIO);
        Path out = dir.resolve("out");

        Main.execute("run", scenario.toString(), "--out", out.toString());

        Report report = ReportJson.read(out.resolve("report.json"));
        PlacementResult edge = report.variants().get("edge").placement();
        PlacementResult cloud = report.variants().get("cloud").placement();
        assertThat(edge.inference()).isEqualTo("edge");
        assertThat(edge.bytesUpstream()).as("the edge sends no input upstream").isZero();
        assertThat(edge.outage().due()).isPositive();
        assertThat(edge.outage().answered()).as("the edge answers through the WAN outage").isEqualTo(edge.outage().due());

        assertThat(cloud.inference()).isEqualTo("cloud");
        assertThat(cloud.link()).isEqualTo("wired");
        assertThat(cloud.bytesUpstream()).as("every input went up the twin's WAN link").isPositive();
        assertThat(cloud.bytesUpstreamPerInference()).as("at least the JSON of 128 numbers").isGreaterThan(128);
        assertThat(cloud.latencySplitMs().networkMs()).as("answers carry the WAN round trip").isPositive();
        assertThat(cloud.latencySplitMs().inferenceMs()).as("the service ran the model").isPositive();
        assertThat(cloud.outage().due()).isPositive();
        assertThat(cloud.outage().answered()).as("the cloud cannot answer while its link is cut")
                .isLessThan(cloud.outage().due() / 2);
        VariantResult cloudVariant = report.variants().get("cloud");
        assertThat(cloudVariant.requests().ok()).as("and answers again once the link is back")
                .isGreaterThan(cloud.outage().due());
        assertThat(cloudVariant.events()).anyMatch(e -> e.kind().equals("fault-start") && e.detail().contains("link to the cloud cut"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("Edge or cloud");
        assertThat(Leftovers.containers()).as("the cloud service is removed with its variant").isEmpty();
        assertThat(Leftovers.brokers()).isEmpty();
    }
}
