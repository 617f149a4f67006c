package io.edgetwin.core.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The BROKEN rule: {@code maxErrors} errors within {@code window} (Greengrass hard-codes 3 within an
 * hour; here both are settings). Errors older than the window are forgotten.
 */
final class ErrorWindow {

    private final Clock clock;
    private final int maxErrors;
    private final Duration window;
    private final Deque<Instant> errors = new ArrayDeque<>();

    ErrorWindow(Clock clock, int maxErrors, Duration window) {
        this.clock = clock;
        this.maxErrors = maxErrors;
        this.window = window;
    }

    /** Counts one error now; true when that makes {@code maxErrors} within the window. */
    boolean countAndCheckBroken() {
        Instant now = clock.instant();
        errors.addLast(now);
        while (!errors.isEmpty() && errors.peekFirst().isBefore(now.minus(window))) {
            errors.removeFirst();
        }
        return errors.size() >= maxErrors;
    }
}
