package io.edgetwin.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetwin.cloud.InferenceServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The cloud inference service's process: {@code CloudInference <model> <port>} loads the same model
 * with the same engine as the twin's inference component and serves it as an
 * {@link InferenceServer} on {@code port} of 127.0.0.1 until killed. Prints
 * {@code cloud-inference-ready port=N} once it accepts requests.
 */
public final class CloudInference {

    private CloudInference() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CloudInference <model-name> <port>");
        }
        Path modelDir = args[0].contains("/") ? Path.of(args[0])
                : Path.of(System.getenv().getOrDefault("EDGETWIN_HOME", "/opt/edgetwin"), "models", args[0]);
        Classifier classifier = Classifier.load(modelDir);
        classifier.predict(new float[classifier.manifest().inputLength()]);
        Responder responder = new Responder(classifier, Clock.systemUTC(), System::nanoTime);
        // The cloud side's server speaks JsonNode; the responder speaks plain trees.
        ObjectMapper json = new ObjectMapper();
        try (InferenceServer server = new InferenceServer(Integer.parseInt(args[1]), request -> json.valueToTree(
                responder.answer(List.of(new Responder.Request("cloud", json.convertValue(request, Object.class)))).get(0).answer()),
                System::nanoTime)) {
            System.out.println("cloud-inference-ready port=" + server.port());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
