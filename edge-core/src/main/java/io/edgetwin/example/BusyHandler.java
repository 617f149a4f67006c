package io.edgetwin.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An example Lambda handler that keeps its instance busy for {@code holdMs} of the event (default: the
 * {@code HOLD_MS} environment variable, else 200), spinning on the CPU as a bursty neighbour would, and
 * answers how long it had left.
 */
public final class BusyHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        long holdMs = event.get("holdMs") instanceof Number n ? n.longValue()
                : Long.parseLong(System.getenv().getOrDefault("HOLD_MS", "200"));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMs);
        long spins = 0;
        while (System.nanoTime() < until) {
            spins++;
        }
        return "held " + holdMs + " ms (" + spins + " spins); " + context.getRemainingTimeInMillis() + " ms left";
    }
}
