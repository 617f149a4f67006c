package io.edgetwin.core.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mounts a cgroup filesystem. Inside a twin the container's own {@code /sys/fs/cgroup} is read-only,
 * so the core mounts a writable view itself (needs CAP_SYS_ADMIN and AppArmor unconfined, which the
 * harness gives every twin). Tests use a mounter that only creates directories.
 */
@FunctionalInterface
public interface Mounter {

    /** Mounts filesystem {@code type} ({@code cgroup} or {@code cgroup2}) with {@code options} at {@code target}. */
    void mount(String type, String options, Path target);

    /** Runs {@code mount -t TYPE [-o OPTIONS] TYPE TARGET}. */
    static Mounter system() {
        return (type, options, target) -> {
            try {
                Files.createDirectories(target);
                ProcessBuilder builder = options.isEmpty()
                        ? new ProcessBuilder("mount", "-t", type, type, target.toString())
                        : new ProcessBuilder("mount", "-t", type, "-o", options, type, target.toString());
                Process mount = builder.redirectErrorStream(true).start();
                String output = new String(mount.getInputStream().readAllBytes()).trim();
                if (!mount.waitFor(10, TimeUnit.SECONDS) || mount.exitValue() != 0) {
                    throw new EnforcementException("cannot mount " + type + " (" + options + ") at " + target + ": " + output
                            + "; the twin needs CAP_SYS_ADMIN and AppArmor unconfined to enforce component limits");
                }
            } catch (IOException e) {
                throw new EnforcementException("cannot run mount for " + type + " at " + target + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnforcementException("interrupted while mounting " + target, e);
            }
        };
    }
}
