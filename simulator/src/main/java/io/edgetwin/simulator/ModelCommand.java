package io.edgetwin.simulator;

import io.edgetwin.simulator.twin.TwinException;
import io.edgetwin.simulator.twin.TwinImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edgetwin model check MODEL [--samples FILE] [--threads N] [--memory SIZE]}: loads a model folder
 * (or its manifest) in the twin image, offline and with the twin's engines, and runs the model check
 * there (docs/models.md): exit 0, 1 below the manifest's accuracy floor, 2 for bad input.
 */
@Command(name = "model", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        description = "Work with model folders (a model.yaml manifest beside a .pt, .onnx or .params file; docs/models.md).",
        subcommands = ModelCommand.Check.class)
final class ModelCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        picocli.CommandLine.usage(this, System.err);
        return Main.BAD_INPUT;
    }

    /** Runs io.edgetwin.inference.ModelCheck in a twin container with the folder mounted read-only. */
    @Command(name = "check", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = {"Load a model as the twin does (offline, its PyTorch and ONNX Runtime) and print its format,",
                "file size, input, load time, RSS after load, accuracy on the samples and single/batch latency.",
                "Exit 0; 1 below the manifest's accuracyFloor; 2 for bad input."})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "MODEL", description = "a model folder, or the manifest (model.yaml / model.json) in one")
        Path model;

        @Option(names = "--samples", paramLabel = "FILE", description = "labelled CSV samples 'label,v0,...'"
                + " (default: samples.csv in the model folder)")
        Path samples;

        @Option(names = "--threads", paramLabel = "N", description = "engine intra-op threads (default 1)")
        int threads = 1;

        @Option(names = "--memory", paramLabel = "SIZE", description = "the container's memory cap, e.g. 512m (default 1g)")
        String memory = "1g";

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintStream err = System.err;
            Path target = model.toAbsolutePath().normalize();
            if (!Files.exists(target)) {
                err.println("edgetwin: error: model '" + model + "' does not exist; expected a model folder or its manifest");
                return Main.BAD_INPUT;
            }
            if (threads < 1 || (samples != null && !Files.isRegularFile(samples))) {
                err.println("edgetwin: error: " + (threads < 1 ? "--threads " + threads + " must be 1 or more"
                        : "samples '" + samples + "' do not exist; expected a CSV file 'label,v0,...'"));
                return Main.BAD_INPUT;
            }
            String image = new TwinImage(Main.projectRoot()).ensureBuilt(line -> err.println("edgetwin: " + line));
            Path folder = Files.isDirectory(target) ? target : target.getParent();
            List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "none",
                    "--memory", memory, "--cpus", Integer.toString(Math.min(threads, Runtime.getRuntime().availableProcessors())),
                    "-v", folder + ":/model:ro"));
            if (samples != null) {
                command.addAll(List.of("-v", samples.toAbsolutePath().normalize() + ":/samples.csv:ro"));
            }
            command.addAll(List.of("--entrypoint", "java", image, "-XX:+UseSerialGC", "-Xmx128m",
                    "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.log.ai.djl=error",
                    "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1",
                    "-cp", "/opt/edgetwin/lib/*", "io.edgetwin.inference.ModelCheck",
                    Files.isDirectory(target) ? "/model" : "/model/" + target.getFileName()));
            if (samples != null) {
                command.addAll(List.of("--samples", "/samples.csv"));
            }
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit > 2) {
                throw new TwinException("the model check in the twin image exited " + exit + " (" + String.join(" ", command)
                        + ")");
            }
            return exit;
        }
    }
}
