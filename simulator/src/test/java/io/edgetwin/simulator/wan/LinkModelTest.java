package io.edgetwin.simulator.wan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgetwin.simulator.wan.LinkModel.Direction;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The link model on a seeded generator and a made-up clock: no sockets, no sleeping. */
class LinkModelTest {

    private static final long MS = 1_000_000;

    @Test
    void requestAndAnswerSeeTheProfilesRoundTripDistributionWithinTenPercent() {
        WanProfile lte = WanProfile.named("lte-good").orElseThrow();
        WanProfile noLoss = new WanProfile("lte-good-lossless", lte.rtt(), 0, 0, 0);
        LinkModel model = new LinkModel(new SplittableRandom(7));
        long[] roundTrips = new long[20_000];
        long now = 0;
        for (int i = 0; i < roundTrips.length; i++) {
            now += 1_000 * MS; // one exchange at a time, far apart: no queueing
            long atCloud = model.arrivalNanos(Direction.UP, now, 100, noLoss);
            long back = model.arrivalNanos(Direction.DOWN, atCloud, 100, noLoss);
            roundTrips[i] = back - now;
        }
        Arrays.sort(roundTrips);
        assertThat(roundTrips[roundTrips.length / 2] / 1e6).isCloseTo(35, within(3.5));
        assertThat(roundTrips[(int) (roundTrips.length * 0.99)] / 1e6).isCloseTo(90, within(9.0));
    }

    @Test
    void theSameSeedGivesTheSameArrivals() {
        WanProfile poor = WanProfile.named("lte-poor").orElseThrow();
        LinkModel a = new LinkModel(new SplittableRandom(3));
        LinkModel b = new LinkModel(new SplittableRandom(3));
        for (int i = 0; i < 100; i++) {
            assertThat(a.arrivalNanos(Direction.UP, i * MS, 500, poor)).isEqualTo(b.arrivalNanos(Direction.UP, i * MS, 500, poor));
        }
    }

    @Test
    void bandwidthQueuesChunksBehindEachOther() {
        WanProfile slow = new WanProfile("slow", RoundTrip.ZERO, 0, 1_000, 0);
        LinkModel model = new LinkModel(new SplittableRandom(1));

        long first = model.arrivalNanos(Direction.UP, 0, 500, slow);
        long second = model.arrivalNanos(Direction.UP, 0, 500, slow);

        assertThat(first).isEqualTo(500 * MS);
        assertThat(second).as("waits for the first to leave").isEqualTo(1_000 * MS);
        assertThat(model.arrivalNanos(Direction.DOWN, 0, 500, slow)).as("the other direction has no cap").isZero();
    }

    @Test
    void aLostChunkArrivesOneRetransmissionLaterAndHoldsBackTheNext() {
        WanProfile lossy = new WanProfile("lossy", RoundTrip.fixed(Duration.ofMillis(20)), 100, 0, 0);
        LinkModel model = new LinkModel(new SplittableRandom(1));

        long lost = model.arrivalNanos(Direction.UP, 0, 10, lossy);

        assertThat(lost).isEqualTo(10 * MS + LinkModel.RETRANSMIT.toNanos());
        WanProfile clean = new WanProfile("clean", RoundTrip.fixed(Duration.ofMillis(20)), 0, 0, 0);
        assertThat(model.arrivalNanos(Direction.UP, 1 * MS, 10, clean)).as("TCP delivers in order").isEqualTo(lost);
    }

    @Test
    void lossDrawsMatchTheProfilesShare() {
        WanProfile lossy = new WanProfile("two-percent", RoundTrip.ZERO, 2, 0, 0);
        LinkModel model = new LinkModel(new SplittableRandom(11));
        int late = 0;
        for (int i = 0; i < 50_000; i++) {
            long now = i * 1_000 * MS;
            if (model.arrivalNanos(Direction.UP, now, 10, lossy) > now) {
                late++;
            }
        }
        assertThat(late / 50_000.0 * 100).isCloseTo(2, within(0.3));
    }
}
