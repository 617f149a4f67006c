package io.edgetwin.core.messaging;

/** The MQTT topics of one device, as documented in docs/topics.md. */
public record Topics(String thingName) {

    public String status() {
        return "edgetwin/" + thingName + "/status";
    }

    /** One message each time the core's MQTT connection is up, at start and after every reconnect (core → cloud). */
    public String connection() {
        return "edgetwin/" + thingName + "/connection";
    }

    /** Deployment documents for this device (cloud → core). */
    public String deployment() {
        return "edgetwin/" + thingName + "/deployment";
    }

    /** Deployment jobs for this device, in the style of IoT Jobs (cloud → core). */
    public String jobsNotifyNext() {
        return "edgetwin/" + thingName + "/jobs/notify-next";
    }

    /** Status updates of one job execution (core → cloud): IN_PROGRESS, then SUCCEEDED or FAILED. */
    public String jobUpdate(String jobId) {
        return "edgetwin/" + thingName + "/jobs/" + jobId + "/update";
    }

    /** The outcome of each deployment (core → cloud). */
    public String deploymentResult() {
        return "edgetwin/" + thingName + "/deployment/result";
    }
}
