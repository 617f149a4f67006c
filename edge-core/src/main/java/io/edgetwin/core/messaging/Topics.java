package io.edgetwin.core.messaging;

/** The MQTT topics of one device, as documented in docs/topics.md. */
public record Topics(String thingName) {

    public String status() {
        return "edgetwin/" + thingName + "/status";
    }
}
