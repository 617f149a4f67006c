/**
 * Inference placed in the cloud: {@link io.edgetwin.cloud.InferenceServer} (the cloud side's service,
 * one JSON request per line over TCP, answered in order by one model), {@link io.edgetwin.cloud.CloudChannel}
 * (the device's connection to it, pipelined, timing each round trip) and
 * {@link io.edgetwin.cloud.CloudForwarder} (the twin's component that forwards each inference request to
 * the service and answers with what came back). Wire format: docs/cloud.md, "Cloud inference".
 */
package io.edgetwin.cloud;
