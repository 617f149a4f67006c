package io.edgetwin.simulator.scenario;

/**
 * How a variant's twins reach the broker (docs/security.md). {@link #MTLS} is the default: each twin
 * presents its own certificate from the run CA over TLS and may use only its own topics. {@link #NONE}
 * is plain TCP with no identity and no topic policy, e.g. as the other side of a variant that measures
 * what TLS costs.
 */
public enum Security {
    MTLS("mtls"),
    NONE("none");

    private final String text;

    Security(String text) {
        this.text = text;
    }

    /** As a scenario file spells it. */
    public String text() {
        return text;
    }

    static Security read(Node node) {
        for (Security security : values()) {
            if (security.text.equals(node.text())) {
                return security;
            }
        }
        throw node.error("'" + node.text() + "' is not a security mode; expected mtls (the default: per-twin certificates"
                + " and topic policy) or none (plain TCP)");
    }
}
