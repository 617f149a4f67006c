package io.edgetwin.simulator.recovery;

import io.edgetwin.report.Recovery;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.fault.Recoveries;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Times how each twin came back from each fault that cut it off: from the moment what the fault took
 * was back (the broker listening again, the container started again) until the twin's core announced
 * its connection ({@link TwinConnections}) and until the harness had its first successful answer to a
 * request sent after that moment. For a broker outage it also times the harness's own client, kept
 * apart so the report never passes the harness's reconnect off as the twins'.
 *
 * <p>Fed by the fault injector ({@link Recoveries}) and by every answer ({@link #answered}); read once,
 * after the run ({@link #recoveries}).
 */
public final class RecoveryLog implements Recoveries {

    private final List<String> things;
    private final TwinConnections connections;
    private final LongFunction<OptionalLong> harnessConnectedSince;
    private final LongSupplier lastSentId;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /**
     * @param things                the variant's twins, by index
     * @param harnessConnectedSince the first moment at or after a given one that the harness's client was connected
     * @param lastSentId            the highest request id handed to the broker so far (ids grow in send order)
     */
    public RecoveryLog(List<String> things, TwinConnections connections, LongFunction<OptionalLong> harnessConnectedSince,
                       LongSupplier lastSentId) {
        this.things = List.copyOf(things);
        this.connections = connections;
        this.harnessConnectedSince = harnessConnectedSince;
        this.lastSentId = lastSentId;
    }

    @Override
    public void started(Fault fault, int twin, long atNanos) {
        entries.add(new Entry(fault, twin, atNanos));
    }

    @Override
    public void back(Fault fault, int twin, long atNanos) {
        long watermark = lastSentId.getAsLong();
        entries.stream().filter(e -> e.fault == fault && e.twin == twin && e.backNanos < 0).findFirst().ifPresent(e -> {
            e.watermark = watermark;
            e.backNanos = atNanos;
        });
    }

    /** Handler for every answer: the first successful one to a request sent after a twin's fault ended. */
    public void answered(int twin, long id, boolean ok, long receivedNanos) {
        if (!ok) {
            return;
        }
        for (Entry e : entries) {
            if (e.twin == twin && e.backNanos >= 0 && e.firstAnswerNanos < 0 && id > e.watermark) {
                e.firstAnswerNanos = receivedNanos;
            }
        }
    }

    /** Per fault that ended, in the order they started; times in ms since {@code measuredStartNanos}. */
    public List<Recovery> recoveries(long measuredStartNanos) {
        Map<Fault, List<Entry>> byFault = new IdentityHashMap<>();
        List<Fault> order = new ArrayList<>();
        for (Entry e : entries) {
            if (e.backNanos < 0) {
                continue;
            }
            byFault.computeIfAbsent(e.fault, f -> {
                order.add(f);
                return new ArrayList<>();
            }).add(e);
        }
        List<Recovery> recoveries = new ArrayList<>();
        for (Fault fault : order) {
            recoveries.add(recovery(fault, byFault.get(fault), measuredStartNanos));
        }
        return recoveries;
    }

    private Recovery recovery(Fault fault, List<Entry> hit, long origin) {
        long start = hit.stream().mapToLong(e -> e.startNanos).min().orElseThrow();
        long end = hit.stream().mapToLong(e -> e.backNanos).max().orElseThrow();
        Long harness = null;
        if (fault instanceof Fault.BrokerOutage) {
            OptionalLong connected = harnessConnectedSince.apply(start);
            harness = connected.isPresent() ? after(end, connected.getAsLong()) : null;
        }
        List<Recovery.TwinRecovery> twins = new ArrayList<>();
        hit.stream().sorted(java.util.Comparator.comparingInt(e -> e.twin)).forEach(e -> {
            String thing = things.get(e.twin);
            Long connected = connections.firstSince(thing, e.startNanos).map(c -> after(e.backNanos, c.connectedNanos()))
                    .orElse(null);
            Long answering = e.firstAnswerNanos < 0 ? null : after(e.backNanos, e.firstAnswerNanos);
            twins.add(new Recovery.TwinRecovery(thing, ms(e.backNanos - origin), connected, answering));
        });
        return new Recovery(fault.kind(), ms(start - origin), ms(end - origin), harness, twins);
    }

    /** Ms from {@code fromNanos} to {@code toNanos}; 0 when it came first (a stamp a hair early). */
    private static long after(long fromNanos, long toNanos) {
        return Math.max(0, ms(toNanos - fromNanos));
    }

    private static long ms(long nanos) {
        return Math.floorDiv(nanos, 1_000_000);
    }

    private static final class Entry {
        final Fault fault;
        final int twin;
        final long startNanos;
        volatile long backNanos = -1;
        volatile long watermark;
        volatile long firstAnswerNanos = -1;

        Entry(Fault fault, int twin, long startNanos) {
            this.fault = fault;
            this.twin = twin;
            this.startNanos = startNanos;
        }
    }
}
