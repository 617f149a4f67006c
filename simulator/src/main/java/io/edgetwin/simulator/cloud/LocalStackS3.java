package io.edgetwin.simulator.cloud;

import com.github.dockerjava.api.model.Image;
import io.edgetwin.simulator.twin.Labels;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack's S3 through Testcontainers' LocalStack module, from a {@code localstack/localstack} image
 * that is already on this machine (no registry is reachable). Host networking, as for twins: it
 * listens on 127.0.0.1:4566, so one LocalStack runs at a time.
 */
final class LocalStackS3 implements S3Server {

    static final String REPOSITORY = "localstack/localstack";
    private static final int PORT = 4566;

    private final LocalStackContainer container;

    private LocalStackS3(LocalStackContainer container) {
        this.container = container;
    }

    /** The first local tag of the LocalStack image, if Docker answers and has one. */
    static Optional<String> localImage() {
        try {
            List<Image> images = DockerClientFactory.instance().client().listImagesCmd()
                    .withImageNameFilter(REPOSITORY).exec();
            return images.stream().flatMap(i -> Arrays.stream(i.getRepoTags() == null ? new String[0] : i.getRepoTags()))
                    .filter(tag -> tag.startsWith(REPOSITORY + ":")).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("resource")
    static LocalStackS3 start(String runId) {
        String image = localImage().orElseThrow(() -> new CloudException("artifact store 'localstack' needs a local "
                + REPOSITORY + " image and there is none (`docker images " + REPOSITORY + "`); no image can be pulled "
                + "here: use the embedded store (artifacts: embedded) or load the image with `docker load`"));
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image))
                .withServices(LocalStackContainer.Service.S3)
                .withImagePullPolicy(name -> false)
                .withNetworkMode("host")
                .withLabels(Labels.forRun(runId))
                .waitingFor(Wait.forLogMessage(".*Ready\\.\n", 1).withStartupTimeout(Duration.ofMinutes(2)));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new CloudException("LocalStack (" + image + ") did not start: " + e.getMessage(), e);
        }
        return new LocalStackS3(container);
    }

    @Override
    public S3Endpoint endpoint() {
        return new S3Endpoint(URI.create("http://127.0.0.1:" + PORT), container.getRegion(), container.getAccessKey(),
                container.getSecretKey());
    }

    @Override
    public void close() {
        container.stop();
    }
}
