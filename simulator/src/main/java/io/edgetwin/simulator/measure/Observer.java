package io.edgetwin.simulator.measure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches one variant's fleet: every second ({@link #sample}) each twin's container cgroup from the
 * host (a twin without one here, on another machine, from its core's status: memory and OOM kills)
 * and each component's cgroup from the core's latest status; on every status message
 * ({@link #onStatus}) the changes that are events — component state changes, restarts, OOM kills,
 * deployment outcomes, reconnects (a twin heard again after {@link #SILENCE_MS} of silence) and
 * power-ons (its core's uptime went back). Faults add their own events ({@link #event}).
 */
public final class Observer {

    /** A twin's core reports every second; this long without a status means it was away. */
    public static final long SILENCE_MS = 3_000;

    private final Map<String, HostCgroup> cgroups;
    private final Map<String, Limits> limits;
    private final Clock clock;
    private final Map<String, Map<String, List<ResourceSample>>> samples = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, TwinStatus> latest = new ConcurrentHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final Gaps gaps = new Gaps();
    private volatile long startNanos = System.nanoTime();

    /** Limits per series key ({@code twin/component}), to label the series. */
    public record Limits(Long memoryBytes, Double cpus) {
    }

    /** @param cgroups each twin's container cgroup on this host; a null value: the twin runs elsewhere */
    public Observer(Map<String, HostCgroup> cgroups, Map<String, Limits> limits, Clock clock) {
        this.cgroups = new LinkedHashMap<>(cgroups);
        this.limits = Map.copyOf(limits);
        this.clock = clock;
    }

    /** From now on, times count from {@code nanos} (the start of the measured part). */
    public void startsAt(long nanos) {
        startNanos = nanos;
    }

    public long tMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public void event(String twin, String component, String kind, String detail) {
        synchronized (events) {
            events.add(new Event(tMs(), twin, component, kind, detail));
        }
    }

    /**
     * Takes one reading of every twin and component; called once a second. A reading that cannot be
     * taken opens a {@link SeriesGap} naming why; a component's reading needs a status of its twin's
     * core from the last {@link #SILENCE_MS}, so a silent core leaves a gap, not a flat line.
     */
    public void sample() {
        long t = tMs();
        long now = clock.millis();
        cgroups.forEach((twin, cgroup) -> {
            if (cgroup == null) {
                sampleDeviceFromStatus(twin, t, now);
            } else {
                sampleDevice(twin, cgroup, t);
            }
            sampleComponents(twin, t, now);
        });
    }

    private void sampleDevice(String twin, HostCgroup cgroup, long t) {
        HostCgroup.Reading reading = cgroup.read(t);
        if (reading instanceof HostCgroup.Taken taken) {
            add(twin, Series.DEVICE, taken.sample());
            gaps.sampled(twin, Series.DEVICE, t);
            if (taken.peakNote() != null) {
                gaps.estimated(twin, Series.DEVICE, "memoryPeakBytes", t, taken.peakNote());
            }
        } else if (reading instanceof HostCgroup.Missed missed && !Thread.currentThread().isInterrupted()) {
            gaps.missed(twin, Series.DEVICE, t, missed.reason());
        }
    }

    /** The whole twin as its core reports it: memory, peak and OOM kills of its own cgroup, no CPU. */
    private void sampleDeviceFromStatus(String twin, long t, long now) {
        TwinStatus status = latest.get(twin);
        Seen heard = seen.get(twin);
        if (status == null || heard == null || now - heard.atMillis() > SILENCE_MS || status.memory() == null) {
            gaps.missed(twin, Series.DEVICE, t, "the twin runs on another machine and its core sent no status for more than "
                    + SILENCE_MS / 1000 + " s");
            return;
        }
        add(twin, Series.DEVICE, new ResourceSample(t, status.memory().currentBytes(), status.memory().peakBytes(), 0, 0, 0, 0,
                0, status.oomKills()));
        gaps.sampled(twin, Series.DEVICE, t);
    }

    private void sampleComponents(String twin, long t, long now) {
        TwinStatus status = latest.get(twin);
        Seen heard = seen.get(twin);
        if (status == null || heard == null) {
            return;
        }
        long silentMs = now - heard.atMillis();
        status.components().forEach((name, c) -> {
            TwinStatus.Resources r = c.resources();
            if (silentMs > SILENCE_MS) {
                gaps.missed(twin, name, t, "no status from the twin's core for more than " + SILENCE_MS / 1000 + " s");
            } else if (r == null) {
                gaps.missed(twin, name, t, "the twin's core reports no cgroup readings for it (it runs without a cgroup"
                        + " of its own)");
            } else {
                add(twin, name, new ResourceSample(t, r.memoryBytes(), r.memoryPeakBytes(), r.cpuUsageNanos(),
                        r.throttledPeriods(), r.periods(), r.throttledNanos(), r.majorFaults(), r.oomKills()));
                gaps.sampled(twin, name, t);
            }
        });
    }

    /** What could not be sampled so far: gaps still open were cut off (or never sampled). */
    public List<SeriesGap> gaps() {
        return gaps.all();
    }

    /** Handler for every status message; ignores twins of other variants. */
    public void onStatus(TwinStatus status) {
        if (!cgroups.containsKey(status.thing())) {
            return;
        }
        long now = clock.millis();
        Seen before = seen.get(status.thing());
        latest.put(status.thing(), status);
        Seen after = Seen.of(status, now);
        seen.put(status.thing(), after);
        if (before != null) {
            changes(status.thing(), before, after, now);
        }
    }

    private void changes(String twin, Seen before, Seen after, long now) {
        if (after.uptimeMs() < before.uptimeMs()) {
            event(twin, null, "power-on", "core started again (uptime " + after.uptimeMs() + " ms)");
        }
        if (now - before.atMillis() > SILENCE_MS) {
            event(twin, null, "reconnect", "heard again after " + (now - before.atMillis()) + " ms of silence");
        }
        if (!after.deployment().equals(before.deployment())) {
            event(twin, null, "deployment", after.deployment());
        }
        after.components().forEach((name, c) -> {
            ComponentSeen old = before.components().get(name);
            if (old == null || !old.state().equals(c.state())) {
                event(twin, name, "state-change", (old == null ? "NEW" : old.state()) + " -> " + c.state()
                        + (c.lastExit().isEmpty() ? "" : " (" + c.lastExit() + ")"));
            }
            if (old != null && c.restarts() > old.restarts()) {
                event(twin, name, "restart", "restart " + c.restarts() + (c.lastExit().isEmpty() ? "" : " after " + c.lastExit()));
            }
            if (old != null && c.oomKills() > old.oomKills()) {
                event(twin, name, "oom-kill", "OOM kills " + old.oomKills() + " -> " + c.oomKills());
            }
        });
        if (after.deviceOomKills() > before.deviceOomKills()) {
            event(twin, null, "oom-kill", "twin OOM kills " + before.deviceOomKills() + " -> " + after.deviceOomKills());
        }
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<Series> series() {
        List<Series> series = new ArrayList<>();
        samples.forEach((twin, byComponent) -> byComponent.forEach((component, list) -> {
            Limits l = limits.getOrDefault(twin + "/" + component, new Limits(null, null));
            synchronized (list) {
                boolean remoteDevice = Series.DEVICE.equals(component) && cgroups.get(twin) == null;
                series.add(new Series(twin, component, l.memoryBytes(), l.cpus(), list,
                        remoteDevice ? Series.CORE_STATUS_MEMORY_ONLY : Series.DEVICE.equals(component) ? Series.HOST_CGROUP
                                : Series.CORE_STATUS));
            }
        }));
        return series;
    }

    public List<TwinSummary> twins() {
        List<TwinSummary> twins = new ArrayList<>();
        for (String twin : cgroups.keySet()) {
            TwinStatus s = latest.get(twin);
            Seen seenLast = seen.get(twin);
            Map<String, String> states = new LinkedHashMap<>();
            if (s != null) {
                s.components().forEach((name, c) -> states.put(name, c.state()));
            }
            long reconnects = events().stream().filter(e -> twin.equals(e.twin()) && e.kind().equals("reconnect")).count();
            twins.add(new TwinSummary(twin, s == null || s.deployment() == null ? null : s.deployment().id(),
                    s == null || s.deployment() == null ? null : s.deployment().status(), states,
                    seenLast == null ? null : Instant.ofEpochMilli(seenLast.atMillis()).toString(), (int) reconnects));
        }
        return twins;
    }

    private void add(String twin, String component, ResourceSample sample) {
        List<ResourceSample> list = samples.computeIfAbsent(twin, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(component, c -> new ArrayList<>());
        synchronized (list) {
            list.add(sample);
        }
    }

    private record ComponentSeen(String state, int restarts, long oomKills, String lastExit) {
    }

    private record Seen(long atMillis, long uptimeMs, String deployment, long deviceOomKills,
                        Map<String, ComponentSeen> components) {
        static Seen of(TwinStatus s, long now) {
            Map<String, ComponentSeen> components = new LinkedHashMap<>();
            s.components().forEach((name, c) -> components.put(name, new ComponentSeen(c.state(), c.restarts(),
                    c.resources() == null ? 0 : c.resources().oomKills(), c.lastExit() == null ? "" : c.lastExit())));
            String deployment = s.deployment() == null ? "" : s.deployment().id() + " " + s.deployment().status();
            return new Seen(now, s.uptimeMs(), deployment, s.oomKills(), components);
        }
    }
}
