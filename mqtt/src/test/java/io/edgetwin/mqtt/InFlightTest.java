package io.edgetwin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The window of packets awaiting their ack. */
@Timeout(10)
class InFlightTest {

    @Test
    void aFullWindowHoldsThePublisherUntilAnAckFreesASlot() throws Exception {
        InFlight inFlight = new InFlight(1);
        int first = inFlight.acquire(error -> { });

        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            try {
                return inFlight.acquire(error -> { });
            } catch (MqttFailure e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(second).isNotDone();
        assertThat(inFlight.complete(first, null)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isNotEqualTo(first);
    }

    @Test
    void theReaderThreadGoesPastAFullWindowInsteadOfWaitingForAcksItWouldReadItself() throws Exception {
        InFlight inFlight = new InFlight(1);
        inFlight.acquire(error -> { });

        int past = inFlight.acquire(error -> { }, false);

        assertThat(inFlight.size()).isEqualTo(2);
        assertThat(past).isEqualTo(2);
    }

    @Test
    void theEndFailsEveryWaitingEntryOnceOldestFirstAndEveryLaterAcquire() throws Exception {
        InFlight inFlight = new InFlight(10);
        List<String> calls = new ArrayList<>();
        int a = inFlight.acquire(error -> calls.add("a " + error.getMessage()));
        inFlight.acquire(error -> calls.add("b " + error.getMessage()));

        inFlight.end(new MqttFailure("gone"));

        assertThat(inFlight.complete(a, null)).isFalse();
        assertThat(calls).containsExactly("a gone", "b gone");
        assertThatThrownBy(() -> inFlight.acquire(error -> { })).isInstanceOf(MqttFailure.class).hasMessageContaining("gone");
    }

    @Test
    void packetIdsWrapAroundAndSkipIdsStillInUse() throws Exception {
        InFlight inFlight = new InFlight(2);
        int kept = inFlight.acquire(error -> { });
        for (int i = 0; i < 65534; i++) {
            inFlight.complete(inFlight.acquire(error -> { }), null);
        }

        int next = inFlight.acquire(error -> { });

        assertThat(kept).isEqualTo(1);
        assertThat(next).isEqualTo(2);
    }
}
