package io.edgetwin.core.messaging;

/**
 * A message in the spool. Ids grow in spool order (FIFO); what they encode is the storage's business
 * (a counter in memory, the record's segment and position on disk).
 */
public record SpooledMessage(long id, SpoolMessage message) {
}
