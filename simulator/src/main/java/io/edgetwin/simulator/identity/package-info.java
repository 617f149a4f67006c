/**
 * Device identity for one run, as AWS IoT does it: a run CA ({@link io.edgetwin.simulator.identity.RunCa})
 * issues one X.509 certificate per twin (CN = thing name), one for the broker and one for the harness;
 * {@link io.edgetwin.simulator.identity.TopicPolicy} confines each thing to its own topics in Mosquitto's
 * {@code acl_file}. Keys live only in the run directory and in the twin that owns them (docs/security.md).
 */
package io.edgetwin.simulator.identity;
