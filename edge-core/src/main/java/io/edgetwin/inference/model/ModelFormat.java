package io.edgetwin.inference.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The model files the twin loads, each with the DJL engine that runs it. A manifest names its format
 * with {@code format}, or leaves it to the model file's extension.
 */
public enum ModelFormat {

    /** DJL's {@code .params}: weights only; the block is rebuilt from Java code (our built-in models). */
    DJL_PARAMS("djl-params", "PyTorch", List.of(".params")),
    /** A TorchScript archive written by {@code torch.jit.save} (traced or scripted). */
    TORCHSCRIPT("torchscript", "PyTorch", List.of(".pt", ".pth", ".torchscript")),
    /** An ONNX graph, run by ONNX Runtime. */
    ONNX("onnx", "OnnxRuntime", List.of(".onnx"));

    private final String id;
    private final String engine;
    private final List<String> extensions;

    ModelFormat(String id, String engine, List<String> extensions) {
        this.id = id;
        this.engine = engine;
        this.extensions = extensions;
    }

    /** The name a manifest uses, e.g. {@code torchscript}. */
    public String id() {
        return id;
    }

    /** The DJL engine name. */
    public String engine() {
        return engine;
    }

    /** The format a manifest's {@code format} names. */
    public static ModelFormat fromId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(ModelFormat::id).toList()));
    }

    /** The format a model file's extension implies. */
    public static ModelFormat fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extensions.stream().anyMatch(lower::endsWith)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model file '" + fileName
                        + "' has an extension no engine loads; expected .pt or .torchscript (TorchScript), .onnx (ONNX)"
                        + " or .params (DJL), or name the format with 'format'"));
    }
}
