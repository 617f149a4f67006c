package io.edgetwin.core.messaging;

/** What became of one publish toward the cloud side. Publishers are told, never thrown at. */
public enum PublishOutcome {
    /** Handed to the live MQTT connection. */
    SENT,
    /** Waiting in the spool; sent in order once the link is up. */
    SPOOLED,
    /** A QoS 0 publish while offline, without {@code keepQos0WhenOffline}: dropped, as Greengrass does. */
    DROPPED_OFFLINE,
    /** No room: the spool is full of QoS 1 messages (which are never evicted), or the message is larger than the spool. */
    REFUSED_FULL,
    /** The spool could not store it (a disk error; logged as {@code spool-write-failed}). */
    FAILED
}
