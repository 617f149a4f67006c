package io.edgetwin.core.ipc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgetwin.mqtt.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalBusTest {

    private final LocalBus bus = new LocalBus();

    @Test
    void deliversOnlyToMatchingSubscribers() {
        Inbox vibration = new Inbox();
        Inbox anySensor = new Inbox();
        Inbox commands = new Inbox();
        bus.subscribe("a", new TopicFilter("sensors/vibration"), false, vibration);
        bus.subscribe("b", new TopicFilter("sensors/#"), false, anySensor);
        bus.subscribe("c", new TopicFilter("commands/+"), false, commands);

        int delivered = bus.publish("d", "sensors/vibration", bytes("{\"g\":1}"));

        assertEquals(2, delivered);
        assertEquals(List.of("sensors/vibration {\"g\":1}"), vibration.received);
        assertEquals(List.of("sensors/vibration {\"g\":1}"), anySensor.received);
        assertEquals(List.of(), commands.received);
    }

    @Test
    void eachSubscriberSeesManyMessagesInPublishOrder() {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        bus.subscribe("a", new TopicFilter("n/#"), false, first);
        bus.subscribe("b", new TopicFilter("n/+"), false, second);
        List<String> expected = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) {
            String topic = "n/" + (i % 7);
            bus.publish("p", topic, bytes(Integer.toString(i)));
            expected.add(topic + " " + i);
        }

        assertEquals(expected, first.received);
        assertEquals(expected, second.received);
    }

    @Test
    void subscriberThatOptsOutDoesNotReceiveItsOwnMessages() {
        Inbox optedOut = new Inbox();
        Inbox wantsOwn = new Inbox();
        bus.subscribe("camera", new TopicFilter("t"), false, optedOut);
        bus.subscribe("camera", new TopicFilter("t"), true, wantsOwn);

        bus.publish("camera", "t", bytes("own"));
        bus.publish("other", "t", bytes("theirs"));

        assertEquals(List.of("t theirs"), optedOut.received);
        assertEquals(List.of("t own", "t theirs"), wantsOwn.received);
    }

    @Test
    void unsubscribeRemovesOneSubscription() {
        Inbox kept = new Inbox();
        Inbox dropped = new Inbox();
        bus.subscribe("a", new TopicFilter("t"), false, kept);
        LocalBus.Subscription subscription = bus.subscribe("a", new TopicFilter("t"), false, dropped);

        bus.unsubscribe(subscription);
        bus.publish("p", "t", bytes("x"));

        assertEquals(List.of("t x"), kept.received);
        assertEquals(List.of(), dropped.received);
    }

    @Test
    void publishingToAWildcardTopicIsRefusedBeforeAnyDelivery() {
        Inbox all = new Inbox();
        bus.subscribe("a", new TopicFilter("#"), false, all);

        assertThrows(IllegalArgumentException.class, () -> bus.publish("p", "t/+", bytes("x")));

        assertEquals(List.of(), all.received);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    /** Records "topic payload" per delivery, on the publisher's thread. */
    private static final class Inbox implements Subscriber {
        final List<String> received = new ArrayList<>();

        @Override
        public void deliver(String topic, byte[] payload) {
            received.add(topic + " " + new String(payload, UTF_8));
        }
    }
}
