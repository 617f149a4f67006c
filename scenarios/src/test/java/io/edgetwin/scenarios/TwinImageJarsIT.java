package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.twin.TwinImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The twin image's jars carry no signature files, so no core verifies a signature at start (Paho's jar
 * is signed by Eclipse in the dist; docker/README.md), while the jar itself is still there and whole.
 */
class TwinImageJarsIT {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @Test
    void pahoJarIsInTheImageWithoutItsSignatureFiles() {
        String image = new TwinImage(HOME).ensureBuilt(line -> { });
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy())
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("/bin/sh", "-c",
                        "for j in /opt/edgetwin/lib/org.eclipse.paho*.jar; do unzip -l \"$j\"; done"))) {
            container.start();
            String listing = container.getLogs();

            assertThat(listing).contains("org/eclipse/paho/client/mqttv3/MqttAsyncClient.class", "META-INF/MANIFEST.MF");
            assertThat(listing).doesNotContain("ECLIPSE_.SF", "ECLIPSE_.RSA");
        }
    }
}
