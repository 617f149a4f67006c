package io.edgetwin.report;

/**
 * What a Lambda component's function did during a run, from the core's last status ({@code lambdas},
 * docs/topics.md): how it ran and its counters since it started.
 *
 * @param containerMode    {@code GreengrassContainer} (its own cgroup, held to its memory size) or {@code NoContainer}
 * @param memorySizeKb     {@code containerParams.memorySize} in KB: the function's memory limit in a container,
 *                         only what {@code Context.getMemoryLimitInMB()} reports without one
 * @param received         events taken into its queue
 * @param dropped          events refused at a full {@code maxQueueSize}
 * @param invocations      events handed to an instance
 * @param errors           invocations the handler threw on
 * @param timeouts         invocations stopped at {@code timeoutInSeconds}
 * @param crashes          invocations whose instance died under them (OOM kills among them)
 * @param instancesStarted instances started (cold starts)
 * @param peakInstances    the most instances running at once
 * @param slowestStartMs   the longest instance start (start to handler loaded), 0 when none started
 */
public record LambdaResult(String containerMode, long memorySizeKb, long received, long dropped, long invocations,
                           long errors, long timeouts, long crashes, long instancesStarted, long peakInstances,
                           long slowestStartMs) {

    public LambdaResult {
        Checks.name("containerMode", containerMode);
        Checks.positive("memorySizeKb", memorySizeKb);
        Checks.nonNegative("received", received);
        Checks.nonNegative("dropped", dropped);
        Checks.nonNegative("invocations", invocations);
        Checks.nonNegative("errors", errors);
        Checks.nonNegative("timeouts", timeouts);
        Checks.nonNegative("crashes", crashes);
        Checks.nonNegative("instancesStarted", instancesStarted);
        Checks.nonNegative("peakInstances", peakInstances);
        Checks.nonNegative("slowestStartMs", slowestStartMs);
    }

    /** Whether its memory size is enforced: only a {@code GreengrassContainer} function has a cgroup held to it. */
    public boolean contained() {
        return "GreengrassContainer".equals(containerMode);
    }

    /** The memory cell of a limits table: {@code 192 MiB size (GreengrassContainer)} or {@code 192 MiB size, not enforced (NoContainer)}. */
    public String memoryCell() {
        String mib = (memorySizeKb % 1024 == 0 ? Long.toString(memorySizeKb / 1024) : String.format("%.1f", memorySizeKb / 1024.0));
        return mib + " MiB size" + (contained() ? "" : ", not enforced") + " (" + containerMode + ")";
    }

    /** {@code 1,234 invocations, 3 errors, 0 timeouts, 36 crashes, 12 dropped; 40 instances started (peak 4), slowest start 812 ms}. */
    public String sentence() {
        return String.format("%,d invocations, %,d errors, %,d timeouts, %,d crashes, %,d dropped; %,d instances started (peak %d),"
                + " slowest start %,d ms", invocations, errors, timeouts, crashes, dropped, instancesStarted, peakInstances,
                slowestStartMs);
    }
}
