package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.twin.TwinImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * No jar in the twin image carries signature files, so no core verifies a signature at start (a signed
 * jar costs ~0.07 core-seconds of every idle core's start; docker/README.md). The core speaks MQTT itself,
 * so Eclipse's signed Paho jar, the one signed jar the image used to carry, is not in it at all.
 */
class TwinImageJarsIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @Test
    void noJarInTheImageIsSignedAndPahoIsNotThere() {
        String image = new TwinImage(HOME).ensureBuilt(line -> { });
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy())
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("/bin/sh", "-c",
                        "for j in /opt/edgetwin/lib/*.jar; do echo \"jar $j\"; unzip -l \"$j\" | grep 'META-INF/'; done"))) {
            container.start();
            String listing = container.getLogs();

            assertThat(listing).contains("jar /opt/edgetwin/lib/edgetwin-edge-core", "META-INF/MANIFEST.MF");
            assertThat(listing).doesNotContainPattern("META-INF/[^/\\s]+\\.(SF|RSA|DSA|EC)\\s");
            assertThat(listing).doesNotContain("org.eclipse.paho");
        }
    }
}
