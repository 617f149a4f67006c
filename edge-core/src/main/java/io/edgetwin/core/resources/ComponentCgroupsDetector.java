package io.edgetwin.core.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses cgroup v1 or v2 as the nucleus does: v2 iff {@code cgroup.controllers} exists at the cgroup root. */
public final class ComponentCgroupsDetector {

    private ComponentCgroupsDetector() {
    }

    /**
     * @param cgroupRoot the container's view of its cgroup ({@code /sys/fs/cgroup})
     * @param mountRoot  where the core mounts a writable hierarchy ({@code /run/edgetwin/cgroup})
     * @param procSelfCgroup {@code /proc/self/cgroup}
     */
    public static ComponentCgroups detect(Path cgroupRoot, Path mountRoot, Path procSelfCgroup, Mounter mounter, int cores) {
        String self;
        try {
            self = Files.readString(procSelfCgroup);
        } catch (IOException e) {
            throw new EnforcementException("cannot read " + procSelfCgroup + ": " + e.getMessage(), e);
        }
        return Files.exists(cgroupRoot.resolve("cgroup.controllers"))
                ? CgroupV2.mount(mountRoot, self, mounter, cores)
                : CgroupV1.mount(mountRoot, self, mounter, cores);
    }
}
