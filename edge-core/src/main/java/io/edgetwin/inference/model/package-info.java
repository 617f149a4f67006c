/**
 * What a model is, independent of who made it: the manifest's parts that every format shares and
 * the engines that load each format.
 *
 * <ul>
 *   <li>{@link io.edgetwin.inference.model.ModelFormat} is the closed set of model files the twin
 *       loads (DJL {@code .params} with a Java-defined block, TorchScript {@code .pt}, ONNX
 *       {@code .onnx}) and which DJL engine runs each.
 *   <li>{@link io.edgetwin.inference.model.InputSpec} and
 *       {@link io.edgetwin.inference.model.Preprocessing} say what one input is and what is done to it
 *       before the network sees it.
 *   <li>{@link io.edgetwin.inference.model.ManifestNode} reads the manifest's YAML or JSON with the
 *       {@code file:line:column} of every value, for errors that point at the place.
 *   <li>{@link io.edgetwin.inference.model.EngineModels} loads a TorchScript or ONNX file with its DJL
 *       engine, offline, turning every engine failure into an error that names the file and what the
 *       twin's engine accepts.
 * </ul>
 */
package io.edgetwin.inference.model;
