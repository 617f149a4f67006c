package io.edgetwin.simulator.run;

import io.edgetwin.simulator.cloud.CloudException;
import io.edgetwin.simulator.cloud.CloudRun;
import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.fault.LinkRoute;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinSpec;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Brings up one variant's fleet on the run's twin runtime: each twin's way to the broker (its core dials
 * the broker directly, or a link proxy per twin when the run's {@link LinkRoute} says so), each twin's spec
 * (its device identity, its cloud placement's environment), the twins started a few at a time, the
 * deployment (through the cloud side when the run has one), and every workload's target ready on
 * every twin. A component that breaks or never gets ready ends the run with the twin's last log lines.
 */
final class FleetProvisioning {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final VariantRun.RunContext run;
    private final Variant variant;
    private final Consumer<String> progress;

    FleetProvisioning(VariantRun.RunContext run, Variant variant, Consumer<String> progress) {
        this.run = run;
        this.variant = variant;
        this.progress = progress;
    }

    /** Starts the variant's twins, deploys to them, and returns once every workload's target is ready on each. */
    RunningFleet provision(Teardown teardown, CloudPlacement placement) throws Exception {
        Scenario scenario = run.scenario();
        progress.accept("starting " + scenario.twins() + " twin(s) (memory " + scenario.device().memoryBytes() / (1024 * 1024)
                + " MiB, cpus " + scenario.device().cpus() + ")" + (scenario.profile() == null ? ""
                : "; profile " + scenario.profile().note(Runtime.getRuntime().availableProcessors())));
        List<TwinSpec> specs = new ArrayList<>();
        List<LinkProxy> links = new ArrayList<>();
        String deployment = DeploymentDocument.of(scenario, variant, run.runId());
        LinkRoute route = LinkRoute.of(scenario.faults(), run.runtime().hostAddress());
        int brokerPort = run.security().brokerPort(variant);
        for (int i = 1; i <= scenario.twins(); i++) {
            String thing = scenario.name() + "-" + variant.name() + "-" + i;
            int port = brokerPort;
            String uri = "tcp://" + LinkRoute.LOOPBACK + ":" + brokerPort;
            if (route.proxied()) {
                LinkProxy link = teardown.register(new LinkProxy(brokerPort, scenario.seed() + i,
                        InetAddress.getByName(run.runtime().hostAddress())));
                links.add(link);
                port = link.port();
                uri = link.uri();
            }
            Map<String, String> environment = new LinkedHashMap<>(placement.environment(i - 1));
            TwinSpec spec = run.cloud() == null
                    ? new TwinSpec(thing, run.imageRef(), scenario.device(), uri, deployment, run.runId(), environment)
                    : new TwinSpec(thing, run.imageRef(), scenario.device(), uri, CloudRun.EMPTY_DEPLOYMENT,
                    run.runId(), withAll(environment, run.cloud().twinEnvironment()));
            specs.add(run.security().twin(spec, variant, port));
        }
        List<Twin> twins = FleetLaunch.startAll(specs, run.runtime()::start, FleetLaunch.DEFAULT_PARALLELISM, teardown);
        if (run.cloud() != null) {
            for (Twin twin : twins) {
                try {
                    run.cloud().deploy(deployment, twin.spec().thingName());
                } catch (CloudException e) { // e.g. a component that cannot load its model: its log says why
                    throw new CloudException(e.getMessage() + "\n" + logTail(twin), e);
                }
            }
        }
        for (Twin twin : twins) {
            for (Workload workload : scenario.workloads()) {
                awaitReady(twin, workload.target());
            }
        }
        return new RunningFleet(scenario, variant, twins, links, run.broker(), run.client(), run.tracker(), run.connections(),
                placement::wan);
    }

    private static Map<String, String> withAll(Map<String, String> first, Map<String, String> more) {
        first.putAll(more);
        return first;
    }

    private void awaitReady(Twin twin, String component) throws InterruptedException {
        try {
            TwinStatus status = run.tracker().await(twin.spec().thingName(),
                    s -> s.isReady(component) || s.isBroken(component), READY_TIMEOUT);
            if (!status.isReady(component)) {
                throw new TwinException("component " + component + " of twin " + twin.spec().thingName()
                        + " is BROKEN before it got ready (last exit: " + status.components().get(component).lastExit()
                        + "); it will not be restarted\n" + logTail(twin));
            }
        } catch (TimeoutException e) {
            String logs = twin.logs();
            throw new TwinException(e.getMessage() + "\nlast lines of the twin's log:\n"
                    + logs.substring(Math.max(0, logs.length() - 3000)));
        }
    }

    private static String logTail(Twin twin) {
        String logs = twin.logs();
        return "last lines of the twin's log:\n" + logs.substring(Math.max(0, logs.length() - 3000));
    }

}
