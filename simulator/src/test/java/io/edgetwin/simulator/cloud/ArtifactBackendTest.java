package io.edgetwin.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArtifactBackendTest {

    @Test
    void autoPicksLocalStackOnlyWhenItsImageIsPresent() {
        assertEquals(ArtifactBackend.LOCALSTACK, ArtifactBackend.choose("auto", () -> true));
        assertEquals(ArtifactBackend.EMBEDDED, ArtifactBackend.choose("auto", () -> false));
    }

    @Test
    void anExplicitChoiceIsKeptWhateverImagesThereAre() {
        assertEquals(ArtifactBackend.EMBEDDED, ArtifactBackend.choose("embedded", () -> true));
        assertEquals(ArtifactBackend.LOCALSTACK, ArtifactBackend.choose("LocalStack", () -> false));
    }

    @Test
    void anUnknownStoreIsRefusedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> ArtifactBackend.choose("minio", () -> false))
                .hasMessage("artifact store 'minio' is not known; expected auto, embedded or localstack");
    }
}
