package io.edgetwin.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier as a Lambda function: each instance loads the model named by its {@code MODEL}
 * environment variable ({@code lambdaExecutionParameters.EnvironmentVariables}) from
 * {@code $EDGETWIN_HOME/models} when it starts, and answers an event {@code {"id": …, "input": [numbers]}}
 * as the inference component does: {@code {"id", "inference-type", "inference-results": [{"Label", "Score"}]}}
 * (the top 5). An event without a usable input makes the handler throw, which the launcher counts as the
 * invocation's error.
 */
public final class InferenceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Classifier classifier;

    public InferenceHandler() {
        Map<String, String> env = System.getenv();
        classifier = Classifier.load(Path.of(env.getOrDefault("EDGETWIN_HOME", "/opt/edgetwin"), "models",
                env.getOrDefault("MODEL", "anomaly-mlp")));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (!(event.get("input") instanceof List<?> values)) {
            throw new IllegalArgumentException("event has no 'input' list of numbers");
        }
        float[] input = new float[values.size()];
        for (int i = 0; i < input.length; i++) {
            if (!(values.get(i) instanceof Number n)) {
                throw new IllegalArgumentException("input[" + i + "] is not a number");
            }
            input[i] = n.floatValue();
        }
        classifier.checkInput(input);
        Prediction prediction = classifier.predict(input);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", event.get("id"));
        answer.put("inference-type", classifier.manifest().architecture().inferenceType());
        answer.put("inference-results", prediction.ranked().stream().limit(5)
                .map(s -> Map.of("Label", s.label(), "Score", String.format(java.util.Locale.ROOT, "%.4f", s.score())))
                .toList());
        return answer;
    }
}
