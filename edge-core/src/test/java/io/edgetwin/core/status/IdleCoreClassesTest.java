package io.edgetwin.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.core.component.ComponentState;
import io.edgetwin.core.component.ComponentStatus;
import io.edgetwin.core.component.RecipeVariables;
import io.edgetwin.core.component.StatusCode;
import io.edgetwin.core.deployment.Deployment;
import io.edgetwin.core.deployment.DeploymentJobs;
import io.edgetwin.core.deployment.DeploymentOutcome;
import io.edgetwin.core.deployment.DeploymentReader;
import io.edgetwin.core.messaging.Topics;
import io.edgetwin.core.recipe.RecipeStore;
import io.edgetwin.core.resources.DeviceCaps;
import io.edgetwin.core.resources.DeviceCgroup;
import io.edgetwin.core.resources.ResourceLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an idle core does every second and on its first deployment loads no jackson-databind and no
 * YAML parser (docs/performance.md, "Without jackson-databind when idle"): run in a JVM of its own with
 * {@code -verbose:class}, since this test JVM has loaded both long ago.
 */
class IdleCoreClassesTest {

    @TempDir
    Path recipes;

    @Test
    void statusDeploymentsJobsAndRecipeVariablesLoadNoObjectMapperAndNoYamlParser() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process jvm = new ProcessBuilder(java, "-verbose:class", "-cp", classpath, IdlePaths.class.getName(),
                recipes.toString()).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("idle paths done").contains("io.edgetwin.core.status.StatusMessage")
                .doesNotContain("com.fasterxml.jackson.databind.").doesNotContain("org.yaml.snakeyaml.");
    }

    /** The core's everyday JSON: a status, a deployment, a deployment job, recipe variables; recipes unread. */
    static final class IdlePaths {
        public static void main(String[] args) {
            RecipeStore.onFirstUse(Path.of(args[0]));
            StatusMessage.of("dev-1", "RUNNING", Instant.EPOCH, 1, new DeviceCaps(1 << 30, 1 << 30, 1.0, 512),
                    new DeviceCgroup.MemoryUse(1, 2, 0), DeploymentOutcome.successful("d-1"),
                    List.of(new ComponentStatus("c", "1.0.0", ComponentState.RUNNING, StatusCode.NONE, true, 0,
                            ResourceLimits.NONE, false, "", null)));
            Deployment deployment = new DeploymentReader().parse("d.json", ("{\"deploymentId\":\"d-1\",\"components\":"
                    + "{\"c\":{\"version\":\"1.0.0\",\"configurationUpdate\":{\"merge\":{\"model\":{\"name\":\"m\"}}},"
                    + "\"runWith\":{\"systemResourceLimits\":{\"memory\":1024,\"cpus\":0.5}}}}}").getBytes(StandardCharsets.UTF_8));
            new DeploymentJobs(new Topics("dev-1"), d -> DeploymentOutcome.successful(d.deploymentId()), (topic, payload) -> { },
                    Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(("{\"execution\":{\"jobId\":\"j-1\",\"jobDocument\":"
                    + "{\"deploymentId\":\"d-2\",\"components\":{}}}}").getBytes(StandardCharsets.UTF_8));
            new RecipeVariables("c", "1.0.0", deployment.components().get(0).configurationMerge(), Path.of("/opt"), "dev-1")
                    .interpolate("run {configuration:/model/name} {configuration:/model}");
            System.out.println("idle paths done");
        }
    }
}
