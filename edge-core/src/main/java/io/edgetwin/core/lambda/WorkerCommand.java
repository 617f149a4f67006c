package io.edgetwin.core.lambda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an instance of one function is started: the worker's command line, its environment and the
 * {@code cgroup.procs} files it joins before it execs the JVM (none: it runs where the core runs), so
 * the JVM and anything it forks are inside the function's cgroup from their first instruction.
 */
record WorkerCommand(List<String> command, Map<String, String> environment, List<Path> cgroupProcs) {

    /** Joins the cgroups named in EDGETWIN_CGROUP_PROCS, then becomes the worker. */
    private static final String JOIN_THEN_EXEC =
            "for f in $EDGETWIN_CGROUP_PROCS; do echo $$ > \"$f\" || exit 97; done; exec \"$@\"";

    WorkerCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        cgroupProcs = List.copyOf(cgroupProcs);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("worker command is empty");
        }
        cgroupProcs.forEach(p -> {
            if (p.toString().contains(" ")) {
                throw new IllegalArgumentException("cgroup path '" + p + "' has a space");
            }
        });
    }

    /** Standard input and output are the protocol's; standard error is the core's. */
    ProcessBuilder processBuilder() {
        List<String> argv = new ArrayList<>();
        if (!cgroupProcs.isEmpty()) {
            argv.addAll(List.of("/bin/sh", "-c", JOIN_THEN_EXEC, "edgetwin-lambda"));
        }
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        if (!cgroupProcs.isEmpty()) {
            builder.environment().put("EDGETWIN_CGROUP_PROCS",
                    String.join(" ", cgroupProcs.stream().map(Path::toString).toList()));
        }
        return builder;
    }

    /**
     * The JVM of a worker: the core's own {@code java}, the core's classpath plus the function's own,
     * the serial collector and a heap of half the function's memory ({@code -XX:MaxRAM}) when it has a
     * limit, so what the handler allocates outside the heap (native libraries, direct buffers) is what
     * meets the cgroup's limit.
     */
    static List<String> java(String javaBinary, String classpath, long memoryLimitKb) {
        List<String> argv = new ArrayList<>(List.of(javaBinary, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xss512k", "-XX:-UsePerfData"));
        if (memoryLimitKb > 0) {
            argv.add("-XX:MaxRAM=" + memoryLimitKb + "k");
            argv.add("-XX:MaxRAMPercentage=50");
            argv.add("-XX:MaxDirectMemorySize=" + memoryLimitKb + "k");
        }
        argv.addAll(List.of("-cp", classpath, LambdaWorker.class.getName()));
        return argv;
    }
}
