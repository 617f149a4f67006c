package io.edgetwin.simulator.measure;

import static io.edgetwin.simulator.measure.FakeCgroupFs.EXPECTED;
import static io.edgetwin.simulator.measure.FakeCgroupFs.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgetwin.simulator.measure.FakeCgroupFs.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostCgroupTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Driver.class)
    void theContainersCgroupIsReadOnEitherCgroupVersionWithEitherDriver(Driver driver) {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(driver);

        assertEquals(new HostCgroup.Taken(EXPECTED, null), fs.hostCgroup().read(1000));
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void withoutAnInitProcessTheCgroupIsFoundAtTheDriversUsualPlace(Driver driver) {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(driver);
        HostCgroup noPid = new HostCgroup(CgroupLayout.detect(fs.sys), fs.proc, ID, () -> 0);

        assertEquals(new HostCgroup.Taken(EXPECTED, null), noPid.read(1000));
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void theCapsAreReadBackOnEitherCgroupVersion(Driver driver) {
        assertEquals("memory 536870912 B, cpus 0.8", new FakeCgroupFs(dir).container(driver).hostCgroup().caps());
    }

    @Test
    void unlimitedCapsReadAsUnlimitedOnCgroupV2() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V2_SYSTEMD);
        FakeCgroupFs.write(fs.memoryDir(Driver.V2_SYSTEMD).resolve("memory.max"), "max\n");
        FakeCgroupFs.write(fs.memoryDir(Driver.V2_SYSTEMD).resolve("cpu.max"), "max 100000\n");

        assertEquals("memory unlimited, cpus unlimited", fs.hostCgroup().caps());
    }

    @Test
    void residentMemoryIsTotalRssOnCgroupV1AndAnonOnCgroupV2() throws IOException {
        assertEquals(47_841_280, new FakeCgroupFs(dir.resolve("v1")).container(Driver.V1_CGROUPFS).hostCgroup().residentBytes());
        assertEquals(47_841_280, new FakeCgroupFs(dir.resolve("v2")).container(Driver.V2_SYSTEMD).hostCgroup().residentBytes());
    }

    @Test
    void aCgroupUnderACustomParentIsFoundFromTheInitProcess() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).v2("/edgetwin.slice/docker-" + ID + ".scope");

        assertEquals(new HostCgroup.Taken(EXPECTED, null), fs.hostCgroup().read(1000));
    }

    @Test
    void coMountedCpuAndCpuacctWithoutLinksAreFoundOnCgroupV1() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).v1CoMounted("/system.slice/docker-" + ID + ".scope");

        assertEquals(new HostCgroup.Taken(EXPECTED, null), fs.hostCgroup().read(1000));
    }

    @Test
    void cgroupV2IsDetectedExactlyWhenTheRootHasCgroupControllers() {
        assertThat(CgroupLayout.detect(new FakeCgroupFs(dir.resolve("a")).container(Driver.V2_SYSTEMD).sys))
                .isInstanceOf(CgroupLayout.V2.class);
        assertThat(CgroupLayout.detect(new FakeCgroupFs(dir.resolve("b")).container(Driver.V1_SYSTEMD).sys))
                .isInstanceOf(CgroupLayout.V1.class);
    }

    @Test
    void withoutMemoryPeakTheHighestSampleStandsInAndSaysSo() throws IOException {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V2_SYSTEMD);
        Path memory = fs.memoryDir(Driver.V2_SYSTEMD);
        Files.delete(memory.resolve("memory.peak"));
        HostCgroup cgroup = fs.hostCgroup();

        cgroup.read(1000);
        FakeCgroupFs.write(memory.resolve("memory.current"), "40000000\n");
        HostCgroup.Taken second = (HostCgroup.Taken) cgroup.read(2000);

        assertEquals(40_000_000, second.sample().memoryBytes());
        assertEquals(52_428_800, second.sample().memoryPeakBytes(), "the highest sample so far");
        assertThat(second.peakNote()).contains("memory.peak is absent", memory.toString(), "highest 1 s sample");
    }

    @Test
    void aMissingCgroupNamesEveryPlaceTriedAndWhy() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V2_SYSTEMD);
        HostCgroup other = new HostCgroup(CgroupLayout.detect(fs.sys), fs.proc, "0123456789abcdef", () -> 0);

        HostCgroup.Missed missed = (HostCgroup.Missed) other.read(1000);

        assertThat(missed.reason()).contains("cgroup v2 of container 0123456789ab not found at",
                fs.sys.resolve("docker/0123456789abcdef").toString(),
                fs.sys.resolve("system.slice/docker-0123456789abcdef.scope").toString(), "no running init process");
    }

    @Test
    void aMissingCgroupAsksDockerForTheInitProcessOncePerReading() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V2_SYSTEMD);
        AtomicLong asked = new AtomicLong();
        HostCgroup other = new HostCgroup(CgroupLayout.detect(fs.sys), fs.proc, "0123456789abcdef", () -> {
            asked.incrementAndGet();
            return FakeCgroupFs.PID;
        });

        other.read(1000);

        assertEquals(1, asked.get(), "one docker inspect per reading of a twin that is away");
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V1_CGROUPFS);
        Path stat = fs.sys.resolve("cpu/docker").resolve(ID).resolve("cpu.stat");
        Files.delete(stat);

        HostCgroup.Missed missed = (HostCgroup.Missed) fs.hostCgroup().read(1000);

        assertThat(missed.reason()).startsWith("file unreadable: " + stat);
    }

    @Test
    void aFileThatIsNotANumberIsNamedWithItsContent() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V2_CGROUPFS);
        FakeCgroupFs.write(fs.memoryDir(Driver.V2_CGROUPFS).resolve("memory.current"), "lots\n");

        HostCgroup.Missed missed = (HostCgroup.Missed) fs.hostCgroup().read(1000);

        assertThat(missed.reason()).contains("memory.current holds 'lots'; expected a whole number");
    }

    @Test
    void aPidWhoseCgroupIsNotNamedAfterTheContainerIsNotTakenForIt() {
        FakeCgroupFs fs = new FakeCgroupFs(dir).container(Driver.V2_SYSTEMD);
        FakeCgroupFs.write(fs.sys.resolve("user.slice/session-1.scope/memory.current"), "1\n");
        FakeCgroupFs.write(fs.proc.resolve("77/cgroup"), "0::/user.slice/session-1.scope\n");
        HostCgroup remotePid = new HostCgroup(CgroupLayout.detect(fs.sys), fs.proc, ID, () -> 77);

        assertEquals(new HostCgroup.Taken(EXPECTED, null), remotePid.read(1000), "read at the driver's usual place");
    }

    @Test
    void aCgroupThatMovedIsFoundAgainFromTheNewInitProcess() throws IOException {
        FakeCgroupFs fs = new FakeCgroupFs(dir).v2("/system.slice/docker-" + ID + ".scope");
        AtomicLong pid = new AtomicLong(FakeCgroupFs.PID);
        HostCgroup cgroup = new HostCgroup(CgroupLayout.detect(fs.sys), fs.proc, ID, pid::get);
        cgroup.read(1000);

        Path moved = fs.sys.resolve("moved.slice/docker-" + ID + ".scope");
        Files.createDirectories(moved.getParent());
        Files.move(fs.sys.resolve("system.slice/docker-" + ID + ".scope"), moved);
        FakeCgroupFs.write(fs.proc.resolve("5000/cgroup"), "0::/moved.slice/docker-" + ID + ".scope\n");
        pid.set(5000);

        assertEquals(new HostCgroup.Taken(new ResourceSample(2000, 52_428_800, 62_914_560, 123_456_000, 7, 100, 9_000_000,
                42, 3), null), cgroup.read(2000));
    }
}
