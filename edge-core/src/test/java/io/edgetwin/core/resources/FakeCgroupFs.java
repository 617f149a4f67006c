package io.edgetwin.core.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A container's view of its own cgroup, as files under a temp directory written the way the kernel does. */
final class FakeCgroupFs {

    private final Path root;

    private FakeCgroupFs(Path root) {
        this.root = root;
    }

    /** cgroup v1: one directory per controller ({@code memory/}, {@code cpu/}, {@code pids/}). */
    static FakeCgroupFs v1(Path root) {
        return new FakeCgroupFs(root);
    }

    /** cgroup v2: one unified directory, recognised by its {@code cgroup.controllers}. */
    static FakeCgroupFs v2(Path root) {
        return new FakeCgroupFs(root).with("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc");
    }

    /** Writes one file, with the trailing newline the kernel adds. */
    FakeCgroupFs with(String file, String content) {
        Path path = root.resolve(file);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    DeviceCgroup read() {
        return new DeviceCgroup(root);
    }
}
