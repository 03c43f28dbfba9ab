package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.OutOfMemoryExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that runs out of memory ends: exit status 1 and one line on standard error, however the
 * runner meets the error, and also when G1 keeps collecting a full heap without ever throwing
 * ({@code GcThrashExit}). {@code datamesh run} on the Direct runner with a 64 MiB heap and 23 MB
 * of orders used to log the OutOfMemoryError of its worker thread and wait for that thread
 * forever; once in about ten tries it collected for minutes instead.
 */
class RunOutOfMemoryTest {

  private static final int ORDERS = 400_000;

  @TempDir Path dir;

  @Test
  void theDirectRunnerOutOfMemoryExitsWithOneLineAndWasWarnedOfTheInput() throws Exception {
    Path input = dir.resolve("orders.csv");
    try (BufferedWriter csv = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      csv.write("order_id,customer_id,order_ts,updated_at,amount,currency,status,quantity\n");
      for (int i = 1; i <= ORDERS; i++) {
        csv.write("ORD-" + i + ",C-" + i + ",2024-03-05T10:00:00Z,,12.50,EUR,PAID,2\n");
      }
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                // far below what the run needs: near the edge, G1 collects a nearly full heap for
                // minutes before it gives up (once more than 150 s in CI with 96 MB)
                "-Xmx64m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                "-cp",
                System.getProperty("java.class.path"),
                "org.datamesh.examples.cli.DatameshCli",
                "run",
                "--contract=" + OrdersContract.write(dir, "orders.yaml"),
                "--input=" + input,
                "--output=" + dir.resolve("mesh"),
                "--runner=DirectRunner")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // G1 collects a nearly full heap over and over before it gives up: about 25 s on an idle
    // machine, more than twice that on a busy one; when it never does, the thrash watcher ends
    // the run after 20 s of it.
    boolean ended = process.waitFor(150, TimeUnit.SECONDS);
    String threads = "";
    if (!ended) {
      threads = threadDump(process.pid()); // where it hangs, for whoever reads the failure
      process.destroyForcibly().waitFor();
    }
    List<String> errLines = Files.readAllLines(err);
    assertThat("the run ended by itself\n" + errLines + "\n" + threads, ended, is(true));
    assertThat(process.exitValue(), is(ExitCode.RUN_FAILED));
    assertThat(
        "standard output: " + Files.readAllLines(out), errLines, equalTo(List.of(OutOfMemoryExit.MESSAGE)));
    assertThat(
        Files.readAllLines(out).get(0),
        equalTo(RunCommand.directRunnerWarning(Files.size(input), 64L << 20)));
  }

  /** The threads of process {@code pid}, as jstack prints them; empty if it cannot. */
  private String threadDump(long pid) {
    try {
      Path dump = dir.resolve("threads.txt");
      Process jstack =
          new ProcessBuilder(
                  Paths.get(System.getProperty("java.home"), "bin", "jstack").toString(),
                  String.valueOf(pid))
              .redirectErrorStream(true)
              .redirectOutput(dump.toFile())
              .start();
      if (!jstack.waitFor(30, TimeUnit.SECONDS)) {
        jstack.destroyForcibly();
      }
      return Files.readString(dump);
    } catch (IOException | InterruptedException e) {
      return "(no thread dump: " + e + ")";
    }
  }

  @Test
  void onlyALargeInputIsWarnedOf() {
    long heap = 1L << 30;
    assertThat(RunCommand.directRunnerWarning(10_000_000, heap), nullValue());
    assertThat(
        RunCommand.directRunnerWarning(147_000_000, heap),
        equalTo(
            "Warning: the input is 147 MB, and the Direct runner holds whole bundles in memory, so"
                + " it may run out of it; for large inputs use the default runner, embedded Flink"
                + " (--runner=FlinkRunner). The Direct runner is for tests."));
    assertThat(
        "an eighth of a small heap is large", RunCommand.directRunnerWarning(20_000_000, 96L << 20),
        equalTo(RunCommand.directRunnerWarning(20_000_000, 0)));
  }
}
