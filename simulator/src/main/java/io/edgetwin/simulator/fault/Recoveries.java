package io.edgetwin.simulator.fault;

/**
 * Told when a fault that cuts twins off (a broker outage, a power loss) starts for a twin and when what
 * it took away is back, so the run can time how the twin came back: connected, then answering.
 * Called on the injector's threads; {@link #NONE} ignores both.
 */
public interface Recoveries {

    Recoveries NONE = new Recoveries() {
        @Override
        public void started(Fault fault, int twin) {
        }

        @Override
        public void back(Fault fault, int twin) {
        }
    };

    /** {@code fault} cut {@code twin} (0-based) off just now. */
    void started(Fault fault, int twin);

    /** What {@code fault} took from {@code twin} is back just now: the broker listens again, the container runs again. */
    void back(Fault fault, int twin);
}
