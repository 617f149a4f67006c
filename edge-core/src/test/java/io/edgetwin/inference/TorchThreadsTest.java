package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchThreadsTest {

    @TempDir
    Path cgroupRoot;

    @Test
    void halfACpuQuotaGetsOneThread() throws IOException {
        cgroupV1("cpu", 50_000, 100_000);

        assertEquals(TorchThreads.fixed(1), TorchThreads.forCpuCap(cgroupRoot, 2));
    }

    @Test
    void fractionalQuotaRoundsDownToWholeCpus() throws IOException {
        cgroupV1("cpu", 150_000, 100_000);

        assertEquals(TorchThreads.fixed(1), TorchThreads.forCpuCap(cgroupRoot, 2));
    }

    @Test
    void quotaOfSeveralCpusGetsThatManyThreads() throws IOException {
        cgroupV1("cpu", 300_000, 100_000);

        assertEquals(TorchThreads.fixed(3), TorchThreads.forCpuCap(cgroupRoot, 8));
    }

    @Test
    void quotaAboveTheAvailableProcessorsIsCappedAtThem() throws IOException {
        cgroupV1("cpu", 400_000, 100_000);

        assertEquals(TorchThreads.fixed(2), TorchThreads.forCpuCap(cgroupRoot, 2));
    }

    @Test
    void unlimitedV1QuotaUsesEveryAvailableProcessor() throws IOException {
        cgroupV1("cpu", -1, 100_000);

        assertEquals(TorchThreads.fixed(6), TorchThreads.forCpuCap(cgroupRoot, 6));
    }

    @Test
    void combinedCpuCpuacctControllerDirectoryIsRead() throws IOException {
        cgroupV1("cpu,cpuacct", 50_000, 100_000);

        assertEquals(TorchThreads.fixed(1), TorchThreads.forCpuCap(cgroupRoot, 4));
    }

    @Test
    void controllerDirectoryItselfCanBeTheRoot() throws IOException {
        cgroupV1(".", 200_000, 100_000);

        assertEquals(TorchThreads.fixed(2), TorchThreads.forCpuCap(cgroupRoot, 4));
    }

    @Test
    void unlimitedV2CpuMaxUsesEveryAvailableProcessor() throws IOException {
        Files.writeString(cgroupRoot.resolve("cpu.max"), "max 100000\n");

        assertEquals(TorchThreads.fixed(4), TorchThreads.forCpuCap(cgroupRoot, 4));
    }

    @Test
    void v2CpuMaxQuotaIsHonoured() throws IOException {
        Files.writeString(cgroupRoot.resolve("cpu.max"), "250000 100000\n");

        assertEquals(TorchThreads.fixed(2), TorchThreads.forCpuCap(cgroupRoot, 4));
    }

    @Test
    void noCgroupFilesMeansNoQuota() {
        assertEquals(TorchThreads.fixed(3), TorchThreads.forCpuCap(cgroupRoot, 3));
    }

    @Test
    void explicitPropertyWinsOverTheQuota() throws IOException {
        cgroupV1("cpu", 50_000, 100_000);
        Properties properties = new Properties();
        properties.setProperty(TorchThreads.NUM_THREADS_PROPERTY, "3");

        TorchThreads chosen = TorchThreads.choose(properties, TorchThreads.forCpuCap(cgroupRoot, 4));

        assertEquals(new TorchThreads(3, 1), chosen);
    }

    @Test
    void withoutExplicitPropertiesTheFallbackIsKept() {
        assertEquals(TorchThreads.fixed(2), TorchThreads.choose(new Properties(), TorchThreads.fixed(2)));
    }

    @Test
    void applyWritesBothEngineProperties() {
        Properties properties = new Properties();

        new TorchThreads(2, 1).applyTo(properties);

        assertEquals("2", properties.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals("1", properties.getProperty("ai.djl.pytorch.num_interop_threads"));
    }

    @Test
    void malformedQuotaIsReportedWithItsFile() throws IOException {
        Files.writeString(cgroupRoot.resolve("cpu.max"), "lots\n");

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> TorchThreads.forCpuCap(cgroupRoot, 2));

        assertTrue(refused.getMessage().contains(cgroupRoot.resolve("cpu.max").toString()), refused.getMessage());
    }

    @Test
    void zeroThreadsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TorchThreads.fixed(0));
    }

    private void cgroupV1(String controllerDir, long quotaMicros, long periodMicros) throws IOException {
        Path dir = Files.createDirectories(cgroupRoot.resolve(controllerDir));
        Files.writeString(dir.resolve("cpu.cfs_quota_us"), quotaMicros + "\n");
        Files.writeString(dir.resolve("cpu.cfs_period_us"), periodMicros + "\n");
    }
}
