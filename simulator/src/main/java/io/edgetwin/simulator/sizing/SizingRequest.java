package io.edgetwin.simulator.sizing;

import io.edgetwin.report.gate.ComponentMetric;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.ThresholdException;
import io.edgetwin.report.gate.VariantMetric;
import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What to size, checked before any twin starts: a component of the scenario, its SLOs in the threshold
 * language (docs/report.md) and the ranges to search. Every refusal is a {@link SizingException} saying
 * what is wrong and what was expected.
 *
 * @param slos the SLOs as given, plus {@code errors.rate < 1%} unless an errors.rate SLO was given: a
 *             component that fails requests is not sized by the latency of the ones it answered
 */
public record SizingRequest(Scenario scenario, String component, List<Threshold> slos, MemoryRange memory, CpuRange cpus) {

    static final String DEFAULT_ERRORS_SLO = "errors.rate < 1%";

    public SizingRequest {
        slos = List.copyOf(slos);
    }

    public static SizingRequest of(Scenario scenario, String component, List<String> slos, String memory, String cpus) {
        if (!scenario.components().containsKey(component)) {
            throw new SizingException("--component '" + component + "' is not in scenario '" + scenario.name() + "' ("
                    + scenario.file() + "); expected one of " + scenario.components().keySet());
        }
        MemoryRange memoryRange = MemoryRange.parse(memory);
        CpuRange cpuRange = CpuRange.parse(cpus);
        fitsTheDevice(scenario, memoryRange, cpuRange);
        enoughRequests(scenario);
        return new SizingRequest(scenario, component, parseSlos(scenario, slos), memoryRange, cpuRange);
    }

    private static List<Threshold> parseSlos(Scenario scenario, List<String> exprs) {
        if (exprs.isEmpty()) {
            throw new SizingException("no --slo given; expected at least one, e.g. --slo \"latency.p99 < 50ms\"");
        }
        List<Threshold> slos;
        try {
            slos = new ArrayList<>(Threshold.parseAll(exprs));
        } catch (ThresholdException e) {
            throw new SizingException("--slo: " + e.getMessage());
        }
        for (Threshold slo : slos) {
            if (slo.readsOtherRuns()) {
                throw new SizingException("--slo '" + slo.expr() + "' compares with another run; expected a fixed bound,"
                        + " e.g. --slo \"latency.p99 < 50ms\" (a sizing trial has no other variant)");
            }
            if (slo.metric() instanceof io.edgetwin.report.gate.WorkloadMetric named && (!scenario.severalWorkloads()
                    || scenario.workloads().stream().noneMatch(w -> w.name().equals(named.workload())))) {
                throw new SizingException("--slo '" + slo.expr() + "' names workload '" + named.workload() + "'; expected "
                        + (scenario.severalWorkloads() ? "one of " + scenario.workloads().stream().map(
                        io.edgetwin.simulator.scenario.Workload::name).toList() : "'" + named.base().key()
                        + "' (the scenario has one workload)"));
            }
            if (slo.metric() instanceof ComponentMetric kills && !scenario.components().containsKey(kills.component())) {
                throw new SizingException("--slo '" + slo.expr() + "' names component '" + kills.component()
                        + "', which is not in the scenario; expected one of " + scenario.components().keySet());
            }
        }
        if (slos.stream().noneMatch(slo -> slo.metric() == VariantMetric.ERRORS_RATE)) {
            slos.add(Threshold.parse(DEFAULT_ERRORS_SLO));
        }
        return slos;
    }

    private static void fitsTheDevice(Scenario scenario, MemoryRange memory, CpuRange cpus) {
        long deviceKb = scenario.device().memoryBytes() / 1024;
        if (memory.maxKb() > deviceKb) {
            throw new SizingException("--memory " + memory + " goes above the twin's device.memory " + MemoryRange.label(deviceKb)
                    + " in " + scenario.file() + "; expected a top at most the device's memory (lower it, or raise device.memory)");
        }
        if (cpus.max() > scenario.device().cpus()) {
            throw new SizingException("--cpus " + cpus + " goes above the twin's device.cpus " + CpuRange.label(scenario.device().cpus())
                    + " in " + scenario.file() + "; expected a top at most the device's cpus");
        }
    }

    private static void enoughRequests(Scenario scenario) {
        if (scenario.workload().arrival() instanceof Arrival.Closed) {
            return;
        }
        double measured = scenario.workload().arrival().warmupPerSecond() * scenario.workload().duration().toMillis() / 1000.0;
        if (measured < TrialClassifier.MIN_REQUESTS_FOR_P99) {
            throw new SizingException("the workload of " + scenario.file() + " measures " + Math.round(measured)
                    + " requests per trial; a p99 needs at least " + TrialClassifier.MIN_REQUESTS_FOR_P99
                    + " (raise workload.rate or workload.duration)");
        }
    }
}
