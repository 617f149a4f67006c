package io.edgetwin.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PNG of a run's report.html as headless Chromium draws it, kept in {@code target/edgetwin-screenshots/}
 * so the test output shows what a reader of the report sees.
 */
final class PageShot {

    private PageShot() {
    }

    static Path of(Path page, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "edgetwin-screenshots").toAbsolutePath());
        Path png = dir.resolve(name + ".png");
        Files.deleteIfExists(png);
        Process chromium = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile-" + name), "--window-size=1360,2000",
                "--screenshot=" + png, page.toAbsolutePath().toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not draw " + page + " within 90 s");
        }
        return png;
    }
}
