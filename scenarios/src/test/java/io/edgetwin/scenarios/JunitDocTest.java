package io.edgetwin.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JunitDocTest {

    private static final Path HOME = Path.of(System.getProperty("edgetwin.home", ".."));

    @Test
    void theJunitGuideShowsTheExampleThatTheBuildRuns() throws Exception {
        String example = Files.readString(HOME.resolve(
                "scenarios/src/test/java/io/edgetwin/scenarios/example/QuickstartKitIT.java"));
        String guide = Files.readString(HOME.resolve("docs/junit.md"));

        assertThat(guide).contains("```java\n" + example + "```");
    }
}
