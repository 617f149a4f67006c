package io.edgetwin.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgetwin.core.ipc.IpcClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference component: a separate OS process the core starts from its recipe. It loads the model,
 * tells the core it is RUNNING, then answers requests from the cloud side
 * ({@code edgetwin/<thing>/inference/request} → {@code .../response}) and from local pub/sub
 * ({@code inference/request} → {@code inference/response}) one at a time, in arrival order.
 * A malformed request gets an error answer; the component keeps serving.
 */
public final class InferenceComponent implements IpcClient.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceComponent.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCAL_REQUEST = "inference/request";
    private static final String LOCAL_RESPONSE = "inference/response";

    private final AnomalyModel model;
    private final IpcClient ipc;
    private final String cloudResponse;

    private InferenceComponent(AnomalyModel model, IpcClient ipc, String thing) {
        this.model = model;
        this.ipc = ipc;
        this.cloudResponse = "edgetwin/" + thing + "/inference/response";
    }

    /** {@code InferenceComponent <model-name>}: the model is read from {@code $EDGETWIN_HOME/models/<name>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: InferenceComponent <model-name>");
        }
        Map<String, String> env = System.getenv();
        TorchThreads threads = TorchThreads.forThisProcess().apply();
        Path modelDir = Path.of(env.getOrDefault("EDGETWIN_HOME", "/opt/edgetwin"), "models", args[0]);
        long start = System.nanoTime();
        AnomalyModel model = AnomalyModel.load(modelDir);
        model.predict(new float[model.manifest().inputLength()]);
        LOG.info("model-loaded model={} intraOpThreads={} interOpThreads={} loadMs={}", args[0],
                threads.intraOpThreads(), threads.interOpThreads(), (System.nanoTime() - start) / 1_000_000);
        String thing = env.getOrDefault("AWS_IOT_THING_NAME", "local");
        try (IpcClient ipc = IpcClient.fromEnvironment(env)) {
            InferenceComponent component = new InferenceComponent(model, ipc, thing);
            ipc.subscribeCloud("edgetwin/" + thing + "/inference/request");
            ipc.subscribe(LOCAL_REQUEST);
            ipc.updateState("RUNNING");
            ipc.serve(component);
        }
    }

    @Override
    public void message(String source, String topic, JsonNode payload, String payloadText) {
        ObjectNode answer = answer(payload, payloadText);
        if (source.equals("cloud")) {
            ipc.publishCloud(cloudResponse, answer, 1);
        } else {
            ipc.publish(LOCAL_RESPONSE, answer);
        }
    }

    @Override
    public void error(String request, String message) {
        LOG.warn("ipc-error request={} message={}", request, message);
    }

    private ObjectNode answer(JsonNode request, String payloadText) {
        ObjectNode answer = JSON.createObjectNode();
        if (request == null) {
            return answer.put("error", "request is not JSON; expected {\"id\": ..., \"input\": [" + inputLength() + " numbers]}");
        }
        answer.set("id", request.path("id"));
        try {
            long start = System.nanoTime();
            Prediction prediction = model.predict(window(request.path("input")));
            long micros = (System.nanoTime() - start) / 1_000;
            return result(answer, prediction, micros);
        } catch (IllegalArgumentException e) {
            return answer.put("error", e.getMessage());
        }
    }

    private ObjectNode result(ObjectNode answer, Prediction prediction, long inferenceMicros) {
        answer.put("timestamp", Instant.now().toString())
                .put("inference-type", "anomaly-detection")
                .put("inference-description", "vibration window " + model.manifest().name());
        ArrayNode results = answer.putArray("inference-results");
        for (Prediction.LabelScore s : prediction.ranked()) {
            results.addObject().put("Label", s.label()).put("Score", String.format("%.4f", s.score()));
        }
        return answer.put("inferenceMicros", inferenceMicros);
    }

    private float[] window(JsonNode input) {
        if (!input.isArray()) {
            throw new IllegalArgumentException("input is missing; expected an array of " + inputLength() + " numbers");
        }
        float[] window = new float[input.size()];
        for (int i = 0; i < window.length; i++) {
            JsonNode v = input.get(i);
            if (!v.isNumber()) {
                throw new IllegalArgumentException("input[" + i + "] is " + v + "; expected a number");
            }
            window[i] = v.floatValue();
        }
        return window;
    }

    private int inputLength() {
        return model.manifest().inputLength();
    }
}
