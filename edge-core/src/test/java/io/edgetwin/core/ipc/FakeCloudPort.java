package io.edgetwin.core.ipc;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/** The MQTT side, recorded: what components published, and subscriptions a test can push messages into. */
final class FakeCloudPort implements CloudPort {

    final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
    final BlockingQueue<CloudSubscription> subscriptions = new LinkedBlockingQueue<>();

    @Override
    public void publish(String topic, byte[] payload, int qos) {
        published.add(new Published(topic, new String(payload, UTF_8), qos));
    }

    @Override
    public AutoCloseable subscribe(String filter, Subscriber subscriber) {
        CloudSubscription subscription = new CloudSubscription(filter, subscriber);
        subscriptions.add(subscription);
        return subscription;
    }

    record Published(String topic, String payload, int qos) {
    }

    static final class CloudSubscription implements AutoCloseable {
        final String filter;
        final CompletableFuture<Void> cancelled = new CompletableFuture<>();
        private final Subscriber subscriber;

        CloudSubscription(String filter, Subscriber subscriber) {
            this.filter = filter;
            this.subscriber = subscriber;
        }

        /** A message from the broker, as MQTT's callback thread would hand it over. */
        void arrive(String topic, String payload) {
            subscriber.deliver(topic, payload.getBytes(UTF_8));
        }

        @Override
        public void close() {
            cancelled.complete(null);
        }
    }
}
