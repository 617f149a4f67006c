package io.edgetwin.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceOptionsTest {

    @TempDir
    Path cgroupRoot;

    private final Properties properties = new Properties();

    /** Half a CPU on a four-core host. */
    @BeforeEach
    void halfACpuQuota() throws IOException {
        Path cpu = Files.createDirectories(cgroupRoot.resolve("cpu"));
        Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "50000\n");
        Files.writeString(cpu.resolve("cpu.cfs_period_us"), "100000\n");
    }

    @Test
    void absentPropertiesMeanQuotaSizedThreadsAndNoBatching() {
        InferenceOptions options = InferenceOptions.from(properties);

        assertEquals(InferenceOptions.defaults(), options);
        assertFalse(options.batching());
        assertEquals(TorchThreads.fixed(1), options.torchThreads(properties, cgroupRoot, 4));
    }

    @Test
    void configuredThreadCountWinsOverTheCpuQuota() {
        properties.setProperty(InferenceOptions.THREADS_PROPERTY, "3");

        TorchThreads threads = InferenceOptions.from(properties).torchThreads(properties, cgroupRoot, 4);

        assertEquals(TorchThreads.fixed(3), threads);
    }

    @Test
    void configuredThreadCountWinsOverEngineProperties() {
        properties.setProperty(InferenceOptions.THREADS_PROPERTY, "2");
        properties.setProperty(TorchThreads.NUM_THREADS_PROPERTY, "4");
        properties.setProperty(TorchThreads.NUM_INTEROP_THREADS_PROPERTY, "4");

        InferenceOptions.from(properties).torchThreads(properties, cgroupRoot, 4).applyTo(properties);

        assertEquals("2", properties.getProperty(TorchThreads.NUM_THREADS_PROPERTY));
        assertEquals("2", properties.getProperty(TorchThreads.NUM_INTEROP_THREADS_PROPERTY));
    }

    @Test
    void autoKeepsAnExplicitEnginePropertyOverTheQuota() {
        properties.setProperty(InferenceOptions.THREADS_PROPERTY, "auto");
        properties.setProperty(TorchThreads.NUM_THREADS_PROPERTY, "3");

        TorchThreads threads = InferenceOptions.from(properties).torchThreads(properties, cgroupRoot, 4);

        assertEquals(new TorchThreads(3, 1), threads);
    }

    @Test
    void batchingSettingsAreRead() {
        properties.setProperty(InferenceOptions.MAX_BATCH_SIZE_PROPERTY, "8");
        properties.setProperty(InferenceOptions.MAX_BATCH_WAIT_MS_PROPERTY, "5");

        InferenceOptions options = InferenceOptions.from(properties);

        assertEquals(new InferenceOptions(OptionalInt.empty(), 8, Duration.ofMillis(5)), options);
        assertTrue(options.batching());
    }

    @Test
    void malformedThreadsAreNamedWithTheirProperty() {
        properties.setProperty(InferenceOptions.THREADS_PROPERTY, "many");

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> InferenceOptions.from(properties));

        assertEquals("property edgetwin.inference.threads must be 'auto' or a whole number; got 'many'",
                refused.getMessage());
    }

    @Test
    void zeroBatchSizeIsRefused() {
        properties.setProperty(InferenceOptions.MAX_BATCH_SIZE_PROPERTY, "0");

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> InferenceOptions.from(properties));

        assertEquals("maxBatchSize must be >= 1; got 0", refused.getMessage());
    }
}
