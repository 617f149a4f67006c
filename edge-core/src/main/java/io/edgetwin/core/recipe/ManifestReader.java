package io.edgetwin.core.recipe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one entry of {@code Manifests}: its platform, selections and artifacts (its lifecycle is read later). */
final class ManifestReader {

    private static final List<String> MANIFEST_KEYS = List.of("Name", "Platform", "Selections", "Lifecycle", "Artifacts");
    private static final List<String> ARTIFACT_KEYS = List.of("URI", "Digest", "Algorithm", "Unarchive", "Permission");
    private static final List<String> PERMISSION_KEYS = List.of("Read", "Execute");
    static final String MANIFEST = "a manifest: a mapping with Platform, Lifecycle, Selections and Artifacts";
    private static final String ARTIFACT = "an artifact: a mapping with URI, Digest, Algorithm, Unarchive and Permission";

    private final Consumer<String> warnings;

    ManifestReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Manifest read(int index, RecipeNode node) {
        node.asMap(MANIFEST);
        node.unknownKeys(MANIFEST_KEYS).forEach(path -> warnings.accept(path + " is not a manifest field;"
                + " expected one of " + MANIFEST_KEYS + "; ignored"));
        return new Manifest(index, node.field("Name").optionalText("the manifest's name as text"),
                platform(node.field("Platform")), selections(node.field("Selections")), artifacts(node.field("Artifacts")));
    }

    private static Platform platform(RecipeNode node) {
        if (node.isMissing()) {
            return Platform.ANY;
        }
        Map<String, String> requirements = new LinkedHashMap<>();
        node.entries("a platform: {os: linux, architecture: amd64, ...}").forEach((key, value) -> {
            String expected = "a platform value: a name such as linux or amd64, '*', all, or /regex/";
            String text = value.text(expected);
            if (Platform.isRegex(text)) {
                try {
                    Pattern.compile(text.substring(1, text.length() - 1));
                } catch (PatternSyntaxException e) {
                    throw value.expected("a valid /regex/ (" + e.getDescription() + ")");
                }
            }
            requirements.put(key, text);
        });
        return new Platform(requirements);
    }

    /** A list of selection keys, or a single one as text. */
    private static List<String> selections(RecipeNode node) {
        if (node.isMissing()) {
            return List.of();
        }
        String expected = "a selection key such as linux or a name the top-level Lifecycle uses";
        if (node.isText()) {
            return List.of(node.text(expected));
        }
        return node.elements("a list of selection keys", expected).stream().map(e -> e.text(expected)).toList();
    }

    private List<Artifact> artifacts(RecipeNode node) {
        if (node.isMissing()) {
            return List.of();
        }
        List<Artifact> artifacts = new ArrayList<>();
        for (RecipeNode artifact : node.elements("a list of artifacts", ARTIFACT)) {
            artifacts.add(artifact(artifact.asMap(ARTIFACT)));
        }
        return artifacts;
    }

    private Artifact artifact(RecipeNode node) {
        node.unknownKeys(ARTIFACT_KEYS).forEach(path -> warnings.accept(path + " is not an artifact field; expected one of "
                + ARTIFACT_KEYS + "; ignored"));
        RecipeNode uri = node.field("URI");
        String location = uri.text("the artifact's location, e.g. s3://bucket/key or greengrass:file");
        if (location.isBlank()) {
            throw uri.expected("the artifact's location, e.g. s3://bucket/key or greengrass:file");
        }
        try {
            new URI(location);
        } catch (URISyntaxException e) {
            throw uri.expected("a URI, e.g. s3://bucket/key (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        return new Artifact(location, node.field("Digest").optionalText("the artifact's digest as text"),
                node.field("Algorithm").optionalText("the digest algorithm, e.g. SHA-256"),
                choice(node.field("Unarchive"), Artifact.Unarchive.class).orElse(Artifact.Unarchive.NONE),
                permission(node.field("Permission")));
    }

    private Artifact.Permission permission(RecipeNode node) {
        if (node.isMissing()) {
            return Artifact.Permission.DEFAULT;
        }
        node.asMap("a permission: {Read: NONE|OWNER|ALL, Execute: NONE|OWNER|ALL}");
        node.unknownKeys(PERMISSION_KEYS).forEach(path -> warnings.accept(path + " is not a permission field;"
                + " expected Read or Execute; ignored"));
        return new Artifact.Permission(
                choice(node.field("Read"), Artifact.Access.class).orElse(Artifact.Permission.DEFAULT.read()),
                choice(node.field("Execute"), Artifact.Access.class).orElse(Artifact.Permission.DEFAULT.execute()));
    }

    /** An enum value written in any case. */
    static <E extends Enum<E>> Optional<E> choice(RecipeNode node, Class<E> type) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        E[] values = type.getEnumConstants();
        String expected = String.join(" or ", Arrays.stream(values).map(Enum::name).toList());
        String text = node.text(expected);
        return Optional.of(Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> node.expected(expected)));
    }
}
