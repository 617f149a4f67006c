package io.edgetwin.mqtt;

import java.util.Objects;

/**
 * An MQTT-style subscription filter: {@code +} matches one level, a trailing {@code #} matches the rest
 * (including the parent level itself, as MQTT defines).
 */
public record TopicFilter(String filter) {

    public TopicFilter {
        Objects.requireNonNull(filter, "filter");
        if (filter.isEmpty()) {
            throw new IllegalArgumentException("topic filter is empty");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean last = i == levels.length - 1;
            if (level.contains("#") && (!level.equals("#") || !last)) {
                throw new IllegalArgumentException("topic filter '" + filter + "': '#' must be a whole, last level");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("topic filter '" + filter + "': '+' must be a whole level");
            }
        }
    }

    /** Publish topics may not carry wildcards; returns the topic or throws naming it. */
    public static String requirePublishTopic(String topic) {
        if (topic == null || topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException("publish topic '" + topic + "' is empty or has a wildcard; expected a plain topic");
        }
        return topic;
    }

    public boolean matches(String topic) {
        int f = 0;
        int t = 0;
        while (f <= filter.length()) {
            int fEnd = levelEnd(filter, f);
            String level = filter.substring(f, fEnd);
            if (level.equals("#")) {
                return true;
            }
            if (t > topic.length()) {
                return false;
            }
            int tEnd = levelEnd(topic, t);
            if (!level.equals("+") && !filter.regionMatches(f, topic, t, Math.max(fEnd - f, tEnd - t))) {
                return false;
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
        return t > topic.length();
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }
}
