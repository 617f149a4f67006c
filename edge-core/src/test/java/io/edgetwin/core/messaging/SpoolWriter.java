package io.edgetwin.core.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of {@link SpoolCrashTest}: spools QoS 1 messages {@code m-0, m-1, ...} into a disk spool
 * as fast as it can and prints each number once {@code offer} said SPOOLED, until it is killed.
 */
final class SpoolWriter {

    private SpoolWriter() {
    }

    public static void main(String[] args) throws IOException {
        SpoolSettings settings = new SpoolSettings(SpoolSettings.Storage.DISK, 1L << 30, false, Path.of(args[0]));
        Spooler spool = Spooler.open(settings);
        for (int i = 0; ; i++) {
            PublishOutcome outcome = spool.offer(new SpoolMessage("edgetwin/dev-1/data", ("m-" + i).getBytes(UTF_8), 1), true);
            if (outcome != PublishOutcome.SPOOLED) {
                System.out.println("refused " + i + " " + outcome);
                System.out.flush();
                return;
            }
            System.out.println(i);
            System.out.flush();
        }
    }
}
