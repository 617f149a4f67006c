package io.edgetwin.inference.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads a TorchScript or ONNX model file with its DJL engine, offline. Every failure becomes an
 * {@link IllegalArgumentException} naming the file and what the twin's engine accepts; nothing stays
 * open after one.
 */
public final class EngineModels {

    /** The PyTorch the twin runs, and the TorchScript archives it loads. */
    public static final String TORCHSCRIPT_SUPPORT = "the twin runs PyTorch 2.7.1, which loads TorchScript archives"
            + " saved by torch 1.11 to 2.7 (torch.jit.save of a traced or scripted module)";
    /** The ONNX Runtime the twin runs, and the graphs it loads. */
    public static final String ONNX_SUPPORT = "the twin runs ONNX Runtime 1.21.1, which loads ONNX graphs of"
            + " ai.onnx opsets 7 to 22 (torch.onnx.export with opset_version 13 to 17 is tried)";
    /** Where the twin image keeps ONNX Runtime's natives (an environment variable). */
    static final String ONNX_NATIVES_ENV = "ONNXRUNTIME_NATIVE_PATH";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private EngineModels() {}

    /**
     * Loads {@code file} in {@code format} (TorchScript or ONNX).
     *
     * @param threads intra-op threads for ONNX Runtime (PyTorch takes its own from system properties);
     *     0 leaves the runtime's default
     */
    public static Model load(Path file, ModelFormat format, String name, int threads) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file '" + file + "' does not exist");
        }
        if (format == ModelFormat.TORCHSCRIPT && !startsWithZipMagic(file)) {
            throw new IllegalArgumentException("model file '" + file + "' is not a TorchScript archive (a zip file"
                    + " written by torch.jit.save); " + TORCHSCRIPT_SUPPORT);
        }
        if (format == ModelFormat.ONNX) {
            useTwinNatives();
        }
        Criteria.Builder<NDList, NDList> builder = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optModelName(stripExtension(file.getFileName().toString()))
                .optEngine(format.engine())
                .optDevice(Device.cpu())
                .optTranslator(new NoopTranslator());
        if (format == ModelFormat.ONNX && threads > 0) {
            builder.optOption("intraOpNumThreads", Integer.toString(threads))
                    .optOption("interOpNumThreads", "1");
        }
        try {
            return builder.build().loadModel();
        } catch (IOException | ModelException | RuntimeException | LinkageError e) {
            String support = format == ModelFormat.ONNX ? ONNX_SUPPORT : TORCHSCRIPT_SUPPORT;
            throw new IllegalArgumentException("model file '" + file + "' (" + name + ") cannot be loaded as "
                    + format.id() + ": " + firstLine(e) + "; " + support, e);
        }
    }

    /** In the twin image, ONNX Runtime loads its natives from a folder instead of unpacking them from its jar. */
    private static void useTwinNatives() {
        String dir = System.getenv(ONNX_NATIVES_ENV);
        if (dir != null && !dir.isBlank() && System.getProperty("onnxruntime.native.path") == null) {
            System.setProperty("onnxruntime.native.path", dir);
        }
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The first line of the deepest message: engines wrap their errors several times. */
    public static String firstLine(Throwable e) {
        Throwable deepest = e;
        String message = e.getMessage();
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null) {
                message = deepest.getMessage();
            }
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        return message.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(message);
    }
}
