package org.datamesh.pipelines.quality;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed gate's report.html opened from disk in headless Chromium (Debian package {@code
 * chromium}): the screenshot is not blank, and the failed check with its measured value is in
 * the page's DOM. Without Chromium the test fails, saying how to install it: a skipped browser
 * test would hide that the report was never looked at. {@code -Ddatamesh.chromium=PATH} names
 * another binary.
 */
class QualityReportBrowserIT {

  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @Test
  void aFailedGatesReportShowsTheFailedCheckInABrowser() throws Exception {
    String chromium = chromium();
    Path output = dir.resolve("out");
    QualityGateIT.run(
        "DirectRunner", Files.writeString(dir.resolve("good.csv"), QualityGateIT.GOOD), output, "run-1");
    Path few = Files.writeString(dir.resolve("few.csv"), QualityGateIT.TOO_FEW);
    assertThrows(Exception.class, () -> QualityGateIT.run("DirectRunner", few, output, "run-2"));
    Path report = output.resolve("crm/customers/quality/run-2/report.html");
    assertThat("the failed run wrote " + report, Files.isRegularFile(report), is(true));
    String url = report.toUri().toString();

    Path screenshot = dir.resolve("report.png");
    browse(chromium, "--screenshot=" + screenshot, "--window-size=1280,900", url);
    // kept where CI keeps test output, for a person to look at
    Path kept = Path.of("target", "quality-report-failed-gate.png");
    Files.createDirectories(kept.getParent());
    Files.copy(screenshot, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat("a PNG screenshot at " + screenshot, image != null, is(true));
    assertThat(image.getWidth(), is(1280));
    Set<Integer> colours = new HashSet<>();
    long notWhite = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          notWhite++;
        }
      }
    }
    assertThat("distinct colours in the screenshot", colours.size(), greaterThan(20));
    assertThat(
        "non-white pixels in the screenshot",
        notWhite,
        greaterThan((long) image.getWidth() * image.getHeight() / 10));

    String dom = browse(chromium, "--dump-dom", url);
    int gate = dom.indexOf("id=\"failed-gate\"");
    assertThat("the failed gate's section is in the DOM", gate, greaterThan(-1));
    String section = dom.substring(gate, dom.indexOf("</section>", gate));
    assertThat(section, containsString("<td class=\"check-id\">enough_rows</td>"));
    assertThat(section, containsString("<td class=\"number measured\">2 rows</td>"));
    assertThat(section, containsString("&gt;= 3 rows"));
    assertThat(dom, containsString("Gate failed: not published"));
    assertThat(dom, containsString("<svg"));
    assertThat(
        "the quarantined record's sample is shown",
        dom,
        containsString("<tr class=\"sample\"><td>id.not_null</td><td>VALIDATE</td>"));
  }

  /** Runs headless Chromium on {@code args} and returns what it wrote to its standard output. */
  private String browse(String chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(chromium);
    command.add("--headless");
    command.add("--no-sandbox");
    command.add("--disable-gpu");
    // a profile of its own, so a browser already open on the machine is not reused
    command.add("--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
    command.addAll(List.of(args));
    File out = Files.createTempFile(dir, "chromium", ".out").toFile();
    File err = Files.createTempFile(dir, "chromium", ".err").toFile();
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out)
            .redirectError(err)
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      fail("chromium exited with " + process.exitValue() + ": " + command + "\n"
          + Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
    return Files.readString(out.toPath(), StandardCharsets.UTF_8);
  }

  /** The Chromium binary: -Ddatamesh.chromium, else chromium on the PATH; fails without one. */
  private static String chromium() {
    String given = System.getProperty("datamesh.chromium");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
    for (String folder : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        File candidate = new File(folder, name);
        if (candidate.canExecute()) {
          return candidate.getPath();
        }
      }
    }
    return fail(
        "headless Chromium is needed to check the quality report and is not installed: run"
            + " `apt-get install -y chromium` (.ci/run does when it is missing), or name a"
            + " binary with -Ddatamesh.chromium=PATH. This test does not skip: a skipped browser"
            + " test hides that the report was never opened.");
  }
}
