package io.edgetwin.simulator.twin.runtime;

import io.edgetwin.simulator.twin.Twin;
import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twins as services of a Docker swarm ({@link SwarmTwin}). Opening it joins the swarm
 * ({@link SwarmNode}: this engine's, or a new single-node one) and starts a registry for the run unless
 * the user named one; the first twin of an image pushes that image there, and every service pulls it
 * by digest, so each node runs exactly the image this run built. Closing stops the registry, removes
 * the pushed tag and leaves a swarm the run created.
 */
public final class SwarmRuntime implements TwinRuntime {

    private static final Pattern DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

    private final EngineChoice choice;
    private final SwarmNode node;
    private final LocalRegistry registry;
    private final String registryAddress;
    private final Consumer<String> progress;
    private final Map<String, String> pushed = new ConcurrentHashMap<>();
    private final List<String> tags = new ArrayList<>();

    private SwarmRuntime(EngineChoice choice, SwarmNode node, LocalRegistry registry, Consumer<String> progress) {
        this.choice = choice;
        this.node = node;
        this.registry = registry;
        this.registryAddress = registry == null ? choice.registry() : registry.address();
        this.progress = progress;
    }

    static SwarmRuntime open(EngineChoice choice, Path runDir, String runId, Consumer<String> progress) {
        SwarmNode node = SwarmNode.join(choice.advertiseAddress(), progress);
        try {
            LocalRegistry registry = choice.registry() == null ? LocalRegistry.start(choice.advertiseAddress(), runDir, progress) : null;
            return new SwarmRuntime(choice, node, registry, progress);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "swarm";
    }

    @Override
    public String hostAddress() {
        return choice.advertiseAddress();
    }

    @Override
    public void prepare(String image) {
        pushed.computeIfAbsent(image, this::push);
    }

    @Override
    public Twin start(TwinSpec spec) {
        return SwarmTwin.start(spec, pushed.computeIfAbsent(spec.image(), this::push), node.nodeId());
    }

    /** Pushes a local image to the registry and returns its reference by digest. */
    private String push(String localImage) {
        String tag = localImage.substring(localImage.lastIndexOf(':') + 1);
        String repository = registryAddress + "/edgetwin/twin";
        long started = System.nanoTime();
        DockerCli.run("tag", localImage, repository + ":" + tag);
        synchronized (tags) {
            tags.add(repository + ":" + tag);
        }
        String output = DockerCli.run("push", repository + ":" + tag);
        Matcher digest = DIGEST.matcher(output);
        if (!digest.find()) {
            throw new TwinException("pushing " + localImage + " to " + registryAddress + " gave no digest: " + output);
        }
        progress.accept("twin image pushed to " + registryAddress + " in " + (System.nanoTime() - started) / 1_000_000
                + " ms; services pull it by digest " + digest.group(1).substring(0, 19) + "…");
        return repository + "@" + digest.group(1);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        synchronized (tags) {
            for (String tag : tags) {
                DockerCli.tryRun("rmi", tag);
            }
            tags.clear();
        }
        if (registry != null) {
            registry.close();
        }
        try {
            node.close();
        } catch (RuntimeException e) {
            first = e;
        }
        if (first != null) {
            throw first;
        }
    }
}
