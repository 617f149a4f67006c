/**
 * The twin's ML inference: a vibration-window anomaly detector defined in Java and run with DJL's
 * PyTorch engine.
 *
 * <ul>
 *   <li>{@link io.edgetwin.inference.VibrationWindows} generates seeded synthetic accelerometer
 *       windows, healthy or faulty ({@link io.edgetwin.inference.LabeledWindow}).
 *   <li>{@link io.edgetwin.inference.AnomalyNet} defines the network;
 *       {@link io.edgetwin.inference.ModelTrainer} trains it at build time and writes the weights,
 *       {@link io.edgetwin.inference.ModelManifest} ({@code model.json}) and held-out
 *       {@link io.edgetwin.inference.SamplesCsv} ({@code samples.csv}).
 *   <li>{@link io.edgetwin.inference.AnomalyModel} loads a saved model and answers
 *       {@link io.edgetwin.inference.Prediction}s; {@link io.edgetwin.inference.ModelCheck} is the
 *       command-line smoke check of a deployed model.
 *   <li>{@link io.edgetwin.inference.InferenceComponent} is the component process that serves
 *       predictions over the core's IPC.
 *   <li>{@link io.edgetwin.inference.TorchThreads} sizes PyTorch's thread pools from the CPU quota,
 *       before the engine loads.
 * </ul>
 */
package io.edgetwin.inference;
