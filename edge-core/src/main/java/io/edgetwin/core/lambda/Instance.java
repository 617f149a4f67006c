package io.edgetwin.core.lambda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running instance of a function: a worker process and its two pipes, used by one thread at a
 * time. A wait that passes its deadline (the start's {@code statusTimeoutInSeconds}, an invocation's
 * {@code timeoutInSeconds}) kills the process; the wait then answers {@link Reply.TimedOut}. The kill
 * timer runs on the JDK's delay thread, so nothing the core does postpones it.
 */
final class Instance implements AutoCloseable {

    private final Process process;
    private final DataInputStream in;
    private final DataOutputStream out;
    /** The number of the wait in progress; a timer kills only the wait it was set for. */
    private final AtomicLong wait = new AtomicLong();
    private volatile long timedOutWait = -1;

    private Instance(Process process) {
        this.process = process;
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    }

    static Instance start(WorkerCommand command) throws IOException {
        return new Instance(command.processBuilder().start());
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the worker to load its handler: {@link Reply.Ok} (empty) when it is ready. */
    Reply awaitReady(Duration limit) {
        long id = arm(limit);
        try {
            byte status = in.readByte();
            if (status == WorkerFrames.READY) {
                return new Reply.Ok(new byte[0]);
            }
            return new Reply.Failed(status == WorkerFrames.INIT_FAILED ? in.readUTF() : "unexpected status " + status);
        } catch (IOException e) {
            return ended(id, "while starting");
        } finally {
            disarm();
        }
    }

    /** Sends one event and waits for the handler's reply, at most {@code timeout}. */
    Reply invoke(byte[] event, Duration timeout) {
        long id = arm(timeout);
        try {
            WorkerFrames.writeInvocation(out, timeout.toMillis(), event);
            byte kind = in.readByte();
            byte[] body = WorkerFrames.readBytes(in);
            return kind == WorkerFrames.OK ? new Reply.Ok(body)
                    : new Reply.Failed(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return ended(id, "during the invocation");
        } finally {
            disarm();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Closes the worker's input (it exits), and kills it if it is still there a moment later. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the worker is gone already
        }
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private long arm(Duration limit) {
        long id = wait.incrementAndGet();
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (wait.get() == id) {
                timedOutWait = id;
                process.destroyForcibly();
            }
        });
        return id;
    }

    private void disarm() {
        wait.incrementAndGet();
    }

    private Reply ended(long id, String when) {
        if (timedOutWait == id) {
            return new Reply.TimedOut();
        }
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Reply.Died(process.isAlive() ? -1 : process.exitValue(), when);
    }

    /** What a wait on the worker ended with. */
    sealed interface Reply {
        /** The handler returned (or the worker is ready). */
        record Ok(byte[] result) implements Reply {
        }

        /** The handler threw, or could not be loaded: the worker is still usable after a throw. */
        record Failed(String message) implements Reply {
        }

        /** The wait passed its deadline and the worker was killed. */
        record TimedOut() implements Reply {
        }

        /** The worker ended on its own (a crash, or a kill from outside such as the OOM killer). */
        record Died(int exitCode, String when) implements Reply {
        }
    }
}
