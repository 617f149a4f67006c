package io.edgetwin.core.messaging;

import java.util.HashMap;
import java.util.Map;

/** Greengrass {@code storageType: Memory}: fast, and gone when the core stops. */
final class MemoryStorage implements SpoolStorage {

    private final Map<Long, SpoolMessage> messages = new HashMap<>();
    private long nextId;

    @Override
    public long append(SpoolMessage message) {
        long id = nextId++;
        messages.put(id, message);
        return id;
    }

    @Override
    public void sync(long id) {
        // nothing survives a crash here, so there is nothing to wait for
    }

    @Override
    public SpoolMessage read(long id) {
        return messages.get(id);
    }

    @Override
    public void remove(long id) {
        messages.remove(id);
    }

    @Override
    public Scan scan() {
        return Scan.EMPTY;
    }

    @Override
    public void adopt(Scan scan) {
    }

    @Override
    public long unscannedBytes() {
        return 0;
    }

    @Override
    public SpoolSettings.Storage type() {
        return SpoolSettings.Storage.MEMORY;
    }

    @Override
    public void close() {
        messages.clear();
    }
}
