package io.edgetwin.simulator.identity;

import java.util.List;
import java.util.Objects;

/**
 * Who may use which topics, as Mosquitto's {@code acl_file}: the per-thing policy of AWS IoT
 * ({@code edgetwin/${iot:Connection.Thing.ThingName}/#}) as one {@code pattern} line, where {@code %u}
 * is the username, which the broker takes from the client certificate's CN
 * ({@code use_identity_as_username}); and {@code superusers} (the harness) on every {@code edgetwin/}
 * topic. Nothing else is allowed: a twin can neither read nor write another thing's topics.
 */
public record TopicPolicy(List<String> superusers) {

    /** The topic tree every run uses (docs/topics.md). */
    public static final String ROOT = "edgetwin";

    public TopicPolicy {
        superusers = List.copyOf(superusers);
        for (String user : superusers) {
            Objects.requireNonNull(user, "superuser");
            if (!user.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("superuser '" + user + "' must be letters, digits, '-', '_', '.'");
            }
        }
    }

    /** The text of the {@code acl_file}. */
    public String aclFile() {
        StringBuilder acl = new StringBuilder()
                .append("# Generated for one run (docs/security.md). %u is the client certificate's CN: the thing name.\n")
                .append("# Every thing may use only its own topics.\n")
                .append("pattern readwrite ").append(ROOT).append("/%u/#\n");
        for (String user : superusers) {
            acl.append("\n# The harness: every thing's topics.\n")
                    .append("user ").append(user).append('\n')
                    .append("topic readwrite ").append(ROOT).append("/#\n");
        }
        return acl.toString();
    }

    /** Whether {@code user} may publish or subscribe to {@code topic} (no wildcards) under this policy. */
    public boolean allows(String user, String topic) {
        if (superusers.contains(user)) {
            return topic.equals(ROOT) || topic.startsWith(ROOT + "/");
        }
        String own = ROOT + "/" + user;
        return topic.equals(own) || topic.startsWith(own + "/");
    }
}
