package io.edgetwin.core.resources;

import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup of one component. Every process of the component joins it before it runs anything (see
 * {@link #procsFiles()}), so children forked later are inside too. Limits can change while the
 * component runs.
 */
public interface ComponentCgroup {

    /** Writes the limits: memory (with swap capped to it), CPU quota, pids. Absent values mean unlimited. */
    void apply(ResourceLimits limits);

    /** The {@code cgroup.procs} files a process writes its pid into to join, one per hierarchy. */
    List<Path> procsFiles();

    ResourceSample sample();

    /**
     * Kills every process still in the cgroup. Unlike walking the process tree, this also finds
     * children whose parent already exited (they were handed to the init process).
     */
    default void killAll() {
        for (Path procs : procsFiles()) {
            if (java.nio.file.Files.exists(procs)) {
                CgroupFiles.text(procs).lines()
                        .filter(line -> !line.isBlank())
                        .map(line -> ProcessHandle.of(Long.parseLong(line.trim())))
                        .forEach(process -> process.ifPresent(ProcessHandle::destroyForcibly));
            }
        }
    }

    /** Removes the cgroup once no process is left in it; a no-op when it is already gone. */
    void remove();
}
