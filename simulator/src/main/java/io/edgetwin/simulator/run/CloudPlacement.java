package io.edgetwin.simulator.run;

import io.edgetwin.simulator.cloud.InferenceService;
import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.scenario.Placement;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cloud side of a cloud-placed variant: its inference service (one per variant, torn down with
 * it) and one WAN link per twin in front of the service, with the variant's profile, seeded from the
 * scenario's seed. Each twin's forwarding component is told its link's address through
 * {@code EDGETWIN_CLOUD_INFERENCE}. An edge variant has none of it ({@link #NONE}).
 */
final class CloudPlacement {

    static final CloudPlacement NONE = new CloudPlacement(null, List.of());

    private final InferenceService service;
    private final List<LinkProxy> wans;

    private CloudPlacement(InferenceService service, List<LinkProxy> wans) {
        this.service = service;
        this.wans = List.copyOf(wans);
    }

    /** Starts the variant's service and links when its inference is in the cloud; {@link #NONE} otherwise. */
    static CloudPlacement start(Scenario scenario, Variant variant, String imageRef, String runId, Teardown teardown,
                                Consumer<String> progress) throws Exception {
        if (!(variant.placement() instanceof Placement.Cloud cloud)) {
            return NONE;
        }
        String model = model(scenario, variant);
        double cpus = Runtime.getRuntime().availableProcessors();
        InferenceService service = teardown.register(InferenceService.start(imageRef, runId,
                scenario.name() + "-" + variant.name() + "-cloud", model, cpus));
        progress.accept(service.describe() + ", model " + model + "; WAN link " + cloud.link().name());
        List<LinkProxy> wans = new ArrayList<>();
        for (int i = 1; i <= scenario.twins(); i++) {
            wans.add(teardown.register(new LinkProxy(service.port(), scenario.seed() * 31 + i, cloud.link(), System::nanoTime)));
        }
        return new CloudPlacement(service, wans);
    }

    /** The model the workload's component is configured with, which the service runs too. */
    static String model(Scenario scenario, Variant variant) {
        String target = scenario.workload().target();
        Object own = variant.overrideOf(target).configuration().get("model");
        Object shared = scenario.components().get(target).configuration().get("model");
        return String.valueOf(own != null ? own : shared != null ? shared : "anomaly-mlp");
    }

    boolean isCloud() {
        return service != null;
    }

    /** Twin {@code twin}'s (0-based) extra environment: where its link to the service listens. */
    Map<String, String> environment(int twin) {
        return service == null ? Map.of() : Map.of("EDGETWIN_CLOUD_INFERENCE", "127.0.0.1:" + wans.get(twin).port());
    }

    /** Twin {@code twin}'s (0-based) WAN link; null in an edge placement. */
    LinkProxy wan(int twin) {
        return service == null ? null : wans.get(twin);
    }

    /** Bytes every twin sent up its WAN link so far. */
    long bytesUp() {
        return wans.stream().mapToLong(LinkProxy::bytesUp).sum();
    }

    /** The service's container, whose CPU and memory are the cloud's, not the device's. */
    String serviceContainerId() {
        return service == null ? null : service.containerId();
    }

    /** Removes the service and closes the links now, through the run's teardown (which registered them). */
    void closeWith(Teardown teardown) throws Exception {
        for (LinkProxy wan : wans) {
            teardown.closeNow(wan);
        }
        if (service != null) {
            teardown.closeNow(service);
        }
    }
}
