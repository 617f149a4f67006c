package io.edgetwin.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An example Lambda handler that leaks: every event keeps {@code leakMb} more (default 16) of native
 * memory, touched page by page, for as long as its instance lives, as a model cache that never evicts
 * would. In a {@code GreengrassContainer} its function's memory size ends it with an OOM kill.
 */
public final class LeakyHandler implements RequestHandler<Map<String, Object>, String> {

    private static final int MB = 1024 * 1024;
    private static final List<ByteBuffer> KEPT = new ArrayList<>();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        int leakMb = event.get("leakMb") instanceof Number n ? n.intValue() : 16;
        for (int i = 0; i < leakMb; i++) {
            ByteBuffer chunk = ByteBuffer.allocateDirect(MB);
            for (int page = 0; page < MB; page += 4096) {
                chunk.put(page, (byte) 1);
            }
            KEPT.add(chunk);
        }
        return "holding " + KEPT.size() + " MB of " + context.getMemoryLimitInMB() + " MB";
    }
}
