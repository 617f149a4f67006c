package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.fault.FaultInjector;
import io.edgetwin.simulator.fault.LinkConditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code faults}: each at an offset from the start of the measured part, ending before the run
 * does, aimed at a twin that exists.
 */
final class FaultReader {

    private static final Set<String> COMMON = Set.of("at", "kind", "for", "twin");
    private static final Map<String, Set<String>> EXTRA = Map.ofEntries(
            Map.entry("wan-outage", Set.<String>of()),
            Map.entry("neighbour-leak", Set.of("leakMbPerSecond")),
            Map.entry("neighbour-spin", Set.of("threads")),
            Map.entry("crash-loop", Set.of("afterSeconds", "exitCode")),
            Map.entry("broker-outage", Set.<String>of()),
            Map.entry("power-loss", Set.<String>of()),
            Map.entry("link", Set.of("cut", "latency", "loss", "bandwidth")),
            Map.entry("limits", Set.of("component", "memory", "cpus")),
            Map.entry("device-caps", Set.of("memory", "cpus")),
            Map.entry("rogue-publish", Set.of("messages", "via", "from")),
            Map.entry("rogue-subscribe", Set.of("messages", "via", "from")),
            Map.entry("foreign-ca", Set.<String>of()),
            Map.entry("cert-expired", Set.<String>of()),
            Map.entry("cert-revoked", Set.<String>of()));
    private static final Map<String, String> NEIGHBOURS = Map.of(
            "neighbour-leak", "com.edgetwin.MemoryLeaker",
            "neighbour-spin", "com.edgetwin.CpuHog",
            "crash-loop", "com.edgetwin.Crasher");

    private final RecipeCatalog catalog;
    private final Map<String, ScenarioComponent> components;
    private final int twins;
    private final Duration duration;

    FaultReader(RecipeCatalog catalog, Map<String, ScenarioComponent> components, int twins, Duration duration) {
        this.catalog = catalog;
        this.components = components;
        this.twins = twins;
        this.duration = duration;
    }

    List<Fault> read(Node node) {
        List<Fault> faults = new ArrayList<>();
        for (Node entry : node.sequence()) {
            faults.add(fault(entry));
        }
        return faults;
    }

    private Fault fault(Node node) {
        Map<String, Node> raw = node.entries();
        Node kindNode = Nodes.required(node, raw, "kind");
        String kind = kindNode.text();
        if (!EXTRA.containsKey(kind)) {
            throw kindNode.error("'" + kind + "' is not a fault; expected one of " + new java.util.TreeSet<>(EXTRA.keySet()));
        }
        Set<String> allowed = new java.util.HashSet<>(COMMON);
        allowed.addAll(EXTRA.get(kind));
        Map<String, Node> f = node.mapping(allowed);
        Node atNode = Nodes.required(node, f, "at");
        Duration at = Quantities.duration(atNode);
        boolean lasting = Set.of("neighbour-leak", "neighbour-spin", "crash-loop", "broker-outage", "link", "wan-outage").contains(kind);
        Duration length = f.containsKey("for") ? Quantities.duration(f.get("for")) : Duration.ZERO;
        if (lasting && length.isZero()) {
            throw node.error("'for' is missing or zero; a " + kind + " fault lasts a while, e.g. for: 10s");
        }
        checkInsideRun(atNode, at, length);
        Integer twin = f.containsKey("twin") ? Nodes.twin(f.get("twin"), twins) : null;
        if (kind.equals("link") && twin == null) {
            throw node.error("'twin' is missing; a link fault is aimed at one twin's proxy (1 to " + twins + ")");
        }
        return switch (kind) {
            case "broker-outage" -> new Fault.BrokerOutage(at, length);
            case "power-loss" -> new Fault.PowerLoss(at, length, twin);
            case "wan-outage" -> new Fault.WanOutage(at, length, twin);
            case "link" -> new Fault.Link(at, length, twin, link(node, f));
            case "limits" -> limits(node, f, at, twin);
            case "device-caps" -> caps(node, f, at, twin);
            case "rogue-publish", "rogue-subscribe", "foreign-ca", "cert-expired", "cert-revoked" -> attack(node, f, kind, at, twin);
            default -> neighbour(node, f, kind, at, length, twin);
        };
    }

    private void checkInsideRun(Node atNode, Duration at, Duration length) {
        if (at.compareTo(duration) >= 0) {
            throw atNode.error("fault at " + at.toMillis() + " ms is after the end of the run; expected an offset below the"
                    + " workload duration (" + duration.toMillis() + " ms, counted from the end of the warm-up)");
        }
        if (at.plus(length).compareTo(duration) > 0) {
            throw atNode.error("fault from " + at.toMillis() + " ms for " + length.toMillis() + " ms ends after the run ("
                    + duration.toMillis() + " ms); expected it to end by then");
        }
    }

    private Fault neighbour(Node node, Map<String, Node> f, String kind, Duration at, Duration length, Integer twin) {
        String component = NEIGHBOURS.get(kind);
        if (!catalog.contains(component, "1.0.0")) {
            throw node.error("needs the recipe " + component + " 1.0.0, which the twin image does not ship " + catalog.ids());
        }
        if (components.containsKey(component)) {
            throw node.error(component + " is already one of the scenario's components; a " + kind
                    + " fault deploys it for a while, so leave it out of components");
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        for (String key : EXTRA.get(kind)) {
            if (f.containsKey(key)) {
                configuration.put(key, f.get(key).wholeNumber());
            }
        }
        return new Fault.Neighbour(kind, at, length, twin, component, "1.0.0", configuration);
    }

    private static LinkConditions link(Node node, Map<String, Node> f) {
        boolean cut = f.containsKey("cut") && Boolean.parseBoolean(f.get("cut").text());
        Duration latency = f.containsKey("latency") ? Quantities.duration(f.get("latency")) : Duration.ZERO;
        double loss = f.containsKey("loss") ? Quantities.percent(f.get("loss")) : 0;
        long bandwidth = f.containsKey("bandwidth") ? Quantities.bytesPerSecond(f.get("bandwidth")) : 0;
        if (!cut && latency.isZero() && loss == 0 && bandwidth == 0) {
            throw node.error("does nothing; expected cut: true, latency, loss or bandwidth");
        }
        return new LinkConditions(cut, latency, loss, bandwidth);
    }

    private Fault limits(Node node, Map<String, Node> f, Duration at, Integer twin) {
        Node component = Nodes.required(node, f, "component");
        if (!components.containsKey(component.text())) {
            throw component.error("'" + component.text() + "' is not one of the scenario's components " + components.keySet());
        }
        Long memory = f.containsKey("memory") ? positiveWhole(f.get("memory")) : null;
        Double cpus = f.containsKey("cpus") ? Quantities.positive(f.get("cpus")) : null;
        if (memory == null && cpus == null) {
            throw node.error("changes nothing; expected memory (KB) and/or cpus");
        }
        return new Fault.Limits(at, twin, component.text(), memory, cpus);
    }

    private static Fault caps(Node node, Map<String, Node> f, Duration at, Integer twin) {
        Long memory = f.containsKey("memory") ? Quantities.bytes(f.get("memory")) : null;
        Double cpus = f.containsKey("cpus") ? Quantities.positive(f.get("cpus")) : null;
        if (memory == null && cpus == null) {
            throw node.error("changes nothing; expected memory (e.g. 512m) and/or cpus");
        }
        return new Fault.DeviceCaps(at, twin, memory, cpus);
    }

    private Fault attack(Node node, Map<String, Node> f, String kind, Duration at, Integer twin) {
        long messages = f.containsKey("messages") ? f.get("messages").wholeNumber() : 20;
        if (messages < 1 || messages > 10_000) {
            throw f.get("messages").error(messages + " messages; expected 1 to 10000");
        }
        Fault.Attack.Via via = f.containsKey("via") ? via(f.get("via")) : Fault.Attack.Via.MQTT;
        Integer from = f.containsKey("from") ? Nodes.twin(f.get("from"), twins) : null;
        if (via == Fault.Attack.Via.IPC && twins < 2) {
            throw f.get("via").error("via: ipc needs a fleet of at least 2 twins: the attacker is a component on another twin"
                    + " than the victim; expected fleet.twins >= 2, or via: mqtt");
        }
        if (via == Fault.Attack.Via.IPC && !catalog.contains(FaultInjector.IPC_ATTACKER, "1.0.0")) {
            throw f.get("via").error("via: ipc needs the recipe " + FaultInjector.IPC_ATTACKER + " 1.0.0, which the twin image does"
                    + " not ship " + catalog.ids());
        }
        if (from != null && via != Fault.Attack.Via.IPC) {
            throw f.get("from").error("'from' names the twin whose component attacks; expected it only with via: ipc");
        }
        if (from != null && (twin == null || from.equals(twin))) {
            throw f.get("from").error(twin == null
                    ? "'from' with no 'twin' would attack twin " + from + " from itself; expected a 'twin' too"
                    : "twin " + from + " cannot attack itself; expected another twin than " + twin);
        }
        return new Fault.Attack(kind, at, twin, (int) messages, via, from);
    }

    private static Fault.Attack.Via via(Node node) {
        return switch (node.text()) {
            case "mqtt" -> Fault.Attack.Via.MQTT;
            case "ipc" -> Fault.Attack.Via.IPC;
            default -> throw node.error("'" + node.text() + "' is not a way to attack; expected mqtt (a client of its own)"
                    + " or ipc (a component on another twin, through Greengrass IPC)");
        };
    }

    private static long positiveWhole(Node node) {
        long value = node.wholeNumber();
        if (value <= 0) {
            throw node.error(value + " is not positive; expected kilobytes, e.g. 524288 for 512 MiB");
        }
        return value;
    }
}
