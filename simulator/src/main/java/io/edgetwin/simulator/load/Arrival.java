package io.edgetwin.simulator.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * When requests are issued (docs/scenarios.md, {@code workload.arrival}). The open models fix the
 * arrival times up front, whatever the device does ({@link #schedule}); the closed model keeps a
 * fixed number of requests in flight and issues the next one when an answer comes back.
 */
public sealed interface Arrival {

    /** The rate the warm-up is sent at, before the measured part (closed: not used). */
    double warmupPerSecond();

    /**
     * The intended send times of the measured part, as offsets from its start; every random choice
     * comes from {@code seed}, so the same seed gives the same schedule.
     */
    Schedule schedule(long seed, Duration duration);

    /**
     * The same arrival for a fleet of {@code twins}: scenario rates and concurrency are per twin, the
     * driver sends the fleet's total. A replay trace already is the whole fleet's arrivals.
     */
    Arrival forFleet(int twins);

    /** How the run's progress names it: "constant arrivals, 50.0 requests/s", "closed, 4 in flight". */
    default String describe() {
        if (this instanceof Closed closed) {
            return "closed, " + closed.concurrency() + " in flight";
        }
        String rate = String.format(java.util.Locale.ROOT, "%.1f", warmupPerSecond()) + " requests/s";
        boolean steady = this instanceof Constant || this instanceof Poisson;
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " arrivals, " + (steady ? rate : rate + " at first");
    }

    /** Requests at a fixed interval. */
    record Constant(double perSecond) implements Arrival {
        public Constant {
            positive(perSecond);
        }

        @Override
        public double warmupPerSecond() {
            return perSecond;
        }

        @Override
        public Schedule schedule(long seed, Duration duration) {
            return RateSchedule.evenly(t -> perSecond, duration);
        }

        @Override
        public Arrival forFleet(int twins) {
            return new Constant(perSecond * twins);
        }
    }

    /** Independent arrivals at a mean rate: exponential gaps drawn from the seed (LoadGen's Server scenario). */
    record Poisson(double perSecond) implements Arrival {
        public Poisson {
            positive(perSecond);
        }

        @Override
        public double warmupPerSecond() {
            return perSecond;
        }

        @Override
        public Schedule schedule(long seed, Duration duration) {
            return RateSchedule.exponential(t -> perSecond, duration, new SplittableRandom(seed));
        }

        @Override
        public Arrival forFleet(int twins) {
            return new Poisson(perSecond * twins);
        }
    }

    /** Stages one after another, each at a rate, or ramping linearly from one rate to another; the last rate holds to the end. */
    record Steps(List<Stage> stages) implements Arrival {
        public Steps {
            stages = List.copyOf(stages);
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("steps need at least one stage");
            }
        }

        @Override
        public double warmupPerSecond() {
            return stages.get(0).fromPerSecond();
        }

        @Override
        public Schedule schedule(long seed, Duration duration) {
            return RateSchedule.evenly(this::rateAt, duration);
        }

        @Override
        public Arrival forFleet(int twins) {
            return new Steps(stages.stream()
                    .map(s -> new Stage(s.fromPerSecond() * twins, s.toPerSecond() * twins, s.length())).toList());
        }

        double rateAt(long offsetNanos) {
            long stageStart = 0;
            for (Stage stage : stages) {
                long length = stage.length().toNanos();
                if (offsetNanos < stageStart + length) {
                    double progress = (double) (offsetNanos - stageStart) / length;
                    return stage.fromPerSecond() + (stage.toPerSecond() - stage.fromPerSecond()) * progress;
                }
                stageStart += length;
            }
            return stages.get(stages.size() - 1).toPerSecond();
        }
    }

    /** One stage of {@link Steps}: a constant rate when {@code from == to}, else a linear ramp. */
    record Stage(double fromPerSecond, double toPerSecond, Duration length) {
        public Stage {
            positive(fromPerSecond);
            positive(toPerSecond);
            if (length.isZero() || length.isNegative()) {
                throw new IllegalArgumentException("stage length " + length + " must be positive");
            }
        }
    }

    /** A base rate with a burst at {@code burstPerSecond} for {@code length} at the start of every {@code every}. */
    record Burst(double basePerSecond, double burstPerSecond, Duration every, Duration length) implements Arrival {
        public Burst {
            positive(basePerSecond);
            positive(burstPerSecond);
            if (length.isZero() || length.isNegative() || length.compareTo(every) >= 0) {
                throw new IllegalArgumentException("burst length " + length + " must be positive and shorter than every " + every);
            }
        }

        @Override
        public double warmupPerSecond() {
            return basePerSecond;
        }

        @Override
        public Schedule schedule(long seed, Duration duration) {
            return RateSchedule.evenly(t -> t % every.toNanos() < length.toNanos() ? burstPerSecond : basePerSecond, duration);
        }

        @Override
        public Arrival forFleet(int twins) {
            return new Burst(basePerSecond * twins, burstPerSecond * twins, every, length);
        }
    }

    /** The arrival times of a recorded trace (offsets in nanoseconds, ascending); those past the duration are not sent. */
    record Replay(long[] offsetsNanos) implements Arrival {
        public Replay {
            Objects.requireNonNull(offsetsNanos, "offsetsNanos");
            if (offsetsNanos.length == 0) {
                throw new IllegalArgumentException("a replay trace needs at least one arrival");
            }
            offsetsNanos = offsetsNanos.clone();
        }

        @Override
        public double warmupPerSecond() {
            long last = offsetsNanos[offsetsNanos.length - 1];
            return last == 0 ? offsetsNanos.length : offsetsNanos.length / (last / 1e9);
        }

        @Override
        public Schedule schedule(long seed, Duration duration) {
            return new Schedule() {
                private int next;

                @Override
                public long next() {
                    if (next >= offsetsNanos.length || offsetsNanos[next] >= duration.toNanos()) {
                        return END;
                    }
                    return offsetsNanos[next++];
                }
            };
        }

        @Override
        public Arrival forFleet(int twins) {
            return this;
        }
    }

    /** A fixed number of requests in flight across the fleet: the next is sent when an answer comes back. */
    record Closed(int concurrency) implements Arrival {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency " + concurrency + " must be at least 1");
            }
        }

        @Override
        public double warmupPerSecond() {
            return 0;
        }

        @Override
        public Schedule schedule(long seed, Duration duration) {
            throw new UnsupportedOperationException("a closed workload has no schedule: it sends when answers come back");
        }

        @Override
        public Arrival forFleet(int twins) {
            return new Closed(concurrency * twins);
        }
    }

    private static void positive(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate " + perSecond + "/s must be above zero");
        }
    }
}
