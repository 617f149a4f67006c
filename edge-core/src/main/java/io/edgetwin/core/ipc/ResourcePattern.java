package io.edgetwin.core.ipc;

import io.edgetwin.mqtt.TopicFilter;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code resources} entry of an authorization policy, matched against a topic (publish) or a topic
 * filter (subscribe) the way Greengrass matches local pub/sub resources:
 * <ul>
 * <li>{@code *} anywhere is a glob for any characters, {@code /} included ({@code *} alone: everything);</li>
 * <li>otherwise MQTT wildcards {@code +} and {@code #} match as in a subscription, applied to the
 *     requested text, so {@code sensors/#} also allows subscribing to {@code sensors/+/temp};</li>
 * <li>anything else matches only the same text.</li>
 * </ul>
 */
public record ResourcePattern(String text, Pattern glob, TopicFilter filter) {

    public ResourcePattern {
        Objects.requireNonNull(text, "text");
    }

    /** Throws naming the resource when it holds a misplaced MQTT wildcard. */
    public static ResourcePattern of(String text) {
        if (text.contains("*")) {
            String regex = Arrays.stream(text.split("\\*", -1))
                    .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                    .collect(Collectors.joining(".*"));
            return new ResourcePattern(text, Pattern.compile(regex, Pattern.DOTALL), null);
        }
        if (text.contains("+") || text.contains("#")) {
            return new ResourcePattern(text, null, new TopicFilter(text));
        }
        return new ResourcePattern(text, null, null);
    }

    public boolean matches(String requested) {
        if (text.equals("*")) {
            return true;
        }
        if (glob != null) {
            return glob.matcher(requested).matches();
        }
        return filter != null ? filter.matches(requested) : text.equals(requested);
    }
}
