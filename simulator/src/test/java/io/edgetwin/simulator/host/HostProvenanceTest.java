package io.edgetwin.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProvenanceTest {

    @TempDir
    Path root;

    @Test
    void hostFiguresComeFromProcAndSys() throws IOException {
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: AMD EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n");
        write("proc/meminfo", "MemTotal:       24589932 kB\nMemFree:         1000 kB\n");
        write("proc/sys/kernel/osrelease", "6.1.0-28-cloud-amd64\n");
        write("sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n");

        Provenance provenance = new HostProvenance(root, root).of("edgetwin-twin:1a2b sha256:9f", "26.1.5", "systemd", null);

        assertEquals("AMD EPYC 7B13", provenance.cpuModel());
        assertEquals(2, provenance.cpuCores());
        assertEquals(24589932L * 1024, provenance.memoryBytes());
        assertEquals("6.1.0-28-cloud-amd64", provenance.kernel());
        assertEquals("2", provenance.cgroupVersion(), "cgroup.controllers exists only on the unified hierarchy");
        assertEquals("systemd", provenance.cgroupDriver());
        assertEquals("26.1.5", provenance.dockerVersion());
        assertEquals("edgetwin-twin:1a2b sha256:9f", provenance.twinImage());
        assertEquals(HostProvenance.VERSION, provenance.edgetwinVersion());
        assertTrue(provenance.jvm().contains(System.getProperty("java.runtime.version")));
    }

    @Test
    void whatCannotBeReadIsLeftUnknownRatherThanFailingTheRun() {
        Provenance provenance = new HostProvenance(root, root.resolve("not-a-checkout")).of(null, null, null, null);

        assertNull(provenance.cpuModel());
        assertNull(provenance.cpuCores());
        assertNull(provenance.memoryBytes());
        assertNull(provenance.gitCommit());
        assertEquals("1", provenance.cgroupVersion());
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
