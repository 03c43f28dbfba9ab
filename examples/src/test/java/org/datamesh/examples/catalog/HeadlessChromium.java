package org.datamesh.examples.catalog;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Headless Chromium (Debian package {@code chromium}) opening a page from disk, as the catalog
 * page's IT needs it: a screenshot, and the DOM after the page's script ran. Without Chromium the
 * test fails, saying how to install it: a skipped browser test would hide that the page was never
 * looked at. {@code -Ddatamesh.chromium=PATH} names another binary.
 *
 * <pre>{@code
 * HeadlessChromium chromium = HeadlessChromium.find(tempDir);
 * String dom = chromium.dumpDom(page.toUri() + "#q=orders");
 * HeadlessChromium.Picture shot = chromium.screenshot(page.toUri().toString(), 1280, 900);
 * }</pre>
 */
final class HeadlessChromium {

  private static final long TIMEOUT_SECONDS = 120;

  private final String binary;
  private final Path scratch;

  private HeadlessChromium(String binary, Path scratch) {
    this.binary = binary;
    this.scratch = scratch;
  }

  /** How a screenshot looks, in numbers: its width, its distinct colours, its non-white pixels. */
  record Picture(int width, int colours, long notWhite, long pixels) {}

  /** Chromium from -Ddatamesh.chromium, else on the PATH; fails the test without one. */
  static HeadlessChromium find(Path scratch) {
    String given = System.getProperty("datamesh.chromium");
    if (given != null && !given.isBlank()) {
      return new HeadlessChromium(given, scratch);
    }
    String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
    for (String folder : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        File candidate = new File(folder, name);
        if (candidate.canExecute()) {
          return new HeadlessChromium(candidate.getPath(), scratch);
        }
      }
    }
    return fail(
        "headless Chromium is needed to check the catalog page and is not installed: run"
            + " `apt-get install -y chromium` (.ci/run does when it is missing), or name a"
            + " binary with -Ddatamesh.chromium=PATH. This test does not skip: a skipped browser"
            + " test hides that the page was never opened.");
  }

  /** The DOM of {@code url} once its scripts ran. */
  String dumpDom(String url) throws Exception {
    return run("--dump-dom", url);
  }

  /** A screenshot of {@code url}, kept at {@code keep}, measured. */
  Picture screenshot(String url, int width, int height, Path keep) throws Exception {
    Path png = Files.createTempFile(scratch, "screenshot", ".png");
    run("--screenshot=" + png, "--window-size=" + width + "," + height, url);
    Files.createDirectories(keep.toAbsolutePath().getParent());
    Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null) {
      return fail("chromium wrote no PNG screenshot at " + png);
    }
    Set<Integer> colours = new HashSet<>();
    long notWhite = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        notWhite += rgb == 0xFFFFFF ? 0 : 1;
      }
    }
    return new Picture(
        image.getWidth(), colours.size(), notWhite, (long) image.getWidth() * image.getHeight());
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.add("--headless");
    command.add("--no-sandbox");
    command.add("--disable-gpu");
    // a profile of its own, so a browser already open on the machine is not reused
    command.add("--user-data-dir=" + Files.createTempDirectory(scratch, "profile"));
    command.addAll(List.of(args));
    File out = Files.createTempFile(scratch, "chromium", ".out").toFile();
    File err = Files.createTempFile(scratch, "chromium", ".err").toFile();
    Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
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
}
