package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Spools for tests: either storage, small limits, and reading what waits without draining it. */
final class Spools {

    private Spools() {
    }

    static Spooler spool(SpoolSettings.Storage storage, Path dir, long maxBytes, boolean keepQos0WhenOffline) {
        try {
            SpoolStorage store = storage == SpoolSettings.Storage.MEMORY ? new MemoryStorage()
                    : DiskStorage.open(dir, DiskStorage.DEFAULT_SEGMENT_BYTES);
            return new Spooler(store, maxBytes, keepQos0WhenOffline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Spooler disk(Path dir, long segmentBytes) throws IOException {
        return new Spooler(DiskStorage.open(dir, segmentBytes), 1 << 30, false);
    }

    static SpoolMessage message(String payload, int qos) {
        return new SpoolMessage("edgetwin/dev-1/data", payload.getBytes(UTF_8), qos);
    }

    /** The payloads waiting, oldest first, as "payload/qos". */
    static List<String> waiting(Spooler spool) {
        List<String> waiting = new ArrayList<>();
        for (SpooledMessage m : entries(spool)) {
            waiting.add(new String(m.message().payload(), UTF_8) + "/" + m.message().qos());
        }
        return waiting;
    }

    static List<SpooledMessage> entries(Spooler spool) {
        List<SpooledMessage> entries = new ArrayList<>();
        long after = -1;
        for (Optional<SpooledMessage> next = spool.next(after); next.isPresent(); next = spool.next(after)) {
            entries.add(next.get());
            after = next.get().id();
        }
        return entries;
    }
}
