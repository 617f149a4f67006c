package io.edgetwin.core.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test handler whose event says what to do: {@code {"holdMs": N}} holds the instance that long,
 * {@code {"fail": true}} throws, {@code {"halt": N}} ends the instance's JVM at once with exit status N
 * (as a kill from outside would). It answers with what its context said, and the handler's pid.
 */
public final class ScriptedHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalStateException("scripted failure");
        }
        if (event.get("halt") instanceof Number status) {
            Runtime.getRuntime().halt(status.intValue());
        }
        Number hold = (Number) event.getOrDefault("holdMs", 0);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(hold.longValue());
        while (System.nanoTime() < until) {
            LockSupport.parkNanos(until - System.nanoTime());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("remainingMs", context.getRemainingTimeInMillis());
        answer.put("memoryMb", context.getMemoryLimitInMB());
        answer.put("function", context.getFunctionName());
        answer.put("pid", ProcessHandle.current().pid());
        answer.put("echo", event.get("echo"));
        return answer;
    }
}
