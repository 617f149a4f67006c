package io.edgetwin.core.ipc;

import static io.edgetwin.core.ipc.AccessControl.PUBLISH;
import static io.edgetwin.core.ipc.AccessControl.SUBSCRIBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.core.recipe.Recipe;
import io.edgetwin.core.recipe.RecipeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AccessControlTest {

    @Test
    void aComponentWithoutAccessControlMayDoNothingOnTheLocalBus() {
        AccessControl none = AccessControl.of("camera", Map.of("fps", 10));

        assertFalse(none.allows(PUBLISH, "camera/frames"));
        assertFalse(none.allows(SUBSCRIBE, "camera/frames"));
    }

    @Test
    void aPolicyAllowsOnlyItsOperationsOnItsTopics() {
        AccessControl access = read("""
                accessControl:
                  aws.greengrass.ipc.pubsub:
                    "camera:pubsub:1":
                      policyDescription: publish frames
                      operations: [aws.greengrass#PublishToTopic]
                      resources: [camera/frames]
                """);

        assertTrue(access.allows(PUBLISH, "camera/frames"));
        assertFalse(access.allows(SUBSCRIBE, "camera/frames"), "not the subscribe operation");
        assertFalse(access.allows(PUBLISH, "camera/frames2"), "not another topic");
        assertFalse(access.allows(PUBLISH, "camera"), "not the parent topic");
    }

    @Test
    void theOperationStarAllowsPublishAndSubscribe() {
        AccessControl access = Grants.pubsub(List.of("*"), List.of("a/b"));

        assertTrue(access.allows(PUBLISH, "a/b"));
        assertTrue(access.allows(SUBSCRIBE, "a/b"));
    }

    @Test
    void aStarInAResourceMatchesAnyCharactersAcrossLevels() {
        AccessControl access = Grants.pubsub(List.of(PUBLISH), List.of("sensors/*/raw"));

        assertTrue(access.allows(PUBLISH, "sensors/pump1/raw"));
        assertTrue(access.allows(PUBLISH, "sensors/site/pump1/raw"));
        assertFalse(access.allows(PUBLISH, "sensors/pump1/clean"));
        assertTrue(Grants.everything().allows(PUBLISH, "any/topic/at/all"));
    }

    @Test
    void mqttWildcardsInAResourceMatchTopicsAndNarrowerFilters() {
        AccessControl access = Grants.pubsub(List.of(SUBSCRIBE), List.of("sensors/+/temp", "alarms/#"));

        assertTrue(access.allows(SUBSCRIBE, "sensors/pump1/temp"));
        assertTrue(access.allows(SUBSCRIBE, "sensors/+/temp"));
        assertTrue(access.allows(SUBSCRIBE, "alarms/+/high"), "a narrower filter under alarms/#");
        assertTrue(access.allows(SUBSCRIBE, "alarms"), "# includes the parent level, as in MQTT");
        assertFalse(access.allows(SUBSCRIBE, "sensors/#"), "a filter wider than the resource");
        assertFalse(access.allows(SUBSCRIBE, "#"));
    }

    @Test
    void policiesOfOtherServicesAreAcceptedAndGrantNothingLocally() {
        AccessControl access = read("""
                accessControl:
                  aws.greengrass.ipc.mqttproxy:
                    "camera:mqttproxy:1":
                      operations: [aws.greengrass#PublishToIoTCore]
                      resources: ["*"]
                """);

        assertEquals(List.of(), access.policies());
        assertFalse(access.allows(PUBLISH, "x"));
    }

    @Test
    void anUnknownOperationIsRefusedNamingTheComponentAndThePolicy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("""
                accessControl:
                  aws.greengrass.ipc.pubsub:
                    p1: {operations: [aws.greengrass#PublishToIoTCore], resources: ["*"]}
                """));

        assertEquals("component 'camera': accessControl.aws.greengrass.ipc.pubsub.p1.operations is "
                + "'aws.greengrass#PublishToIoTCore'; expected one of aws.greengrass#PublishToTopic, "
                + "aws.greengrass#SubscribeToTopic or *", e.getMessage());
    }

    @Test
    void missingResourcesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("""
                accessControl:
                  aws.greengrass.ipc.pubsub:
                    p1: {operations: ["*"]}
                """));

        assertEquals("component 'camera': accessControl.aws.greengrass.ipc.pubsub.p1.resources is missing; "
                + "expected a non-empty list of non-empty strings", e.getMessage());
    }

    @Test
    void aMisplacedMqttWildcardInAResourceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grants.pubsub(List.of("*"), List.of("a/#/b")));

        assertTrue(e.getMessage().contains("resources is 'a/#/b'"), e.getMessage());
        assertTrue(e.getMessage().contains("'#' must be a whole, last level"), e.getMessage());
    }

    @Test
    void anAccessControlThatIsNotAMappingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccessControl.of("camera", Map.of("accessControl", "allow all")));

        assertEquals("component 'camera': accessControl is allow all; expected a mapping of IPC services to policies",
                e.getMessage());
    }

    @Test
    void aRefusalNamesTheComponentTheOperationAndTheTopic() {
        AccessControl.Unauthorized e = assertThrows(AccessControl.Unauthorized.class,
                () -> AccessControl.NONE.require("camera", PUBLISH, "camera/frames"));

        assertTrue(e.getMessage().startsWith("component 'camera' is not authorized to perform "
                + "aws.greengrass.ipc.pubsub:aws.greengrass#PublishToTopic on resource 'camera/frames'"), e.getMessage());
    }

    @Test
    void theShippedInferenceRecipeAllowsTheLocalTopicsTheInferenceComponentUses() {
        Recipe recipe = new RecipeReader().read(Path.of("src/main/recipes/com.edgetwin.Inference-1.0.0.yaml"));

        AccessControl access = AccessControl.of(recipe.name(), recipe.defaultConfiguration());

        assertTrue(access.allows(SUBSCRIBE, "inference/request"));
        assertTrue(access.allows(PUBLISH, "inference/response"));
        assertFalse(access.allows(PUBLISH, "inference/request"), "no more than it needs");
    }

    private static AccessControl read(String yaml) {
        Map<String, Object> configuration = new Yaml().load(yaml);
        return AccessControl.of("camera", configuration);
    }
}
