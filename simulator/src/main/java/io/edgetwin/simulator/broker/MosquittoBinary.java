package io.edgetwin.simulator.broker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@code mosquitto} executable is: {@code EDGETWIN_MOSQUITTO} when set, else the first
 * {@code mosquitto} on {@code PATH}, else the system directories where distributions install it
 * ({@code /usr/sbin} is not on an ordinary user's {@code PATH} on Debian and Ubuntu).
 */
public final class MosquittoBinary {

    static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin");

    private MosquittoBinary() {
    }

    /** The executable for this process's environment, or empty when there is none. */
    public static Optional<Path> find() {
        return find(System.getenv("EDGETWIN_MOSQUITTO"), System.getenv("PATH"));
    }

    /** The executable given {@code override} (may be null) and a {@code PATH} value (may be null). */
    static Optional<Path> find(String override, String path) {
        if (override != null && !override.isBlank()) {
            Path explicit = Path.of(override);
            return Files.isExecutable(explicit) && !Files.isDirectory(explicit) ? Optional.of(explicit) : Optional.empty();
        }
        List<String> directories = new ArrayList<>();
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(SYSTEM_DIRECTORIES);
        return directories.stream()
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "mosquitto"))
                .filter(candidate -> Files.isExecutable(candidate) && !Files.isDirectory(candidate))
                .findFirst();
    }

    /** The executable, or a {@link BrokerException} that says how to install one. */
    static Path require() {
        return find().orElseThrow(() -> new BrokerException(
                "mosquitto was not found on PATH (nor in /usr/sbin, /usr/local/sbin); run docker/ensure-mosquitto.sh "
                        + "(Debian, as root), install the 'mosquitto' package, or set EDGETWIN_MOSQUITTO to its path, then retry"));
    }
}
