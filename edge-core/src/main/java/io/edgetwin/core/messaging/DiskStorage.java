package io.edgetwin.core.messaging;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Greengrass {@code storageType: Disk}: append-only segment files ({@code 00000000000000000001.seg}, ...)
 * of {@link SpoolRecord}s plus a {@link ReadOffset}. A message's id is its segment number and position
 * ({@code segment << 32 | position}), so ids follow spool order across segments and restarts.
 *
 * <p>Opening reads no records: it lists the directory, reads the 12-byte offset and takes the segment
 * sizes as an upper bound of what waits. Each run appends to a new segment, so a tail torn by a crash is
 * never written after. The records of previous runs are read later by {@link #scan}, off the caller's
 * thread (Greengrass issue #1832: recovering 26.5k messages held startup for minutes).
 *
 * <p>Durability: {@link #sync} fsyncs the segment (one fsync covers every append before it, so publishers
 * that sync together share it); a new segment also fsyncs the directory. Messages leave by moving the
 * offset past them (and deleting segments behind it), or, when they leave from mid-spool, by setting the
 * record's "removed" flag in place. Neither is fsync'ed: a crash may bring a delivered or evicted message
 * back, never lose a synced one.
 */
final class DiskStorage implements SpoolStorage {

    static final long DEFAULT_SEGMENT_BYTES = 1 << 20;
    private static final String SUFFIX = ".seg";

    private final Path directory;
    private final long segmentBytes;
    private final ReadOffset offset;
    private final NavigableSet<Long> segments;
    private final List<Long> previousRun;
    private final NavigableSet<Long> live = new TreeSet<>();
    private final Map<Long, FileChannel> channels = new ConcurrentHashMap<>();
    private final Object syncLock = new Object();
    private final AtomicLong syncedThrough = new AtomicLong(-1);
    private volatile long appendedThrough = -1;
    private long writeSegment;
    private long writePosition;
    private boolean writing;
    private boolean adopted;
    private long unscannedBytes;

    private DiskStorage(Path directory, long segmentBytes, ReadOffset offset, NavigableSet<Long> segments) throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.offset = offset;
        this.segments = segments;
        long headSegment = segmentOf(offset.head());
        this.previousRun = new ArrayList<>(segments.tailSet(headSegment, true));
        this.writeSegment = Math.max(segments.isEmpty() ? 1 : segments.last() + 1, headSegment + 1);
        for (long segment : previousRun) {
            long start = segment == headSegment ? positionOf(offset.head()) : 0;
            unscannedBytes += Math.max(0, Files.size(path(segment)) - start);
        }
    }

    static DiskStorage open(Path directory, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        NavigableSet<Long> segments = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{20}\\" + SUFFIX))
                    .forEach(n -> segments.add(Long.parseLong(n.substring(0, 20))));
        }
        return new DiskStorage(directory, segmentBytes, ReadOffset.open(directory.resolve("offset")), segments);
    }

    @Override
    public long append(SpoolMessage message) throws IOException {
        ByteBuffer record = SpoolRecord.encode(message);
        if (!writing || (writePosition > 0 && writePosition + record.remaining() > segmentBytes)) {
            startSegment();
        }
        long id = id(writeSegment, writePosition);
        try {
            FileChannel channel = channels.get(writeSegment);
            while (record.hasRemaining()) {
                writePosition += channel.write(record, writePosition);
            }
        } catch (IOException e) {
            // The torn record ends this segment; the next append starts a new one.
            writing = false;
            writeSegment++;
            writePosition = 0;
            throw e;
        }
        live.add(id);
        appendedThrough = id;
        return id;
    }

    private void startSegment() throws IOException {
        if (writing) {
            channels.get(writeSegment).force(false);
            syncedThrough.accumulateAndGet(appendedThrough, Math::max);
            writeSegment++;
        }
        channels.put(writeSegment, FileChannel.open(path(writeSegment), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
        segments.add(writeSegment);
        writePosition = 0;
        writing = true;
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public void sync(long id) throws IOException {
        synchronized (syncLock) {
            if (syncedThrough.get() >= id) {
                return;
            }
            long through = appendedThrough;
            FileChannel channel = channels.get(segmentOf(through));
            try {
                if (channel != null) {
                    channel.force(false);
                }
            } catch (ClosedChannelException consumed) {
                // its segment was delivered and deleted meanwhile: nothing left to make durable
            }
            syncedThrough.accumulateAndGet(through, Math::max);
        }
    }

    @Override
    public SpoolMessage read(long id) throws IOException {
        FileChannel channel = channel(segmentOf(id));
        long position = positionOf(id);
        byte[] headerBytes = read(channel, position, SpoolRecord.HEADER_BYTES);
        SpoolRecord.Header header = SpoolRecord.Header.of(headerBytes);
        if (!header.plausible(channel.size() - position)) {
            return null;
        }
        byte[] rest = read(channel, position + SpoolRecord.HEADER_BYTES, (int) header.size() - SpoolRecord.HEADER_BYTES);
        return SpoolRecord.decode(header, headerBytes, rest);
    }

    @Override
    public void remove(long id) throws IOException {
        if (!live.remove(id)) {
            return;
        }
        if (adopted && (live.isEmpty() || id < live.first())) {
            advanceHead();
        } else {
            markRemoved(id);
        }
    }

    private void markRemoved(long id) throws IOException {
        FileChannel channel = channel(segmentOf(id));
        long flagsAt = positionOf(id) + SpoolRecord.FLAGS_OFFSET;
        byte flags = read(channel, flagsAt, 1)[0];
        channel.write(ByteBuffer.wrap(new byte[] {(byte) (flags | SpoolRecord.REMOVED)}), flagsAt);
    }

    private void advanceHead() throws IOException {
        long head = live.isEmpty() ? id(writeSegment, writing ? writePosition : 0) : live.first();
        if (head != offset.head()) {
            offset.advance(head);
        }
        for (Long consumed : new ArrayList<>(segments.headSet(segmentOf(head), false))) {
            FileChannel channel = channels.remove(consumed);
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(path(consumed));
            segments.remove(consumed);
        }
    }

    @Override
    public Scan scan() {
        List<Stored> records = new ArrayList<>();
        int corrupt = 0;
        for (long segment : previousRun) {
            long start = segment == segmentOf(offset.head()) ? positionOf(offset.head()) : 0;
            corrupt += SegmentScan.scan(path(segment), segment, start, records);
        }
        return new Scan(records, corrupt);
    }

    @Override
    public void adopt(Scan scan) throws IOException {
        for (Stored record : scan.records()) {
            live.add(record.id());
        }
        adopted = true;
        unscannedBytes = 0;
        advanceHead();
    }

    @Override
    public long unscannedBytes() {
        return unscannedBytes;
    }

    @Override
    public SpoolSettings.Storage type() {
        return SpoolSettings.Storage.DISK;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel channel : channels.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = add(failure, e);
            }
        }
        try {
            offset.close();
        } catch (IOException e) {
            failure = add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException add(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private FileChannel channel(long segment) throws IOException {
        FileChannel channel = channels.get(segment);
        if (channel == null) {
            channel = FileChannel.open(path(segment), StandardOpenOption.READ, StandardOpenOption.WRITE);
            channels.put(segment, channel);
        }
        return channel;
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("record at " + position + " ends past the end of its segment");
            }
        }
        return buffer.array();
    }

    private Path path(long segment) {
        return directory.resolve(String.format("%020d%s", segment, SUFFIX));
    }

    static long id(long segment, long position) {
        return segment << 32 | position;
    }

    private static long segmentOf(long id) {
        return id >>> 32;
    }

    private static long positionOf(long id) {
        return id & 0xFFFF_FFFFL;
    }
}
