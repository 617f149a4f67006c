package io.edgetwin.simulator.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosquittoBinaryTest {

    @TempDir
    Path dir;

    @Test
    void theFirstMosquittoOnPathIsTakenBeforeTheSystemDirectories() throws IOException {
        Path first = executable(dir.resolve("a"));
        executable(dir.resolve("b"));

        String path = dir.resolve("empty") + File.pathSeparator + dir.resolve("a") + File.pathSeparator + dir.resolve("b");

        assertThat(MosquittoBinary.find(null, path)).contains(first);
    }

    @Test
    void anExplicitPathWinsAndAMissingOneIsNotReplacedByAGuess() throws IOException {
        Path chosen = executable(dir.resolve("chosen"));
        executable(dir.resolve("onpath"));

        assertThat(MosquittoBinary.find(chosen.toString(), dir.resolve("onpath").toString())).contains(chosen);
        assertThat(MosquittoBinary.find(dir.resolve("nowhere/mosquitto").toString(), dir.resolve("onpath").toString()))
                .isEmpty();
    }

    @Test
    void aFileThatIsNotExecutableIsPassedOver() throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        Files.writeString(dir.resolve("plain/mosquitto"), "not a program");
        Path real = executable(dir.resolve("real"));

        assertThat(MosquittoBinary.find(null, dir.resolve("plain") + File.pathSeparator + dir.resolve("real")))
                .contains(real);
    }

    private static Path executable(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path binary = directory.resolve("mosquitto");
        Files.writeString(binary, "#!/bin/sh\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }
}
