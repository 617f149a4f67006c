package io.edgetwin.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test that runs a scenario on real twins before its body. The reports land in
 * {@code target/edgetwin/<TestClass>/<testMethod>/}; a {@link ScenarioResult} parameter gives the
 * test the report. When a threshold of the scenario fails (or the run is invalid) the test fails
 * with the violations listed, unless {@link #failOnThresholds()} is false.
 * <pre>{@code
 * @EdgeScenario("scenarios/quickstart.yaml")
 * void quickstartHoldsItsThresholds(ScenarioResult result) {
 *     assertThat(result.report().variants()).containsKey("limited");
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(EdgeScenarioExtension.class)
public @interface EdgeScenario {

    /** The scenario file, relative to the edgetwin checkout (see {@link ScenarioTestKit#projectRoot()}). */
    String value();

    /** Whether failing thresholds fail the test before its body runs (default true). */
    boolean failOnThresholds() default true;
}
