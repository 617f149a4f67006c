package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.measure.ContainerCgroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentMemoryTest {

    @TempDir
    Path cgroup;

    @Test
    void theSettledLevelIsTheMedianOfTheSecondHalfOfTheReadingsWhileServing() {
        AtomicLong bytes = new AtomicLong();
        AtomicBoolean serving = new AtomicBoolean(false);
        ResidentMemory resident = new ResidentMemory(() -> OptionalLong.of(bytes.get()), serving::get);
        bytes.set(900);
        resident.sample();
        serving.set(true);
        for (long b : new long[] {100, 200, 300, 130, 150, 140}) {
            bytes.set(b);
            resident.sample();
        }
        assertThat(resident.settled()).isEqualTo(140);
    }

    @Test
    void withoutAReadingTheLevelIsZeroAndAnUnreadableCgroupGivesNone() {
        ResidentMemory resident = new ResidentMemory(
                () -> ComponentFiles.read(new ContainerCgroup.V2(cgroup).child("gone"), ContainerCgroup::residentBytes), () -> true);
        resident.sample();
        assertThat(resident.settled()).isZero();
    }

    @Test
    void theAnonymousMemoryIsReadFromMemoryStatInEitherCgroupVersion() throws IOException {
        Files.writeString(cgroup.resolve("memory.stat"), "cache 83886080\nrss 131174400\ntotal_cache 83886080\ntotal_rss 131174400\n");
        assertThat(ComponentFiles.read(new ContainerCgroup.V1(cgroup, cgroup, cgroup), ContainerCgroup::residentBytes))
                .hasValue(131_174_400);
        Files.writeString(cgroup.resolve("memory.stat"), "anon 131174400\nfile 83886080\n");
        assertThat(ComponentFiles.read(new ContainerCgroup.V2(cgroup), ContainerCgroup::residentBytes)).hasValue(131_174_400);
    }
}
