package io.edgetwin.simulator.fault;

/**
 * Told when a fault that cuts twins off (a broker outage, a power loss) starts for a twin and when what
 * it took away is back, so the run can time how the twin came back: connected, then answering.
 * Called on the injector's threads; {@link #NONE} ignores both.
 */
public interface Recoveries {

    Recoveries NONE = new Recoveries() {
        @Override
        public void started(Fault fault, int twin, long atNanos) {
        }

        @Override
        public void back(Fault fault, int twin, long atNanos) {
        }
    };

    /** {@code fault} cut {@code twin} (0-based) off at {@code atNanos} (a System.nanoTime value). */
    void started(Fault fault, int twin, long atNanos);

    /**
     * What {@code fault} took from {@code twin} was back at {@code atNanos}: the broker listening again
     * (one moment for every twin), or the twin's container running again.
     */
    void back(Fault fault, int twin, long atNanos);
}
