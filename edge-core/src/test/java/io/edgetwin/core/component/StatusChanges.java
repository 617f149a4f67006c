package io.edgetwin.core.component;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records every status a component announces, and waits for one with a timeout. */
final class StatusChanges implements Consumer<Component> {

    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<ComponentStatus> changes = new LinkedBlockingQueue<>();

    @Override
    public void accept(Component component) {
        changes.add(component.status());
    }

    /** "STATE/CODE" of each announced change up to and including the first that matches {@code done}. */
    List<String> until(Predicate<ComponentStatus> done) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            ComponentStatus status = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(status, "not there within " + WAIT_SECONDS + " s; seen " + seen);
            seen.add(status.state() + "/" + status.statusCode());
            if (done.test(status)) {
                return seen;
            }
        }
    }

    List<String> until(ComponentState state) throws InterruptedException {
        return until(s -> s.state() == state);
    }
}
