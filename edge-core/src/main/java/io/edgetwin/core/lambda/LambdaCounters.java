package io.edgetwin.core.lambda;

/**
 * What one function did since it started, for the core's status (docs/topics.md, "Lambda functions").
 *
 * @param received         events taken into the queue
 * @param dropped          events refused because the queue held {@code maxQueueSize} already
 * @param invocations      events handed to an instance
 * @param succeeded        invocations the handler returned from
 * @param errors           invocations the handler threw on
 * @param timeouts         invocations stopped at {@code timeoutInSeconds} (their instance is killed)
 * @param crashes          invocations whose instance died under them (an OOM kill among them)
 * @param oomKills         OOM kills in the function's cgroup since it started (0 without a cgroup)
 * @param instancesStarted instances started, the pinned one included (cold starts)
 * @param initFailures     instances that could not load the handler
 * @param instances        instances running now
 * @param peakInstances    the most instances running at once
 * @param queued           events waiting now
 * @param lastError        the last error, timeout or crash, empty when none
 * @param containerMode    {@code GreengrassContainer} or {@code NoContainer}, as the recipe names it
 * @param memorySizeKb     the function's memory size ({@code containerParams.memorySize}): its cgroup's memory
 *                         limit in {@code GreengrassContainer} mode, only reported in {@code NoContainer} mode
 * @param lastStartMs      how long the last instance that loaded its handler took, from its start to READY; 0 before one
 * @param slowestStartMs   the longest such start since the function started; 0 before one
 */
public record LambdaCounters(long received, long dropped, long invocations, long succeeded, long errors, long timeouts,
                             long crashes, long oomKills, long instancesStarted, long initFailures, int instances,
                             int peakInstances, int queued, String lastError, String containerMode, long memorySizeKb,
                             long lastStartMs, long slowestStartMs) {
}
