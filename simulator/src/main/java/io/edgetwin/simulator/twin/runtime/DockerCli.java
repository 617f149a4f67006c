package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.TwinException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command, for what docker-java 3.x covers poorly or not at all on Engine 20.10
 * (services with {@code --cap-add}, configs, pushes by digest, swarm membership). Each call waits for
 * the command and fails with its output when it exits non-zero.
 */
final class DockerCli {

    private static final long PATIENCE_SECONDS = 300;

    private DockerCli() {
    }

    /** Runs {@code docker ARGS...} and returns its standard output, trimmed. */
    static String run(String... args) {
        return run(null, List.of(args));
    }

    /** Runs {@code docker ARGS...} with {@code stdin} on its standard input. */
    static String run(String stdin, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TwinException("'" + String.join(" ", command) + "' did not finish in " + PATIENCE_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new TwinException("'" + String.join(" ", command) + "' exited " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new TwinException("cannot run docker (is the Docker CLI installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }

    /** Like {@link #run(String...)}, but an error is returned as null instead of thrown (cleanup, probing). */
    static String tryRun(String... args) {
        try {
            return run(args);
        } catch (TwinException e) {
            return null;
        }
    }
}
