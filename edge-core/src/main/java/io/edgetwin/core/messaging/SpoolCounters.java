package io.edgetwin.core.messaging;

/**
 * What the spool did since the core started, and what it holds now (reported under {@code spool} in the
 * status message, docs/topics.md).
 *
 * @param storage          {@code Memory} or {@code Disk}
 * @param maxBytes         the payload bytes it may hold
 * @param messages         messages waiting now
 * @param bytes            payload bytes waiting now (until a disk spool has read the records of a previous
 *                         run, their segment sizes stand in: an upper bound)
 * @param spooled          messages taken into the spool
 * @param delivered        spooled messages the broker confirmed (QoS 1 PUBACK; QoS 0 when written)
 * @param droppedQos0      QoS 0 messages dropped: published while offline, evicted to make room, or too large
 * @param refusedQos1      QoS 1 messages refused because the spool was full of QoS 1 messages (or on a disk error)
 * @param corrupt          damaged disk records found (a torn tail after a crash); the rest of their segment is dropped
 * @param retriesExhausted spooled messages given up after 100 failed sends (Greengrass {@code maxPublishRetry})
 */
public record SpoolCounters(String storage, long maxBytes, long messages, long bytes, long spooled, long delivered,
                            long droppedQos0, long refusedQos1, long corrupt, long retriesExhausted) {
}
