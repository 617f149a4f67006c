package io.edgetwin.core.messaging;

import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline spool of Greengrass's {@code mqtt.spooler} (REFERENCE §5): messages toward the cloud wait
 * here, in publish order, while the link is down or while older messages still wait.
 *
 * <p>Rules: a QoS 0 publish while offline is dropped unless {@code keepQos0WhenOffline}. When a message does
 * not fit in {@code maxSizeInBytes} (payload bytes), the oldest QoS 0 messages are evicted to make room;
 * QoS 1 messages are never evicted, so a message that would not fit even without any QoS 0 message is
 * refused (and nothing is evicted for it). Refusals are counted and returned, never thrown.
 *
 * <p>Opening does no reading of records: a disk spool's previous run is read by {@link #recover}, which
 * the drain thread runs before it sends anything ({@link #next} runs it if nobody did). Until then, the
 * previous run's segment sizes count against the limit and the spool is not {@linkplain #isEmpty empty}.
 */
public final class Spooler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spooler.class);

    private final SpoolStorage storage;
    private final long maxBytes;
    private final boolean keepQos0WhenOffline;
    private final NavigableMap<Long, Entry> index = new TreeMap<>();
    private final NavigableSet<Long> qos0 = new TreeSet<>();
    private final Object recovery = new Object();
    private long bytes;
    private long qos0Bytes;
    private long spooled;
    private long delivered;
    private long droppedQos0;
    private long refusedQos1;
    private long corrupt;
    private long retriesExhausted;
    private boolean full;
    private volatile boolean recovered;

    Spooler(SpoolStorage storage, long maxBytes, boolean keepQos0WhenOffline) {
        this.storage = storage;
        this.maxBytes = maxBytes;
        this.keepQos0WhenOffline = keepQos0WhenOffline;
    }

    /** Opens the spool the settings describe. A disk spool lists its directory and reads its offset, nothing more. */
    public static Spooler open(SpoolSettings settings) throws IOException {
        SpoolStorage storage = switch (settings.storage()) {
            case MEMORY -> new MemoryStorage();
            case DISK -> openDisk(settings);
        };
        return new Spooler(storage, settings.maxSizeInBytes(), settings.keepQos0WhenOffline());
    }

    private static DiskStorage openDisk(SpoolSettings settings) throws IOException {
        try {
            return DiskStorage.open(settings.directory(), DiskStorage.DEFAULT_SEGMENT_BYTES);
        } catch (IOException e) {
            throw new IOException("disk spool in '" + settings.directory() + "' (EDGETWIN_SPOOL_DIR) cannot be opened: "
                    + e, e);
        }
    }

    /**
     * Takes a message in, or says why not. A QoS 1 message is durable (on disk: fsync'ed) when this returns
     * {@link PublishOutcome#SPOOLED}.
     *
     * @param offline whether the link is down (a QoS 0 message is then dropped unless {@code keepQos0WhenOffline})
     */
    public PublishOutcome offer(SpoolMessage message, boolean offline) {
        long id;
        synchronized (this) {
            if (offline && message.qos() == 0 && !keepQos0WhenOffline) {
                droppedQos0++;
                return PublishOutcome.DROPPED_OFFLINE;
            }
            if (!makeRoom(message.payloadBytes())) {
                return refuse(message);
            }
            try {
                id = storage.append(message);
            } catch (IOException | RuntimeException e) {
                LOG.warn("spool-write-failed topic={} qos={} bytes={} error={}", message.topic(), message.qos(),
                        message.payloadBytes(), e.toString());
                count(message);
                return PublishOutcome.FAILED;
            }
            index(id, message.qos(), message.payloadBytes());
            spooled++;
            full = false;
        }
        if (message.qos() == 1) {
            sync(id, message);
        }
        return PublishOutcome.SPOOLED;
    }

    private void sync(long id, SpoolMessage message) {
        try {
            storage.sync(id);
        } catch (IOException e) {
            LOG.warn("spool-sync-failed topic={} error={} (the message waits, but may not survive a crash)",
                    message.topic(), e.toString());
        }
    }

    /** Whether the spool has room for {@code payloadBytes} more, evicting the oldest QoS 0 messages if that is enough. */
    private boolean makeRoom(long payloadBytes) {
        long excess = usedBytes() + payloadBytes - maxBytes;
        if (excess <= 0) {
            return true;
        }
        if (payloadBytes > maxBytes || qos0Bytes < excess) {
            return false;
        }
        while (usedBytes() + payloadBytes > maxBytes) {
            long oldest = qos0.first();
            unindex(oldest);
            remove(oldest);
            droppedQos0++;
        }
        return true;
    }

    private PublishOutcome refuse(SpoolMessage message) {
        count(message);
        if (!full) {
            full = true;
            LOG.warn("spool-full topic={} qos={} bytes={} usedBytes={} maxBytes={} messages={}", message.topic(),
                    message.qos(), message.payloadBytes(), usedBytes(), maxBytes, index.size());
        }
        return PublishOutcome.REFUSED_FULL;
    }

    private void count(SpoolMessage refused) {
        if (refused.qos() == 0) {
            droppedQos0++;
        } else {
            refusedQos1++;
        }
    }

    /** True when nothing waits: a publish may then go straight to a live link without overtaking anything. */
    public synchronized boolean isEmpty() {
        return index.isEmpty() && storage.unscannedBytes() == 0;
    }

    /**
     * Reads the records a previous run left on disk (CRC-checked; a damaged record and the rest of its
     * segment are dropped and counted) and puts them ahead of everything spooled since. Runs once; publishers
     * are not held up while it reads.
     */
    public void recover() {
        if (recovered) {
            return;
        }
        synchronized (recovery) {
            if (recovered) {
                return;
            }
            long startNanos = System.nanoTime();
            SpoolStorage.Scan scan = storage.scan();
            long recoveredBytes = 0;
            synchronized (this) {
                for (SpoolStorage.Stored record : scan.records()) {
                    index(record.id(), record.qos(), record.payloadBytes());
                    recoveredBytes += record.payloadBytes();
                }
                corrupt += scan.corrupt();
                try {
                    storage.adopt(scan);
                } catch (IOException e) {
                    LOG.warn("spool-offset-failed error={}", e.toString());
                }
                recovered = true;
                if (storage.type() == SpoolSettings.Storage.DISK) {
                    LOG.info("spool-recovered messages={} bytes={} corrupt={} millis={}", scan.records().size(),
                            recoveredBytes, scan.corrupt(), (System.nanoTime() - startNanos) / 1_000_000);
                }
            }
        }
    }

    /** The oldest message after {@code afterId} ({@code -1}: the oldest of all); damaged records are dropped on the way. */
    Optional<SpooledMessage> next(long afterId) {
        recover();
        synchronized (this) {
            for (Map.Entry<Long, Entry> e = index.higherEntry(afterId); e != null; e = index.higherEntry(e.getKey())) {
                SpoolMessage message = read(e.getKey());
                if (message != null) {
                    return Optional.of(new SpooledMessage(e.getKey(), message));
                }
                unindex(e.getKey());
                remove(e.getKey());
                corrupt++;
            }
            return Optional.empty();
        }
    }

    private SpoolMessage read(long id) {
        try {
            SpoolMessage message = storage.read(id);
            if (message == null) {
                LOG.warn("spool-corrupt-record id={} reason=CRC mismatch", id);
            }
            return message;
        } catch (IOException e) {
            LOG.warn("spool-read-failed id={} error={}", id, e.toString());
            return null;
        }
    }

    /** The broker confirmed it: it leaves the spool. */
    synchronized void delivered(long id) {
        if (unindex(id)) {
            delivered++;
            remove(id);
        }
    }

    /** Sending it failed too often: it leaves the spool unsent. */
    synchronized void giveUp(long id) {
        if (unindex(id)) {
            retriesExhausted++;
            remove(id);
        }
    }

    public synchronized SpoolCounters counters() {
        return new SpoolCounters(storage.type().displayName(), maxBytes, index.size(), usedBytes(), spooled, delivered,
                droppedQos0, refusedQos1, corrupt, retriesExhausted);
    }

    private long usedBytes() {
        return bytes + storage.unscannedBytes();
    }

    private void index(long id, int qos, int payloadBytes) {
        index.put(id, new Entry(qos, payloadBytes));
        bytes += payloadBytes;
        if (qos == 0) {
            qos0.add(id);
            qos0Bytes += payloadBytes;
        }
    }

    private boolean unindex(long id) {
        Entry entry = index.remove(id);
        if (entry == null) {
            return false;
        }
        bytes -= entry.payloadBytes();
        if (entry.qos() == 0) {
            qos0.remove(id);
            qos0Bytes -= entry.payloadBytes();
        }
        return true;
    }

    private void remove(long id) {
        try {
            storage.remove(id);
        } catch (IOException e) {
            LOG.warn("spool-remove-failed id={} error={} (it may come back after a restart)", id, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        try {
            storage.close();
        } catch (IOException e) {
            LOG.warn("spool-close-failed error={}", e.toString());
        }
    }

    private record Entry(int qos, int payloadBytes) {
    }
}
