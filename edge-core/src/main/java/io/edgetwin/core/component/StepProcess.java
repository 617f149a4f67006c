package io.edgetwin.core.component;

import io.edgetwin.core.recipe.Step;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One lifecycle step in progress: its shell process, or nothing when the step was skipped or could not
 * be started. A step with a timeout is killed, with everything it forked, when the timeout passes while
 * it still runs; its outcome then says {@link StepOutcome.Kind#TIMED_OUT}. The timer runs on the JDK's
 * delay thread, not the core's scheduler, so a busy scheduler never postpones a kill.
 */
final class StepProcess {

    private final Step step;
    private final Process process;
    private final CompletableFuture<StepOutcome> outcome;
    private volatile boolean timedOut;

    private StepProcess(Step step, Process process, CompletableFuture<StepOutcome> outcome) {
        this.step = step;
        this.process = process;
        this.outcome = outcome;
    }

    /** A step that ended without a process: skipped, or not started. */
    static StepProcess ended(StepOutcome outcome) {
        return new StepProcess(outcome.step(), null, CompletableFuture.completedFuture(outcome));
    }

    static StepProcess started(Step step, Process process, Optional<Duration> timeout) {
        CompletableFuture<StepOutcome> outcome = new CompletableFuture<>();
        StepProcess running = new StepProcess(step, process, outcome);
        process.onExit().thenAccept(exited -> outcome.complete(running.timedOut
                ? StepOutcome.timedOut(step, timeout.orElseThrow(), exited.exitValue())
                : StepOutcome.exited(step, exited.exitValue())));
        timeout.ifPresent(t -> CompletableFuture.delayedExecutor(t.toMillis(), TimeUnit.MILLISECONDS)
                .execute(running::killAtTimeout));
        return running;
    }

    Step step() {
        return step;
    }

    CompletableFuture<StepOutcome> outcome() {
        return outcome;
    }

    /**
     * Blocks until the step ended (a step with a timeout ends at the latest when it is killed). An
     * interrupted wait kills the step (its outcome is then that kill).
     */
    StepOutcome awaitEnd() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return outcome.join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(step.key() + " step failed", e.getCause());
        }
    }

    /** False for a step that was skipped or could not be started. */
    boolean hasProcess() {
        return process != null;
    }

    /** True while the step's own shell runs (background processes it left behind are not counted). */
    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL to the step's shell and every process it forked that is still its descendant. */
    void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** SIGTERM to the shell and its descendants; SIGKILL to whatever is left after {@code grace}. */
    void terminate(Duration grace) {
        if (!isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void killAtTimeout() {
        if (process.isAlive()) {
            timedOut = true;
            kill();
        }
    }
}
