package io.edgetwin.inference;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a built-in model's weights as JSON ({@code {"architecture", "width", "labels", "parameters":
 * [{"name", "shape", "values"}]}}, in the block's order), for {@code scenarios/models/make-fixtures.sh},
 * which rebuilds the network in PyTorch and exports it as TorchScript and ONNX.
 *
 * <p>Usage: {@code WeightsExport <model folder> <out.json>}.
 */
public final class WeightsExport {

    private WeightsExport() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: WeightsExport <model folder> <out.json>");
        }
        Path dir = Path.of(args[0]);
        ModelManifest manifest = ModelManifest.readFrom(dir);
        try (Model model = Model.newInstance(manifest.name(), Device.cpu(), "PyTorch")) {
            model.setBlock(manifest.architecture().block(manifest.width(), manifest.labels().size()));
            model.load(dir, manifest.name());
            List<Map<String, Object>> parameters = model.getBlock().getParameters().stream()
                    .map(WeightsExport::parameter).toList();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", manifest.name());
            json.put("architecture", manifest.architecture().id());
            json.put("width", manifest.width());
            json.put("inputShape", manifest.inputShape());
            json.put("labels", manifest.labels());
            json.put("parameters", parameters);
            new ObjectMapper().writeValue(Path.of(args[1]).toFile(), json);
        }
    }

    private static Map<String, Object> parameter(Pair<String, Parameter> named) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", named.getKey());
        out.put("shape", named.getValue().getArray().getShape().getShape());
        out.put("values", named.getValue().getArray().toFloatArray());
        return out;
    }
}
