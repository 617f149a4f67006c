package io.edgetwin.core.messaging;

/** The MQTT topics of one device, as documented in docs/topics.md. */
public record Topics(String thingName) {

    public String status() {
        return "edgetwin/" + thingName + "/status";
    }

    /** Deployment documents for this device (cloud → core). */
    public String deployment() {
        return "edgetwin/" + thingName + "/deployment";
    }

    /** The outcome of each deployment (core → cloud). */
    public String deploymentResult() {
        return "edgetwin/" + thingName + "/deployment/result";
    }
}
