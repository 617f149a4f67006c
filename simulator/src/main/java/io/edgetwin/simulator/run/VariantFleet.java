package io.edgetwin.simulator.run;

import io.edgetwin.simulator.cloud.CloudRun;
import io.edgetwin.simulator.fault.LinkProxy;
import io.edgetwin.simulator.measure.HostCgroup;
import io.edgetwin.simulator.measure.Observer;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.scenario.Workload;
import io.edgetwin.simulator.twin.DeviceTwin;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A variant's fleet from nothing to ready: each twin behind its own link proxy, its deployment handed over
 * (at start, or as a job from the cloud side), every workload's target ready to answer; and the observer
 * that samples its cgroups against the variant's limits.
 */
final class VariantFleet {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private VariantFleet() {
    }

    static RunningFleet provision(VariantRun.RunContext run, Variant variant, Teardown teardown, Consumer<String> progress)
            throws Exception {
        Scenario scenario = run.scenario();
        progress.accept("starting " + scenario.twins() + " twin(s) (memory " + scenario.device().memoryBytes() / (1024 * 1024)
                + " MiB, cpus " + scenario.device().cpus() + ")" + (scenario.profile() == null ? ""
                : "; profile " + scenario.profile().note(Runtime.getRuntime().availableProcessors())));
        List<TwinSpec> specs = new ArrayList<>();
        List<LinkProxy> links = new ArrayList<>();
        String deployment = DeploymentDocument.of(scenario, variant, run.runId());
        for (int i = 1; i <= scenario.twins(); i++) {
            String thing = scenario.name() + "-" + variant.name() + "-" + i;
            LinkProxy link = teardown.register(new LinkProxy(run.broker().port(), scenario.seed() + i));
            links.add(link);
            specs.add(run.cloud() == null
                    ? new TwinSpec(thing, run.imageRef(), scenario.device(), link.uri(), deployment, run.runId())
                    : new TwinSpec(thing, run.imageRef(), scenario.device(), link.uri(), CloudRun.EMPTY_DEPLOYMENT,
                    run.runId(), run.cloud().twinEnvironment()));
        }
        List<DeviceTwin> twins = FleetLaunch.startAll(specs, DeviceTwin::start, FleetLaunch.DEFAULT_PARALLELISM, teardown);
        if (run.cloud() != null) {
            for (DeviceTwin twin : twins) {
                run.cloud().deploy(deployment, twin.spec().thingName());
            }
        }
        for (DeviceTwin twin : twins) {
            for (Workload workload : scenario.workloads()) {
                awaitReady(run, twin, workload.target());
            }
        }
        return new RunningFleet(scenario, variant, twins, links, run.broker(), run.client(), run.tracker(), run.connections());
    }

    static Observer observer(VariantRun.RunContext run, Variant variant, RunningFleet fleet) {
        Map<String, HostCgroup> cgroups = new LinkedHashMap<>();
        Map<String, Observer.Limits> limits = new LinkedHashMap<>();
        for (DeviceTwin twin : fleet.twins()) {
            String thing = twin.spec().thingName();
            cgroups.put(thing, HostCgroup.of(twin.containerId(), twin::pid));
            limits.put(thing + "/device", new Observer.Limits(twin.spec().device().memoryBytes(), twin.spec().device().cpus()));
            variant.limits().forEach((component, l) -> limits.put(thing + "/" + component,
                    new Observer.Limits(l.memoryKb() == null ? null : l.memoryKb() * 1024, l.cpus())));
        }
        return new Observer(cgroups, limits, run.clock());
    }

    private static void awaitReady(VariantRun.RunContext run, DeviceTwin twin, String component)
            throws InterruptedException {
        try {
            TwinStatus status = run.tracker().await(twin.spec().thingName(),
                    s -> s.isReady(component) || s.isBroken(component), READY_TIMEOUT);
            if (!status.isReady(component)) {
                throw new TwinException("component " + component + " of twin " + twin.spec().thingName()
                        + " is BROKEN before it got ready (last exit: " + status.components().get(component).lastExit()
                        + "); it will not be restarted");
            }
        } catch (TimeoutException e) {
            String logs = twin.logs();
            throw new TwinException(e.getMessage() + "\nlast lines of the twin's log:\n"
                    + logs.substring(Math.max(0, logs.length() - 3000)));
        }
    }
}
