package io.edgetwin.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A core killed with SIGKILL while it spools: every QoS 1 message it was told SPOOLED for is there after a
 * restart, in order, and a record torn by the kill does not stop the spool from opening. (SIGKILL leaves the
 * page cache alone, so this checks the write path and recovery; the fsync is what covers a power cut.)
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpoolCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyMessageAcknowledgedBeforeSigkillIsThereAfterRestartInOrder() throws Exception {
        Path spoolDir = dir.resolve("spool");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SpoolWriter.class.getName(), spoolDir.toString())
                .redirectError(dir.resolve("writer.err").toFile())
                .start();
        int acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            while (acknowledged < 300) {
                String line = out.readLine();
                assertNotNull(line, "the writer stopped early; see " + dir.resolve("writer.err"));
                acknowledged = Integer.parseInt(line);
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe we still read from
            assertTrue(writer.toHandle().destroyForcibly());
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                acknowledged = Integer.parseInt(line);
            }
        } finally {
            writer.destroyForcibly();
        }

        List<String> recovered;
        try (Spooler reopened = Spooler.open(new SpoolSettings(SpoolSettings.Storage.DISK, 1L << 30, false, spoolDir))) {
            recovered = Spools.waiting(reopened);
        }

        List<String> expected = IntStream.rangeClosed(0, acknowledged).mapToObj(i -> "m-" + i + "/1").toList();
        assertTrue(recovered.size() >= expected.size(), "recovered " + recovered.size() + " of " + expected.size());
        assertEquals(expected, recovered.subList(0, expected.size()));
        assertTrue(recovered.size() <= expected.size() + 1, "at most the one being acknowledged when killed may follow: "
                + recovered.subList(expected.size(), recovered.size()));
    }

}
