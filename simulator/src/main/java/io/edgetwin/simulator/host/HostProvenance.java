package io.edgetwin.simulator.host;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import io.edgetwin.report.Provenance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Reads what a run ran on. Every figure that cannot be read is left null rather than failing the
 * run: provenance describes a run, it never decides it.
 */
public final class HostProvenance {

    /** The harness version, as the command line reports it. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path root;
    private final Path projectRoot;

    /**
     * @param root        where {@code proc/} and {@code sys/} are read from ({@code /} on a host)
     * @param projectRoot the edgetwin checkout, whose git commit is recorded
     */
    public HostProvenance(Path root, Path projectRoot) {
        this.root = root;
        this.projectRoot = projectRoot;
    }

    /** The provenance of a run of {@code imageRef} on this host, asking the Docker engine for its part. */
    public Provenance of(String imageRef) {
        Info info = null;
        String image = imageRef;
        try {
            DockerClient docker = DockerClientFactory.instance().client();
            info = docker.infoCmd().exec();
            image = imageRef + " " + docker.inspectImageCmd(imageRef).exec().getId();
        } catch (RuntimeException e) {
            // without the engine's view, the host's own figures still say what the run ran on
        }
        return of(image, info == null ? null : info.getServerVersion(), info == null ? null : info.getCGroupDriver(),
                info == null ? null : info.getCGroupVersion());
    }

    /** The provenance with the engine's figures given (null when unknown). */
    public Provenance of(String twinImage, String dockerVersion, String cgroupDriver, String cgroupVersion) {
        List<String> cpuinfo = lines("proc/cpuinfo");
        String model = cpuinfo.stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(HostProvenance::value).orElse(null);
        long cores = cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
        Long memory = lines("proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> Long.parseLong(value(line).replace("kB", "").trim()) * 1024).orElse(null);
        String kernel = lines("proc/sys/kernel/osrelease").stream().findFirst().map(String::trim).orElse(null);
        String cgroup = cgroupVersion != null && !cgroupVersion.isBlank() ? cgroupVersion
                : Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers")) ? "2" : "1";
        return new Provenance(VERSION, gitCommit(), twinImage, model, cores > 0 ? (int) cores : null, memory, kernel,
                cgroup, cgroupDriver, dockerVersion, System.getProperty("java.vendor") + " "
                + System.getProperty("java.runtime.version"));
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line.trim() : line.substring(colon + 1).trim();
    }

    /** {@code git rev-parse --short=12 HEAD}, {@code -dirty} when tracked files changed; null without git. */
    private String gitCommit() {
        String commit = git("rev-parse", "--short=12", "HEAD");
        if (commit == null || commit.isEmpty()) {
            return null;
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return changes == null || changes.isEmpty() ? commit : commit + "-dirty";
    }

    private String git(String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = projectRoot.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
