package io.edgetwin.report;

import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * One component of a twin at the end of a run.
 *
 * @param limits            the limits its deployment declared
 * @param enforced          whether the edge core applied them with cgroups ({@code false}: recorded
 *                          only, as in the unlimited variant or on a host where the core cannot
 *                          create cgroups)
 * @param state             its lifecycle state name ({@code RUNNING}, {@code BROKEN}, ...)
 * @param restarts          how many times the core restarted it during the run
 * @param oomKills          OOM kills counted by its own cgroup (0 without one)
 * @param memoryPeakBytes   its cgroup's peak memory; {@code null} without a cgroup of its own
 * @param throttleRatio     throttled CPU periods / CPU periods over the run, 0 to 1; {@code null}
 *                          without a cgroup
 * @param majorFaultsPerSec major page faults per second over the run, the thrash signal;
 *                          {@code null} without a cgroup
 * @param stateHistory      its lifecycle transitions during the run, in time order
 * @param lambda            what its function did when it is a Lambda component; {@code null} for any other
 */
public record ComponentResult(ComponentLimits limits, boolean enforced, String state, long restarts, long oomKills,
                              Long memoryPeakBytes, Double throttleRatio, Double majorFaultsPerSec,
                              List<StateChange> stateHistory, LambdaResult lambda) {

    /** A component that is not a Lambda function. */
    public ComponentResult(ComponentLimits limits, boolean enforced, String state, long restarts, long oomKills,
                           Long memoryPeakBytes, Double throttleRatio, Double majorFaultsPerSec,
                           List<StateChange> stateHistory) {
        this(limits, enforced, state, restarts, oomKills, memoryPeakBytes, throttleRatio, majorFaultsPerSec, stateHistory, null);
    }

    public ComponentResult {
        Objects.requireNonNull(limits, "limits");
        Checks.name("state", state);
        Checks.nonNegative("restarts", restarts);
        Checks.nonNegative("oomKills", oomKills);
        if (memoryPeakBytes != null) {
            Checks.nonNegative("memoryPeakBytes", memoryPeakBytes);
        }
        if (throttleRatio != null && (Checks.nonNegative("throttleRatio", throttleRatio) > 1)) {
            throw new IllegalArgumentException("throttleRatio is " + throttleRatio + "; expected a ratio from 0 to 1");
        }
        if (majorFaultsPerSec != null) {
            Checks.nonNegative("majorFaultsPerSec", majorFaultsPerSec);
        }
        stateHistory = List.copyOf(Objects.requireNonNull(stateHistory, "stateHistory"));
    }

    /** This component with what its Lambda function did. */
    public ComponentResult withLambda(LambdaResult function) {
        return new ComponentResult(limits, enforced, state, restarts, oomKills, memoryPeakBytes, throttleRatio,
                majorFaultsPerSec, stateHistory, function);
    }

    /** The memory cell of a limits table: the declared limit, else a Lambda function's memory size, else unlimited. */
    public String memoryLimitCell(LongFunction<String> kb) {
        if (limits.memoryKb() != null) {
            return kb.apply(limits.memoryKb()) + (lambda == null ? "" : " (" + lambda.containerMode() + ")");
        }
        return lambda != null ? lambda.memoryCell() : "unlimited";
    }

    /** A component whose resource use was not observed: no cgroup readings, no history. */
    public static ComponentResult unobserved(ComponentLimits limits, boolean enforced, String state, long restarts) {
        return new ComponentResult(limits, enforced, state, restarts, 0, null, null, null, List.of());
    }
}
