/**
 * Benchmarks of the harness itself: {@link io.edgetwin.simulator.bench.LoadGeneratorBenchmark} drives the
 * load generator against a {@link io.edgetwin.simulator.bench.NullResponder} on loopback.
 */
package io.edgetwin.simulator.bench;
