package io.edgetwin.simulator.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void quantilesInterpolateStraightBetweenTheirPoints() {
        RoundTrip rtt = RoundTrip.quantiles(0, 20, 0.5, 50, 1, 150);

        assertThat(rtt.nanosAt(0)).isEqualTo(20_000_000);
        assertThat(rtt.nanosAt(0.25)).isEqualTo(35_000_000);
        assertThat(rtt.nanosAt(0.5)).isEqualTo(50_000_000);
        assertThat(rtt.nanosAt(0.75)).isEqualTo(100_000_000);
        assertThat(rtt.nanosAt(1)).isEqualTo(150_000_000);
    }

    @Test
    void aShiftAddsToEveryPoint() {
        assertThat(RoundTrip.quantiles(0, 20, 1, 40).plus(Duration.ofMillis(10)).nanosAt(0.5)).isEqualTo(40_000_000);
        assertThat(RoundTrip.fixed(Duration.ofMillis(5)).plus(Duration.ofMillis(10)).nanosAt(0.3)).isEqualTo(15_000_000);
    }

    @Test
    void quantilesOutOfOrderOrOpenEndedAreRefusedNamingThePoint() {
        assertThatThrownBy(() -> RoundTrip.quantiles(0, 20, 0.5, 10, 1, 30))
                .hasMessageContaining("Quantile[p=0.5, ms=10.0] follows Quantile[p=0.0, ms=20.0]");
        assertThatThrownBy(() -> RoundTrip.quantiles(0.1, 20, 1, 30)).hasMessageContaining("must start at p 0 and end at p 1");
        assertThatThrownBy(() -> RoundTrip.quantiles(0, -1, 1, 30)).hasMessageContaining("must be a finite, non-negative number");
        assertThatThrownBy(() -> RoundTrip.quantiles(0, 1, 1.5, 30)).hasMessageContaining("must be between 0 and 1");
    }

    @Test
    void everyBuiltInProfileHasANameItIsFoundBy() {
        assertThat(WanProfile.names()).containsExactly("wired", "lte-good", "lte-poor", "satellite", "satellite-geo");
        WanProfile.names().forEach(name -> assertThat(WanProfile.named(name).orElseThrow().name()).isEqualTo(name));
        assertThat(WanProfile.named("5g")).isEmpty();
    }
}
