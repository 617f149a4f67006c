package io.edgetwin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run ran on, so a comparison with another run can say whether it compares like with like.
 * Any field is {@code null} when it could not be read.
 *
 * @param edgetwinVersion the harness version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitCommit       the commit the harness was built from, {@code -dirty} appended when the
 *                        working tree had changes
 * @param twinImage       the twin image's reference (a content hash tag) and id
 * @param cpuModel        the host CPU's model name
 * @param cpuCores        the host's logical cores, &gt; 0
 * @param memoryBytes     the host's memory, &gt; 0
 * @param kernel          the host kernel release
 * @param cgroupVersion   {@code 1} or {@code 2}
 * @param cgroupDriver    Docker's cgroup driver ({@code systemd}, {@code cgroupfs})
 * @param dockerVersion   the Docker engine's version
 * @param jvm             the harness JVM's vendor and version
 */
public record Provenance(String edgetwinVersion, String gitCommit, String twinImage, String cpuModel, Integer cpuCores,
                         Long memoryBytes, String kernel, String cgroupVersion, String cgroupDriver,
                         String dockerVersion, String jvm) {

    private static final double GIB = 1024.0 * 1024 * 1024;

    public Provenance {
        if (cpuCores != null && cpuCores <= 0) {
            throw new IllegalArgumentException("provenance.cpuCores is " + cpuCores + "; expected > 0 or null");
        }
        if (memoryBytes != null && memoryBytes <= 0) {
            throw new IllegalArgumentException("provenance.memoryBytes is " + memoryBytes + "; expected > 0 or null");
        }
    }

    /**
     * The host class: CPU model, cores, memory (whole GiB) and cgroup version — what decides how fast
     * and under which limits the same twin runs. Kernel and Docker patch releases are not part of it.
     */
    public String hostClass() {
        return orUnknown(cpuModel) + ", " + (cpuCores == null ? "?" : cpuCores) + " cores, "
                + (memoryBytes == null ? "?" : Math.round(memoryBytes / GIB)) + " GiB, cgroup v" + orUnknown(cgroupVersion);
    }

    /**
     * How {@code other} (an earlier run) differs from this one where it matters for comparing their
     * numbers: another host class or another twin image. Empty when they match or either is unknown.
     */
    public List<String> differencesFrom(Provenance other) {
        List<String> differences = new ArrayList<>();
        if (!hostClass().equals(other.hostClass())) {
            differences.add("host class: " + other.hostClass() + " then, " + hostClass() + " now");
        }
        if (twinImage != null && other.twinImage != null && !Objects.equals(image(twinImage), image(other.twinImage))) {
            differences.add("twin image: " + other.twinImage + " then, " + twinImage + " now");
        }
        return differences;
    }

    /** Label/value pairs for the page and report.md, in display order. */
    public List<String[]> rows() {
        return List.of(
                new String[] {"edgetwin", orUnknown(edgetwinVersion) + " (" + orUnknown(gitCommit) + ")"},
                new String[] {"twin image", orUnknown(twinImage)},
                new String[] {"host CPU", orUnknown(cpuModel) + ", " + (cpuCores == null ? "?" : cpuCores) + " cores"},
                new String[] {"host memory", memoryBytes == null ? "unknown" : String.format(java.util.Locale.ROOT, "%.1f GiB",
                        memoryBytes / GIB)},
                new String[] {"kernel", orUnknown(kernel)},
                new String[] {"cgroup", "v" + orUnknown(cgroupVersion) + ", driver " + orUnknown(cgroupDriver)},
                new String[] {"Docker", orUnknown(dockerVersion)},
                new String[] {"JVM", orUnknown(jvm)});
    }

    private static String image(String reference) {
        int space = reference.indexOf(' ');
        return space < 0 ? reference : reference.substring(0, space);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
