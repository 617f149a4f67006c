package io.edgetwin.simulator.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a run started, closed in reverse order exactly once: at the end of the run, after a
 * failure, or from the JVM's shutdown hook on Ctrl-C. Failures while closing are collected with
 * {@code addSuppressed} so one failing {@code close()} neither hides the first error nor leaves the
 * rest running.
 */
public final class Teardown implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    /**
     * Registers a resource to close later. After {@link #close()} began (Ctrl-C while a twin was being
     * created), the resource is closed at once and the run stops with {@link TeardownStartedException}.
     */
    public <T extends AutoCloseable> T register(T resource) throws Exception {
        synchronized (this) {
            if (!closed) {
                resources.push(resource);
                return resource;
            }
        }
        resource.close();
        throw new TeardownStartedException();
    }

    /** Closes one resource now (e.g. a variant's twin) and forgets it. */
    public void closeNow(AutoCloseable resource) throws Exception {
        synchronized (this) {
            if (!resources.remove(resource)) {
                return;
            }
        }
        resource.close();
    }

    @Override
    public void close() throws Exception {
        synchronized (this) {
            closed = true;
        }
        Exception first = null;
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = resources.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The run was interrupted (Ctrl-C) while it was still starting things. */
    public static final class TeardownStartedException extends Exception {
        TeardownStartedException() {
            super("the run was interrupted; everything it started has been stopped");
        }
    }
}
