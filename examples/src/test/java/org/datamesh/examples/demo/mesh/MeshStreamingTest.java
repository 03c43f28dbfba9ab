package org.datamesh.examples.demo.mesh;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator streams: 200,000 orders (about 1.3 million records in all) are written by a JVM
 * of 48 MB of heap, far less than the rows would take, in seconds.
 */
class MeshStreamingTest {

  @TempDir Path dir;

  @Test
  void twoHundredThousandOrdersFitInASmallHeap() throws Exception {
    Path log = dir.resolve("child.log");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MeshGeneratorMain.class.getName(), dir.resolve("mesh").toString(), "200000", "1")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!finished) {
      process.destroyForcibly();
    }
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);

    assertThat(String.join("\n", output), process.exitValue(), is(0));
    long records = Long.parseLong(output.get(output.size() - 1).substring("records=".length()));
    assertThat(records, greaterThan(1_000_000L));
    assertThat(Files.size(dir.resolve("mesh/order_lines.csv")), greaterThan(10_000_000L));
    assertThat(seconds, lessThan(20.0));
  }
}
