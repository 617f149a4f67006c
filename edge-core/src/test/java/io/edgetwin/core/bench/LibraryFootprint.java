package io.edgetwin.core.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * How much resident memory each library the core uses adds to a JVM: prints {@code VmRSS} of this
 * process before and after first using each one, in the order given (docs/performance.md, "Edge core:
 * idle footprint"). Not a test; run {@link #main} with the JVM flags of the twin's entrypoint and the
 * twin's jars on the class path, e.g. {@code slf4j jackson-core jackson-databind snakeyaml paho}.
 */
public final class LibraryFootprint {

    private LibraryFootprint() {
    }

    public static void main(String[] libraries) throws Exception {
        long before = settledRssKb();
        System.out.println("jvm " + before + " kB");
        for (String library : libraries) {
            use(library);
            long after = settledRssKb();
            System.out.println(library + " +" + (after - before) + " kB (" + after + " kB)");
            before = after;
        }
    }

    private static void use(String library) throws Exception {
        switch (library) {
            case "slf4j" -> LoggerFactory.getLogger(LibraryFootprint.class).info("footprint-probe");
            case "jackson-core" -> {
                try (JsonGenerator g = new JsonFactory().createGenerator(new ByteArrayOutputStream())) {
                    g.writeStartObject();
                    g.writeStringField("thing", "probe");
                    g.writeEndObject();
                }
            }
            case "jackson-databind" -> {
                ObjectMapper json = new ObjectMapper();
                json.writeValueAsBytes(json.createObjectNode().put("thing", "probe"));
                json.readTree("{\"components\": {\"a\": {\"version\": \"1.0.0\"}}}");
            }
            case "snakeyaml" -> new Yaml().load("RecipeFormatVersion: '2020-01-25'\nManifests: [{Lifecycle: {run: 'true'}}]\n");
            case "paho" -> new MqttAsyncClient("tcp://127.0.0.1:1", "probe", new MemoryPersistence()).close();
            default -> throw new IllegalArgumentException("unknown library '" + library
                    + "'; expected slf4j, jackson-core, jackson-databind, snakeyaml or paho");
        }
    }

    /** VmRSS after a full GC and a short pause, so the reading is not caught mid-allocation. */
    private static long settledRssKb() throws Exception {
        System.gc();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
