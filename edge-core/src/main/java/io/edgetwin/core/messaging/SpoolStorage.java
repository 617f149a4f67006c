package io.edgetwin.core.messaging;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where spooled messages are kept, by id. The {@link Spooler} decides what goes in and out (limits,
 * eviction, counting) and calls every method except {@link #sync} and {@link #scan} under its lock.
 */
sealed interface SpoolStorage extends Closeable permits MemoryStorage, DiskStorage {

    /** Stores a message; ids grow with every append. */
    long append(SpoolMessage message) throws IOException;

    /** Returns once the message with this id (and all before it) would survive a crash. May run concurrently. */
    void sync(long id) throws IOException;

    /** The message, or {@code null} when its record turned out to be damaged. */
    SpoolMessage read(long id) throws IOException;

    /** Forgets a message: delivered, evicted or given up. */
    void remove(long id) throws IOException;

    /**
     * Reads what a previous run left behind, without the spooler's lock: the records of segments that
     * existed when the storage was opened. Called once; {@link #adopt} then takes the result in. A record
     * that cannot be read is reported like a damaged one, never thrown.
     */
    Scan scan();

    /** Takes a {@link #scan} in (under the spooler's lock): its records become ordinary spooled messages. */
    void adopt(Scan scan) throws IOException;

    /** Payload bytes of a previous run not scanned yet, as an upper bound; 0 once adopted. */
    long unscannedBytes();

    /** The Greengrass name of this storage type. */
    SpoolSettings.Storage type();

    /** A record found by {@link #scan}: enough to count and evict it without reading its payload again. */
    record Stored(long id, int qos, int payloadBytes) {
    }

    /** What {@link #scan} found: live records in spool order, and how many damaged records ended a segment early. */
    record Scan(List<Stored> records, int corrupt) {

        static final Scan EMPTY = new Scan(List.of(), 0);
    }
}
