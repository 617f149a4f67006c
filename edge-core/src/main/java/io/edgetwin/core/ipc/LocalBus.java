package io.edgetwin.core.ipc;

import io.edgetwin.mqtt.TopicFilter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local publish/subscribe between components, without persistence. Each subscriber sees messages in
 * publish order (delivery happens on the publisher's thread, and each subscriber serialises its own
 * writes). A subscriber may opt out of its own messages.
 */
public final class LocalBus {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public Subscription subscribe(String owner, TopicFilter filter, boolean receiveOwn, Subscriber subscriber) {
        Subscription subscription = new Subscription(owner, filter, receiveOwn, subscriber);
        subscriptions.add(subscription);
        return subscription;
    }

    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    /** Delivers a JSON payload to every matching subscription; returns how many received it. */
    public int publish(String publisher, String topic, byte[] payload) {
        return publish(publisher, topic, payload, true);
    }

    /** How many subscriptions are held, by every owner. */
    public int size() {
        return subscriptions.size();
    }

    /**
     * Delivers to every matching subscription, saying whether the payload is JSON or bytes; returns how
     * many received it.
     */
    public int publish(String publisher, String topic, byte[] payload, boolean json) {
        TopicFilter.requirePublishTopic(topic);
        int delivered = 0;
        for (Subscription s : subscriptions) {
            if ((s.receiveOwn() || !s.owner().equals(publisher)) && s.filter().matches(topic)) {
                s.subscriber().deliver(topic, payload, json);
                delivered++;
            }
        }
        return delivered;
    }

    /** One subscription of one owner (a component name, or the core itself). */
    public record Subscription(String owner, TopicFilter filter, boolean receiveOwn, Subscriber subscriber) {
        public Subscription {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(subscriber, "subscriber");
        }
    }
}
