package io.edgetwin.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode, for looking at report.html as a browser draws it:
 * a screenshot, or the DOM after parsing. Every call waits for Chromium to exit (at most 90 s) and
 * kills it and its children otherwise, so no browser is left behind.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 90;
    private final String binary;
    private final Path workDir;

    HeadlessChromium(Path workDir) {
        this.binary = System.getProperty("edgetwin.chromium", "chromium");
        this.workDir = workDir;
    }

    /** Writes a PNG of {@code page} as a {@code width} × {@code height} window shows it. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()), workDir.resolve("screenshot.log"));
    }

    /** The DOM of {@code page} after Chromium parsed it, serialised. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom.html");
        run(List.of("--dump-dom", page.toUri().toString()), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + workDir.resolve("profile").toAbsolutePath()));
        command.addAll(args);
        Path log = workDir.resolve("chromium-stderr.log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start '" + binary + "' (" + e.getMessage() + "); install Chromium with"
                    + " docker/ensure-chromium.sh (Debian package chromium)", e);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited with " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(log));
        }
    }
}
