package io.edgetwin.simulator.run;

import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.simulator.attack.AttackRunner;
import io.edgetwin.simulator.attack.AttackTally;
import io.edgetwin.simulator.broker.BrokerClient;
import io.edgetwin.simulator.broker.Mosquitto;
import io.edgetwin.simulator.fault.Attacks;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.identity.RunIdentities;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Security;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.TwinSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run's device identities and what its variants ask of the broker: the run CA and an mTLS listener
 * when any variant is {@code mtls} (the default), a plain listener when any says {@code none}; both when
 * they differ, so one run can measure what TLS costs. It also carries out the variants' attack faults
 * and marks an mTLS variant INVALID when they got anything through.
 */
final class RunSecurity {

    private final RunIdentities identities;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, AttackTally> tallies = new ConcurrentHashMap<>();
    private Mosquitto broker;
    private BrokerClient harness;

    private RunSecurity(RunIdentities identities, Clock clock, SecureRandom random) {
        this.identities = identities;
        this.clock = clock;
        this.random = random;
    }

    /** Creates the run's identities in {@code runDir} when any variant runs with mTLS. */
    static RunSecurity of(Scenario scenario, Path runDir, String runId, Clock clock, SecureRandom random) throws IOException {
        boolean secured = scenario.variants().stream().anyMatch(v -> v.security() == Security.MTLS);
        boolean plain = scenario.variants().stream().anyMatch(v -> v.security() == Security.NONE);
        return new RunSecurity(secured ? RunIdentities.create(runDir, runId, clock, random, plain) : null, clock, random);
    }

    /** Starts the run's broker with the listeners the variants need. */
    Mosquitto startBroker(Path runDir, java.time.Duration patience) throws IOException {
        broker = Mosquitto.start(runDir, patience, identities == null ? null : identities.brokerTls());
        return broker;
    }

    /** The harness's client: over mTLS as the topic policy's superuser, or plain when no variant uses mTLS. */
    BrokerClient connectHarness(String runId) {
        harness = identities == null
                ? new BrokerClient(broker.uri(), "edgetwin-harness-" + runId, false)
                : new BrokerClient(broker.tlsUri(), RunIdentities.HARNESS, false, identities.harnessContext());
        return harness;
    }

    /** The broker's listeners, as the run's first lines print them. */
    String describe() {
        if (!broker.hasTls()) {
            return "mosquitto on " + broker.uri() + " (security: none)";
        }
        String tls = "mosquitto on " + broker.tlsUri() + " (mTLS: a certificate per twin, each twin confined to its own topics)";
        return broker.hasPlain() ? tls + " and " + broker.uri() + " (security: none)" : tls;
    }

    /** The broker port a twin of {@code variant} connects to (through its link proxy). */
    int brokerPort(Variant variant) {
        return variant.security() == Security.MTLS ? broker.tlsPort() : broker.port();
    }

    /** The twin with its own certificate when {@code variant} runs with mTLS, reaching the broker through {@code port}. */
    TwinSpec twin(TwinSpec spec, Variant variant, int port) throws IOException {
        return variant.security() == Security.MTLS ? identities.secured(spec, port) : spec;
    }

    /** Who carries out {@code variant}'s attack faults: on its own listener, so a {@code none} variant shows what gets through. */
    Attacks attacks(Variant variant) {
        AttackTally tally = tallies.computeIfAbsent(variant.name(), name -> new AttackTally());
        boolean secured = variant.security() == Security.MTLS;
        return new AttackRunner(secured ? identities : null, secured ? broker.tlsUri() : broker.uri(), harness, tally, clock,
                random).withBroker(broker);
    }

    /** What {@code variant}'s attacks achieved, or null when it had none. */
    AttackTally tally(String variant, List<Fault> faults) {
        return faults.stream().anyMatch(f -> f instanceof Fault.Attack) ? tallies.get(variant) : null;
    }

    /** {@code result} with what its attacks achieved (report.json's {@code security}), so thresholds can read it. */
    VariantResult reported(Variant variant, VariantResult result, List<Fault> faults) {
        AttackTally tally = tally(variant.name(), faults);
        return tally == null ? result : result.withSecurity(tally.result(variant.security().text()));
    }

    /**
     * {@code result}, marked INVALID with a reason of its own when the variant runs with mTLS and its
     * attacks got anything through: then it did not run as the secured fleet it claims to measure.
     */
    VariantResult judged(Variant variant, VariantResult result, List<Fault> faults) {
        return judged(variant.security(), tally(variant.name(), faults), result);
    }

    /** {@code result} as {@link #judged(Variant, VariantResult, List)} says, given the variant's tally (null: no attacks). */
    static VariantResult judged(Security security, AttackTally tally, VariantResult result) {
        if (tally == null || security != Security.MTLS || tally.breaches() == 0) {
            return result;
        }
        List<String> reasons = new ArrayList<>(result.validity().reasons());
        reasons.add(breach(tally));
        return result.withValidity(new Validity(false, reasons));
    }

    static String breach(AttackTally tally) {
        return "security breach: " + tally.delivered() + " forbidden message(s) delivered across things and "
                + tally.admitted() + " forbidden connection(s) admitted despite mTLS and the topic policy; the fleet did not"
                + " run as secured (docs/security.md)";
    }
}
