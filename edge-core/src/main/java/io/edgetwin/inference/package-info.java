/**
 * The twin's ML inference: small classifiers defined in Java, trained at build time on seeded
 * synthetic data and run with DJL's PyTorch engine, and the user's TorchScript and ONNX classifiers,
 * all described by one manifest and loaded by one path.
 *
 * <ul>
 *   <li>{@link io.edgetwin.inference.Architecture} names the model families: a vibration-window
 *       anomaly detector ({@link io.edgetwin.inference.AnomalyNet} on
 *       {@link io.edgetwin.inference.VibrationWindows}) and a part-image defect classifier
 *       ({@link io.edgetwin.inference.DefectNet} on {@link io.edgetwin.inference.PartImages}).
 *       Inputs are flat {@link io.edgetwin.inference.LabeledSample}s.
 *   <li>{@link io.edgetwin.inference.TrainingPlan} lists the variants the build trains (each family
 *       at width 1 and 4); {@link io.edgetwin.inference.ModelTrainer} trains them and writes the
 *       weights, {@link io.edgetwin.inference.ModelManifest} ({@code model.json}) and held-out
 *       {@link io.edgetwin.inference.SamplesCsv} ({@code samples.csv}).
 *   <li>{@link io.edgetwin.inference.ModelManifest} ({@code model.yaml} or {@code model.json}, read by
 *       {@code ManifestReader}) says which file holds a model, in which format, what one input is and
 *       what the outputs mean; a built-in model's adds a {@link io.edgetwin.inference.TrainingRecord}.
 *       The format-neutral parts and the engines live in {@code io.edgetwin.inference.model}.
 *   <li>{@link io.edgetwin.inference.Classifier} loads any model a manifest describes and answers
 *       {@link io.edgetwin.inference.Prediction}s, one input or a batch at a time;
 *       {@link io.edgetwin.inference.ModelCheck} is the command-line smoke check of a deployed model.
 *   <li>{@link io.edgetwin.inference.InferenceComponent} is the component process that serves
 *       predictions over the core's IPC, configured by {@link io.edgetwin.inference.InferenceOptions},
 *       answering through a {@code Responder}, optionally in micro-batches ({@code MicroBatcher}).
 *   <li>{@link io.edgetwin.inference.TorchThreads} sizes PyTorch's thread pools from the CPU quota,
 *       before the engine loads.
 * </ul>
 */
package io.edgetwin.inference;
