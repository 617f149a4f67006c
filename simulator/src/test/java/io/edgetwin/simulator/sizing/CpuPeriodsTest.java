package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.measure.ContainerCgroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPeriodsTest {

    private static final long PERIOD_NANOS = CpuPeriods.PERIOD_MILLIS * 1_000_000;

    @TempDir
    Path cgroup;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicBoolean serving = new AtomicBoolean(true);

    @Test
    void eachPeriodsDemandIsItsUsageOverItsOwnTimeReadFromACgroupV1Cpuacct() throws IOException {
        CpuPeriods periods = new CpuPeriods(() -> ComponentFiles.read(new ContainerCgroup.V1(cgroup, cgroup, cgroup), ContainerCgroup::cpuUsageNanos), clock::get, serving::get);
        step(periods, "cpuacct.usage", 0, 0);
        step(periods, "cpuacct.usage", 30_000_000, PERIOD_NANOS);
        step(periods, "cpuacct.usage", 110_000_000, 2 * PERIOD_NANOS);
        assertThat(periods.demands()).containsExactly(0.3, 0.8);
        assertThat(periods.lines()).isEqualTo(String.format("0.3000%n0.8000%n"));
    }

    @Test
    void aCgroupV2CpuStatsUsageInMicrosecondsIsReadAsNanoseconds() throws IOException {
        Files.writeString(cgroup.resolve("cpu.stat"), "usage_usec 1250\nuser_usec 1000\nsystem_usec 250\n");
        assertThat(ComponentFiles.read(new ContainerCgroup.V2(cgroup), ContainerCgroup::cpuUsageNanos)).hasValue(1_250_000);
    }

    @Test
    void aMissingCgroupGivesNoReadingAndBreaksTheChainInsteadOfSpreadingUsageOverTwoPeriods() {
        AtomicLong usage = new AtomicLong();
        AtomicBoolean readable = new AtomicBoolean(true);
        CpuPeriods periods = new CpuPeriods(() -> readable.get() ? OptionalLong.of(usage.get()) : OptionalLong.empty(),
                clock::get, serving::get);
        periods.sample();
        readable.set(false);
        tick(periods, usage, 50_000_000);
        readable.set(true);
        tick(periods, usage, 100_000_000);
        tick(periods, usage, 10_000_000);
        assertThat(ComponentFiles.read(new ContainerCgroup.V2(cgroup).child("gone"), ContainerCgroup::cpuUsageNanos)).isEmpty();
        assertThat(periods.demands()).containsExactly(0.1);
    }

    @Test
    void periodsBeforeTheComponentServesAreNotCounted() {
        AtomicLong usage = new AtomicLong();
        CpuPeriods periods = new CpuPeriods(() -> OptionalLong.of(usage.get()), clock::get, serving::get);
        serving.set(false);
        periods.sample();
        tick(periods, usage, 190_000_000);
        serving.set(true);
        tick(periods, usage, 20_000_000);
        tick(periods, usage, 20_000_000);
        assertThat(periods.demands()).containsExactly(0.2);
    }

    @Test
    void theQuotaIsTheLeastDemandThatOnlyTheToleratedShareOfPeriodsExceeds() {
        AtomicLong usage = new AtomicLong();
        CpuPeriods periods = new CpuPeriods(() -> OptionalLong.of(usage.get()), clock::get, serving::get);
        periods.sample();
        // 200 periods: 190 at 0.1 cores, 8 at 0.4, 2 bursts at 0.9: 1 % of them (2) may exceed the quota.
        for (int i = 0; i < 200; i++) {
            tick(periods, usage, i < 190 ? 10_000_000 : i < 198 ? 40_000_000 : 90_000_000);
        }
        assertThat(periods.quota(0.01)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(periods.quota(0.05)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(periods.quota(0)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(periods.describe(0.01)).endsWith("max 0.900 cores; exceeded in 1.0 % of them: 0.400 cores");
    }

    @Test
    void aP99LatencySloToleratesOnePercentOfPeriodsAndTheStrictestPercentileCounts() {
        assertThat(TwinTrialRunner.toleratedShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("latency.p99 < 50ms", "errors.rate < 1%")))).isEqualTo(0.01);
        assertThat(TwinTrialRunner.toleratedShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("latency.p90 < 50ms", "latency.p99 < 80ms")))).isEqualTo(0.01);
        assertThat(TwinTrialRunner.toleratedShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("latency.p90 < 50ms")))).isEqualTo(0.1);
    }

    @Test
    void theCpuFigureIsTakenAtFiveTimesTheShareOfRequestsTheSloLetsMissAtMostHalfThePeriods() {
        assertThat(TwinTrialRunner.periodShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("latency.p99 < 50ms")))).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(TwinTrialRunner.periodShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("latency.p90 < 50ms")))).isEqualTo(0.5);
        assertThat(TwinTrialRunner.periodShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("latency.max < 200ms")))).isEqualTo(0);
        assertThat(TwinTrialRunner.periodShare(io.edgetwin.report.gate.Threshold.parseAll(
                java.util.List.of("throughput >= 45/s")))).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    }

    private void step(CpuPeriods periods, String file, long usageNanos, long nanos) throws IOException {
        Files.writeString(cgroup.resolve(file), usageNanos + "\n");
        clock.set(nanos);
        periods.sample();
    }

    private void tick(CpuPeriods periods, AtomicLong usage, long usedNanos) {
        usage.addAndGet(usedNanos);
        clock.addAndGet(PERIOD_NANOS);
        periods.sample();
    }
}
