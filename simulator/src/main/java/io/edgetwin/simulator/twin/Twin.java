package io.edgetwin.simulator.twin;

/**
 * A running twin, whichever engine runs it ({@link io.edgetwin.simulator.twin.runtime.TwinRuntime}):
 * what the scenario engine, faults and observation ask of it. {@link #containerId()} and {@link #pid()}
 * name the container on this host that runs the twin's core, so its cgroup can be read; an engine
 * that runs the twin elsewhere answers with an empty id and 0.
 */
public interface Twin extends AutoCloseable {

    TwinSpec spec();

    /** The container on this host running the twin; empty when the twin runs on another machine. */
    String containerId();

    /** The container's init process as this host sees it; 0 when not running, not known or not here. */
    long pid();

    boolean isRunning();

    /** The engine's view after the fact: whether the kernel OOM-killed something, and the exit code. */
    TwinOutcome outcome();

    /** Runs a command inside the twin and returns what it printed; fails when it exits non-zero. */
    String exec(String... command);

    /** Power loss: SIGKILL to the whole twin, nothing shuts down cleanly; its disk state stays. */
    void powerOff();

    /** Power back on from the same disk state (spool, work directories). */
    void powerOn();

    /** Changes the twin's caps while it runs; null leaves a cap as it is. */
    void updateCaps(Long memoryBytes, Double cpus);

    String logs();

    /** Stops and removes the twin; safe to call twice. */
    @Override
    void close();
}
