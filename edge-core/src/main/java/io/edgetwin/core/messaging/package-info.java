/**
 * MQTT toward the cloud side: {@link io.edgetwin.core.messaging.CloudLink} (Paho, reconnecting) and
 * {@link io.edgetwin.core.messaging.Topics} (the documented topic names).
 */
package io.edgetwin.core.messaging;
