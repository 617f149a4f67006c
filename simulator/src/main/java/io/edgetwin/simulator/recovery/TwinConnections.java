package io.edgetwin.simulator.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection announcements of every twin's core ({@code edgetwin/<thing>/connection}, QoS 1): one
 * each time a core's MQTT connection is up with its subscriptions, stamped by the twin's clock. The
 * harness subscribes with its persistent session, so an announcement made while the harness itself was
 * still reconnecting is delivered afterwards; its stamp still says when the twin was connected.
 */
public final class TwinConnections {

    public static final String TOPIC_FILTER = "edgetwin/+/connection";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final java.util.function.LongSupplier nanoTicker;
    private final Map<String, List<Connection>> byThing = new ConcurrentHashMap<>();

    /**
     * @param clock      the wall clock the twins stamp with (containers share the host's clock)
     * @param nanoTicker the time now on the {@link System#nanoTime()} scale the run measures on
     */
    public TwinConnections(Clock clock, java.util.function.LongSupplier nanoTicker) {
        this.clock = clock;
        this.nanoTicker = nanoTicker;
    }

    /**
     * One announcement: when the harness received it ({@link System#nanoTime()}) and, on that same scale,
     * when the twin says it connected (its stamp, never later than the receipt).
     */
    public record Connection(long receivedNanos, long connectedNanos, boolean reconnect) {
    }

    /** Handler for messages on {@link #TOPIC_FILTER}; ignores what is not an announcement. */
    public void accept(String topic, byte[] payload) {
        long receivedNanos = nanoTicker.getAsLong();
        long receivedMillis = clock.millis();
        try {
            JsonNode message = JSON.readTree(payload);
            String thing = message.path("thing").asText("");
            Instant stamp = Instant.parse(message.path("timestamp").asText(""));
            if (thing.isEmpty() || !message.path("connected").asBoolean(false)) {
                return;
            }
            long agoNanos = Math.max(0, (receivedMillis - stamp.toEpochMilli()) * 1_000_000);
            byThing.computeIfAbsent(thing, t -> new CopyOnWriteArrayList<>())
                    .add(new Connection(receivedNanos, receivedNanos - agoNanos, message.path("reconnect").asBoolean(false)));
        } catch (IOException | DateTimeParseException e) {
            // Not an announcement of ours: nothing to record.
        }
    }

    /** The first announcement of {@code thing} received at or after {@code sinceNanos}. */
    public Optional<Connection> firstSince(String thing, long sinceNanos) {
        return byThing.getOrDefault(thing, List.of()).stream().filter(c -> c.receivedNanos() >= sinceNanos).findFirst();
    }
}
