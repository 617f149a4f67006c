package io.edgetwin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --engine}, {@code --advertise-address}, {@code --registry}: a value that cannot work is bad input, before anything starts. */
class EngineOptionsTest {

    @Test
    void anUnknownEngineIsBadInputNamingTheChoices() {
        Outcome outcome = run("run", "scenarios/quickstart.yaml", "--engine", "kubernetes");

        assertEquals(Main.BAD_INPUT, outcome.exit());
        assertThat(outcome.err()).contains("--engine 'kubernetes'; expected docker or swarm").doesNotContain("Exception");
    }

    @Test
    void anAddressOrRegistryThatCannotBeUsedIsBadInput() {
        assertThat(run("run", "scenarios/quickstart.yaml", "--engine", "swarm", "--advertise-address", "a b").err())
                .contains("--advertise-address 'a b'; expected an IP address or host name");
        Outcome registry = run("run", "scenarios/quickstart.yaml", "--engine", "swarm", "--registry", "http://10.0.0.5:5000");

        assertEquals(Main.BAD_INPUT, registry.exit());
        assertThat(registry.err()).contains("--registry 'http://10.0.0.5:5000'; expected HOST:PORT");
    }

    private record Outcome(int exit, String err) {
    }

    private static Outcome run(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute(args);
            return new Outcome(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }
}
