package io.edgetwin.inference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The inference component's settings from its recipe configuration. The recipe's Run line passes
 * them as system properties ({@code -Dedgetwin.inference.threads={configuration:/threads}} and so on),
 * so a deployment's configuration merge changes them without touching the script.
 *
 * @param threads PyTorch intra-op and inter-op threads; empty for {@code auto} (sized from the CPU
 *     quota by {@link TorchThreads})
 * @param maxBatchSize the most requests predicted in one forward pass; 1 turns batching off
 * @param maxBatchWait how long a batch waits for more requests after its first one; zero takes only
 *     the requests already queued (those that arrived while the previous batch was computed)
 */
public record InferenceOptions(OptionalInt threads, int maxBatchSize, Duration maxBatchWait) {

    public static final String THREADS_PROPERTY = "edgetwin.inference.threads";
    public static final String MAX_BATCH_SIZE_PROPERTY = "edgetwin.inference.maxBatchSize";
    public static final String MAX_BATCH_WAIT_MS_PROPERTY = "edgetwin.inference.maxBatchWaitMs";
    public static final String AUTO = "auto";

    public InferenceOptions {
        if (threads.isPresent() && threads.getAsInt() < 1) {
            throw new IllegalArgumentException("threads must be 'auto' or >= 1; got " + threads.getAsInt());
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1; got " + maxBatchSize);
        }
        if (maxBatchWait.isNegative()) {
            throw new IllegalArgumentException("maxBatchWaitMs must be >= 0; got " + maxBatchWait.toMillis());
        }
    }

    /** Quota-sized threads, no batching: the component's behaviour without configuration. */
    public static InferenceOptions defaults() {
        return new InferenceOptions(OptionalInt.empty(), 1, Duration.ZERO);
    }

    /** Reads the three properties; an absent one takes its default, a malformed one is named. */
    public static InferenceOptions from(Properties properties) {
        String threads = properties.getProperty(THREADS_PROPERTY, AUTO).trim();
        return new InferenceOptions(
                threads.equalsIgnoreCase(AUTO) ? OptionalInt.empty() : OptionalInt.of(parse(THREADS_PROPERTY, threads)),
                parse(MAX_BATCH_SIZE_PROPERTY, properties.getProperty(MAX_BATCH_SIZE_PROPERTY, "1")),
                Duration.ofMillis(parse(MAX_BATCH_WAIT_MS_PROPERTY, properties.getProperty(MAX_BATCH_WAIT_MS_PROPERTY, "0"))));
    }

    /** Whether requests are collected into batches, on a worker thread of their own. */
    public boolean batching() {
        return maxBatchSize > 1;
    }

    /**
     * The thread counts to {@linkplain TorchThreads#apply() apply}: a configured number sets both
     * pools and wins over the quota and over {@code ai.djl.pytorch.*} properties; {@code auto} keeps
     * such properties, else sizes from the CPU quota under {@code cgroupRoot}.
     */
    public TorchThreads torchThreads(Properties properties, Path cgroupRoot, int availableProcessors) {
        if (threads.isPresent()) {
            return TorchThreads.fixed(threads.getAsInt());
        }
        return TorchThreads.choose(properties, TorchThreads.forCpuCap(cgroupRoot, availableProcessors));
    }

    private static int parse(String property, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            String expected = property.equals(THREADS_PROPERTY) ? "'auto' or a whole number" : "a whole number";
            throw new IllegalArgumentException("property " + property + " must be " + expected + "; got '" + value + "'", e);
        }
    }
}
