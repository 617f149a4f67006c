package io.edgetwin.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicPolicyTest {

    private final TopicPolicy policy = new TopicPolicy(List.of("edgetwin-harness"));

    @Test
    void aclFileConfinesEveryThingToItsOwnTopicsByItsCertificateName() {
        assertThat(policy.aclFile().lines().filter(line -> !line.startsWith("#") && !line.isBlank()))
                .containsExactly("pattern readwrite edgetwin/%u/#", "user edgetwin-harness", "topic readwrite edgetwin/#");
    }

    @Test
    void aclFileGrantsNothingToAnonymousClients() {
        String beforeFirstUser = policy.aclFile().substring(0, policy.aclFile().indexOf("user "));
        assertThat(beforeFirstUser.lines()).noneMatch(line -> line.startsWith("topic "));
    }

    @Test
    void thingMayUseItsOwnTopicsOnly() {
        assertThat(policy.allows("plant-a-1", "edgetwin/plant-a-1/inference/request")).isTrue();
        assertThat(policy.allows("plant-a-1", "edgetwin/plant-a-2/inference/request")).isFalse();
        assertThat(policy.allows("plant-a-1", "edgetwin/plant-a-10/status")).isFalse();
        assertThat(policy.allows("plant-a-1", "other/plant-a-1")).isFalse();
    }

    @Test
    void harnessMayUseEveryThingsTopics() {
        assertThat(policy.allows("edgetwin-harness", "edgetwin/plant-a-2/inference/request")).isTrue();
        assertThat(policy.allows("edgetwin-harness", "other/topic")).isFalse();
    }

    @Test
    void superuserNamesThatWouldBreakTheFileAreRefused() {
        assertThatThrownBy(() -> new TopicPolicy(List.of("harness\ntopic readwrite #")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
