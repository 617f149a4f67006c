package io.edgetwin.core.component;

import static io.edgetwin.core.component.ComponentState.BROKEN;
import static io.edgetwin.core.component.ComponentState.ERRORED;
import static io.edgetwin.core.component.ComponentState.FINISHED;
import static io.edgetwin.core.component.ComponentState.INSTALLED;
import static io.edgetwin.core.component.ComponentState.NEW;
import static io.edgetwin.core.component.ComponentState.RUNNING;
import static io.edgetwin.core.component.ComponentState.STARTING;
import static io.edgetwin.core.component.ComponentState.STOPPING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComponentStateTest {

    /** The Greengrass lifecycle as this core implements it, written out independently of the enum. */
    private static final Map<ComponentState, Set<ComponentState>> LEGAL = Map.of(
            NEW, EnumSet.of(INSTALLED, ERRORED, STOPPING),
            INSTALLED, EnumSet.of(STARTING, STOPPING),
            STARTING, EnumSet.of(RUNNING, ERRORED, FINISHED, STOPPING),
            RUNNING, EnumSet.of(STOPPING, ERRORED, FINISHED),
            STOPPING, EnumSet.of(INSTALLED, FINISHED, ERRORED),
            ERRORED, EnumSet.of(NEW, INSTALLED, STARTING, BROKEN, STOPPING),
            BROKEN, EnumSet.of(NEW),
            FINISHED, EnumSet.of(STARTING, INSTALLED));

    @Test
    void everyPairOfStatesFollowsTheTable() {
        List<String> wrong = new ArrayList<>();
        for (ComponentState from : ComponentState.values()) {
            for (ComponentState to : ComponentState.values()) {
                if (from.canMoveTo(to) != LEGAL.get(from).contains(to)) {
                    wrong.add(from + "->" + to + " allowed=" + from.canMoveTo(to));
                }
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyLegalMoveReturnsTheTarget() {
        LEGAL.forEach((from, targets) -> targets.forEach(to -> assertEquals(to, from.moveTo(to, "camera"))));
    }

    @Test
    void everyIllegalMoveThrowsNamingTheComponentAndBothStates() {
        for (ComponentState from : ComponentState.values()) {
            for (ComponentState to : EnumSet.complementOf(EnumSet.copyOf(LEGAL.get(from)))) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> from.moveTo(to, "camera"));

                assertEquals("component 'camera' cannot move from " + from + " to " + to, e.getMessage());
            }
        }
    }

    @Test
    void aBrokenComponentCannotRunAgainWithoutStartingOver() {
        assertThrows(IllegalStateException.class, () -> BROKEN.moveTo(STARTING, "camera"));
        assertThrows(IllegalStateException.class, () -> BROKEN.moveTo(RUNNING, "camera"));
        assertEquals(NEW, BROKEN.moveTo(NEW, "camera"));
    }

    @Test
    void noStateMovesToItself() {
        for (ComponentState state : ComponentState.values()) {
            assertThrows(IllegalStateException.class, () -> state.moveTo(state, "camera"), state.name());
        }
    }

    @Test
    void aNewComponentCannotRunWithoutInstallingAndStarting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NEW.moveTo(RUNNING, "ml.Inference"));

        assertEquals("component 'ml.Inference' cannot move from NEW to RUNNING", e.getMessage());
    }
}
