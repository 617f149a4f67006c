/** The MQTT broker of a run: {@link io.edgetwin.simulator.broker.Mosquitto}, started and stopped by the harness. */
package io.edgetwin.simulator.broker;
