/**
 * MQTT toward the cloud side: {@link io.edgetwin.core.messaging.CloudLink} (on the core's own MQTT client,
 * {@code io.edgetwin.mqtt}; reconnecting),
 * {@link io.edgetwin.core.messaging.Topics} (the documented topic names) and the offline spool of
 * Greengrass's {@code mqtt.spooler}: {@link io.edgetwin.core.messaging.Spooler} (the rules),
 * {@code SpoolStorage} (memory or disk segments), {@code SpoolDrain} (sending it on reconnect) and
 * {@link io.edgetwin.core.messaging.SpoolSettings}.
 */
package io.edgetwin.core.messaging;
