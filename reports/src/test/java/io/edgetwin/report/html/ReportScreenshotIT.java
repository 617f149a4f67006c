package io.edgetwin.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportFormats;
import io.edgetwin.report.SyntheticRun;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the noisy-neighbour report.html in headless Chromium, as someone would from a CI artifact:
 * the screenshot lands in {@code target/edgetwin-screenshots/report.png} for people to look at, and
 * the test checks that Chromium drew the charts and the verdict. Needs Debian's chromium
 * (docker/ensure-chromium.sh), not Docker.
 */
class ReportScreenshotIT {

    private static final Path OUT = Path.of("target", "edgetwin-screenshots");
    private static final int WIDTH = 1360;
    private static final int HEIGHT = 1400;
    private static HeadlessChromium chromium;
    private static Path page;

    @BeforeAll
    static void renderTheNoisyNeighbourReport() throws Exception {
        Files.createDirectories(OUT);
        Report report = Gate.withThresholds(new SyntheticRun(4, 300, 60_000).report(),
                Threshold.parseAll(List.of("latency.p99 < 50ms", "oomKills.component[com.example.Inference] == 0")));
        ReportFormats.write(List.of(ReportFormats.html()), report, OUT);
        page = OUT.resolve("report.html").toAbsolutePath();
        chromium = new HeadlessChromium(OUT);
    }

    @Test
    void chromiumDrawsTheVerdictBannerAndTheLatencyCharts() throws Exception {
        Path png = OUT.resolve("report.png");
        Files.deleteIfExists(png);

        chromium.screenshot(page, png, WIDTH, HEIGHT);

        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(WIDTH, shot.getWidth());
        assertTrue(share(shot, 0, 140, 0xb03a2e) > 0.3, "the FAIL banner fills the top of the page");
        assertTrue(count(shot, 500, HEIGHT, 0x1f77b4) > 300, "limited's latency line (blue) is drawn");
        assertTrue(count(shot, 500, HEIGHT, 0xd62728) > 300, "unlimited's latency line (red) is drawn");
        assertTrue(count(shot, 500, HEIGHT, 0x8e44ad) > 50, "OOM kills are marked (purple)");
    }

    @Test
    void parsedPageHasEveryChartAndTheFailingThresholdInWords() throws Exception {
        String dom = chromium.dumpDom(page);

        assertTrue(dom.contains("<h1>noisy-neighbor: FAIL</h1>"), "verdict heading");
        assertTrue(dom.contains("unlimited: latency.p99 &lt; 50ms failed: it was"), "failing threshold in words");
        assertEquals(19, dom.split("<svg class=\"chart\"", -1).length - 1, "every chart survived parsing");
    }

    /** Pixels in rows {@code fromY..toY} within a small distance of {@code rgb}. */
    private static int count(BufferedImage image, int fromY, int toY, int rgb) {
        int count = 0;
        for (int y = fromY; y < Math.min(toY, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static double share(BufferedImage image, int fromY, int toY, int rgb) {
        return count(image, fromY, toY, rgb) / (double) ((toY - fromY) * image.getWidth());
    }

    private static boolean close(int pixel, int rgb) {
        int dr = ((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff);
        int dg = ((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff);
        int db = (pixel & 0xff) - (rgb & 0xff);
        return dr * dr + dg * dg + db * db < 40 * 40;
    }
}
