package io.edgetwin.inference;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference component: a separate OS process the core starts from its recipe. It loads the
 * model, tells the core it is RUNNING, then answers requests from the cloud side
 * ({@code edgetwin/<thing>/inference/request} → {@code .../response}) and from local pub/sub
 * ({@code inference/request} → {@code inference/response}) in arrival order. A malformed request
 * gets an error answer; the component keeps serving.
 *
 * <p>Requests come and go over Greengrass IPC ({@link IpcRequests}, the SDK's official client).
 * Without batching ({@code maxBatchSize} 1) each request is predicted on the IPC client's event-loop thread as
 * it arrives. With batching, requests go to a {@link MicroBatcher} whose worker predicts them in
 * batches (see {@link InferenceOptions}) and sends the answers one by one, still in arrival order.
 */
public final class InferenceComponent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceComponent.class);

    private final Responder responder;
    private final Consumer<Responder.Reply> replies;
    private final MicroBatcher<Responder.Request> batcher;

    InferenceComponent(Responder responder, Consumer<Responder.Reply> replies, InferenceOptions options) {
        this.responder = responder;
        this.replies = replies;
        this.batcher = options.batching()
                ? new MicroBatcher<>("inference-batcher", options.maxBatchSize(), options.maxBatchWait(), this::answer)
                : null;
    }

    /**
     * {@code InferenceComponent <model>}: a model name is read from {@code $EDGETWIN_HOME/models/<name>}
     * (the models the twin image ships); a path (anything with a {@code /}) is the model's folder itself,
     * e.g. {@code {artifacts:path}} of a component version whose model came from the artifact store.
     * The options come from the {@code edgetwin.inference.*} system properties.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: InferenceComponent <model-name>");
        }
        Map<String, String> env = System.getenv();
        InferenceOptions options = InferenceOptions.from(System.getProperties());
        TorchThreads threads = options.torchThreads(System.getProperties(), TorchThreads.CGROUP_ROOT,
                Runtime.getRuntime().availableProcessors()).apply();
        Path modelDir = args[0].contains("/") ? Path.of(args[0])
                : Path.of(env.getOrDefault("EDGETWIN_HOME", "/opt/edgetwin"), "models", args[0]);
        long startNanos = System.nanoTime();
        Classifier loaded;
        try {
            loaded = loadWarmedUp(modelDir, options.maxBatchSize());
        } catch (IllegalArgumentException e) { // a model that does not match its manifest: one line, not a trace
            LOG.error("model-load-failed model={} reason={}", args[0], e.getMessage());
            System.exit(2);
            return;
        }
        try (Classifier classifier = loaded) {
            // the engine's own counts, read back: proof that the setting reached PyTorch
            LOG.info("model-loaded model={} format={} threads={} intraOpThreads={} interOpThreads={} "
                            + "maxBatchSize={} maxBatchWaitMs={} loadMs={}", args[0],
                    classifier.manifest().format().id(), threads.intraOpThreads(), classifier.intraOpThreads(),
                    classifier.interOpThreads(), options.maxBatchSize(), options.maxBatchWait().toMillis(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            serve(classifier, options, env);
        }
    }

    /**
     * Loads the model and runs one input and one full batch through it, so the first request does not
     * pay for lazy initialisation and a batch that cannot fit in memory fails at start, not under load.
     */
    private static Classifier loadWarmedUp(Path modelDir, int maxBatchSize) {
        Classifier classifier = Classifier.load(modelDir);
        float[] zeros = new float[classifier.manifest().inputLength()];
        classifier.predict(zeros);
        if (maxBatchSize > 1) {
            classifier.predictBatch(Collections.nCopies(maxBatchSize, zeros));
        }
        return classifier;
    }

    private static void serve(Classifier classifier, InferenceOptions options, Map<String, String> env) throws Exception {
        // a second inference component on the twin listens on its own topic (recipe configuration 'topic')
        String topic = System.getProperty("edgetwin.inference.topic", "inference");
        try (IpcRequests ipc = IpcRequests.connect(env, topic);
                InferenceComponent component = new InferenceComponent(
                        new Responder(classifier, Clock.systemUTC(), System::nanoTime), ipc::send, options)) {
            ipc.serve(component::request);
        }
    }

    /** Takes one request: answers it now, or hands it to the batch worker. */
    void request(Responder.Request request) {
        if (batcher == null) {
            answer(List.of(request));
        } else {
            batcher.submit(request);
        }
    }

    private void answer(List<Responder.Request> requests) {
        responder.answer(requests).forEach(replies);
    }

    /** Stops the batch worker, if there is one; requests still queued get no answer. */
    @Override
    public void close() {
        if (batcher != null) {
            batcher.close();
        }
    }
}
