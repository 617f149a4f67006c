/**
 * The inputs a workload sends, wherever they come from: the held-out samples of a model the twin
 * image ships, or the user's own samples as a CSV file, a NumPy {@code .npy} array or an image folder
 * ({@code root/<label>/*.png}). Every reader turns a file into {@link io.edgetwin.simulator.load.Sample}s
 * (label and the input's JSON) or refuses it with the file, the place and what was expected.
 *
 * <ul>
 *   <li>{@link io.edgetwin.simulator.samples.SampleSource} is the closed set of sources a scenario's
 *       {@code workload.input} names.
 *   <li>{@link io.edgetwin.simulator.samples.CsvSamples}, {@link io.edgetwin.simulator.samples.NpySamples}
 *       and {@link io.edgetwin.simulator.samples.ImageFolderSamples} read the user's formats.
 * </ul>
 */
package io.edgetwin.simulator.samples;
