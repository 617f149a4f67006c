package io.edgetwin.simulator.load;

/**
 * How requests reach the twins and answers come back: MQTT through the run's broker
 * ({@link MqttTransport}), or a loopback socket to a null responder for measuring the generator itself.
 */
public interface Transport {

    /** How many twins requests can be addressed to (indices 0 .. twins-1). */
    int twins();

    /** Starts delivering answers to {@code answers}, from a thread of the transport's own. */
    void start(Answers answers);

    /**
     * Hands one request to the twin; false when it could not be handed over (e.g. the broker is
     * unreachable) — the driver then counts it as dropped.
     */
    boolean send(int twin, long id, Sample sample);

    /** Receives answers: the request id, the model's top label, or null when the answer was an error. */
    @FunctionalInterface
    interface Answers {
        void answered(long id, String label, long receivedNanos);
    }
}
