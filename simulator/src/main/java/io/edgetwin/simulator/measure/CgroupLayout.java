package io.edgetwin.simulator.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a host mounts its cgroups, detected once per host ({@link #detect}): cgroup v2 exactly when
 * {@code <root>/cgroup.controllers} exists (one unified hierarchy), else v1 (a hierarchy per
 * controller). Knows where Docker puts a container's cgroup: where the container's init process
 * is, by {@code /proc/<pid>/cgroup} as the host sees it ({@link #fromProc}), which also finds a
 * custom {@code --cgroup-parent}; or, without a pid, the usual places of Docker's two cgroup
 * drivers ({@link #usualPlaces}).
 */
public sealed interface CgroupLayout permits CgroupLayout.V1, CgroupLayout.V2 {

    /** Where the cgroups are mounted, normally {@code /sys/fs/cgroup}. */
    Path root();

    /** {@code v1} or {@code v2}. */
    String version();

    /** The cgroup that {@code /proc/<pid>/cgroup} (its text) names for this layout, if it names one. */
    Optional<ContainerCgroup> fromProc(String procCgroup);

    /** Where Docker puts container {@code id}: its cgroupfs driver's place first, then its systemd driver's. */
    List<ContainerCgroup> usualPlaces(String containerId);

    /** The layout of the cgroups mounted at {@code root}. */
    static CgroupLayout detect(Path root) {
        return Files.exists(root.resolve("cgroup.controllers")) ? new V2(root) : new V1(root);
    }

    /** cgroup v1: {@code <root>/memory/docker/<id>} (cgroupfs) or {@code <root>/memory/system.slice/docker-<id>.scope} (systemd). */
    record V1(Path root) implements CgroupLayout {

        @Override
        public String version() {
            return "v1";
        }

        @Override
        public Optional<ContainerCgroup> fromProc(String procCgroup) {
            Map<String, String> paths = new HashMap<>();
            for (String line : procCgroup.split("\n")) {
                String[] parts = line.trim().split(":", 3);
                if (parts.length == 3 && !parts[1].isEmpty()) {
                    for (String controller : parts[1].split(",")) {
                        paths.put(controller, parts[2]);
                    }
                }
            }
            String memory = paths.get("memory");
            if (memory == null || paths.values().stream().anyMatch(CgroupLayout::outsideView)) {
                return Optional.empty();
            }
            return Optional.of(at(memory, paths.getOrDefault("cpu", memory), paths.getOrDefault("cpuacct", memory)));
        }

        @Override
        public List<ContainerCgroup> usualPlaces(String containerId) {
            String cgroupfs = "/docker/" + containerId;
            String systemd = "/system.slice/docker-" + containerId + ".scope";
            return List.of(at(cgroupfs, cgroupfs, cgroupfs), at(systemd, systemd, systemd));
        }

        private ContainerCgroup at(String memory, String cpu, String cpuacct) {
            return new ContainerCgroup.V1(controller("memory").resolve(relative(memory)),
                    controller("cpu").resolve(relative(cpu)), controller("cpuacct").resolve(relative(cpuacct)));
        }

        /** {@code <root>/cpu}, or the co-mounted {@code <root>/cpu,cpuacct} where there is no link named after it. */
        private Path controller(String name) {
            Path direct = root.resolve(name);
            if (Files.isDirectory(direct)) {
                return direct;
            }
            try (Stream<Path> mounts = Files.list(root)) {
                return mounts.filter(p -> List.of(p.getFileName().toString().split(",")).contains(name))
                        .findFirst().orElse(direct);
            } catch (IOException e) {
                return direct;
            }
        }
    }

    /** cgroup v2: {@code <root>/system.slice/docker-<id>.scope} (systemd) or {@code <root>/docker/<id>} (cgroupfs). */
    record V2(Path root) implements CgroupLayout {

        @Override
        public String version() {
            return "v2";
        }

        @Override
        public Optional<ContainerCgroup> fromProc(String procCgroup) {
            for (String line : procCgroup.split("\n")) {
                if (line.startsWith("0::") && !outsideView(line)) {
                    return Optional.of(new ContainerCgroup.V2(root.resolve(relative(line.substring(3).trim()))));
                }
            }
            return Optional.empty();
        }

        @Override
        public List<ContainerCgroup> usualPlaces(String containerId) {
            return List.of(new ContainerCgroup.V2(root.resolve("docker").resolve(containerId)),
                    new ContainerCgroup.V2(root.resolve("system.slice").resolve("docker-" + containerId + ".scope")));
        }
    }

    /** A path above the reader's cgroup namespace ({@code /../..}): not under this mount. */
    private static boolean outsideView(String path) {
        return path.contains("/..");
    }

    /** A cgroup path of /proc/<pid>/cgroup, relative to the hierarchy's mount. */
    private static String relative(String path) {
        return path.replaceFirst("^/+", "");
    }
}
