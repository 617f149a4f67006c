package io.edgetwin.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer for one window: the winning label and its probability, plus every label's probability
 * in descending order (the winner first).
 */
public record Prediction(String label, float score, List<LabelScore> ranked) {

    /** One label's softmax probability. */
    public record LabelScore(String label, float score) {
        public LabelScore {
            Objects.requireNonNull(label, "label");
            if (!(score >= 0f && score <= 1f)) {
                throw new IllegalArgumentException("score of '" + label + "' must be in [0, 1]; got " + score);
            }
        }
    }

    public Prediction {
        ranked = List.copyOf(Objects.requireNonNull(ranked, "ranked"));
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one label score");
        }
        if (!ranked.get(0).equals(new LabelScore(label, score))) {
            throw new IllegalArgumentException(
                    "prediction " + label + "=" + score + " is not the top of its ranking " + ranked);
        }
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i).score() > ranked.get(i - 1).score()) {
                throw new IllegalArgumentException("ranking is not in descending score order: " + ranked);
            }
        }
    }

    /** Ranks {@code scores} (aligned with {@code labels}) and takes the top one as the answer. */
    public static Prediction of(List<String> labels, float[] scores) {
        if (labels.size() != scores.length) {
            throw new IllegalArgumentException(
                    "expected one score per label (" + labels.size() + "); got " + scores.length);
        }
        List<LabelScore> ranked = new ArrayList<>(labels.size());
        for (int i = 0; i < scores.length; i++) {
            ranked.add(new LabelScore(labels.get(i), scores[i]));
        }
        ranked.sort((a, b) -> Float.compare(b.score(), a.score()));
        LabelScore top = ranked.get(0);
        return new Prediction(top.label(), top.score(), ranked);
    }
}
