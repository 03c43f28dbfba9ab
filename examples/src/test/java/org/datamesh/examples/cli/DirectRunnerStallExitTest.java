package org.datamesh.examples.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stall rule: workers idle for the whole stall time after the heap filled; not a short pause,
 * and not idle workers whose heap never filled; and a process left in that state ends with the
 * out-of-memory line and exit status 1.
 */
class DirectRunnerStallExitTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"parked", "spinning"})
  void aProcessWhoseWorkersStalledAfterItsHeapFilledEndsWithTheOutOfMemoryLine(String workers)
      throws Exception {
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-Ddatamesh.directRunnerStallMillis=3000",
                "-cp",
                System.getProperty("java.class.path"),
                StalledRunMain.class.getName(),
                workers)
            .redirectError(err.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    assertThat("ended by the watch", ended, is(true));
    assertThat(process.exitValue(), is(ExitCode.RUN_FAILED));
    assertThat(Files.readAllLines(err), equalTo(List.of(OutOfMemoryExit.MESSAGE)));
  }

  private static final long MAX = 64L << 20;

  @Test
  void aWorkerEvaluatesOnlyWithTheRunnersTransformExecutorOnItsStack() {
    StackTraceElement scheduling =
        new StackTraceElement("org.apache.beam.runners.direct.QuiescenceDriver", "drive", null, 1);
    StackTraceElement evaluating =
        new StackTraceElement(DirectRunnerStallExit.EVALUATING, "run", null, 1);
    assertThat(DirectRunnerStallExit.evaluating(new StackTraceElement[] {scheduling}), is(false));
    assertThat(
        DirectRunnerStallExit.evaluating(new StackTraceElement[] {scheduling, evaluating}), is(true));
    assertThat(DirectRunnerStallExit.evaluating(new StackTraceElement[0]), is(false));
  }

  @Test
  void idleWorkersAfterAFullHeapAreAStalledRun() {
    assertThat(DirectRunnerStallExit.stalledOutOfMemory(30_000, 62L << 20, MAX), is(true));
    assertThat(DirectRunnerStallExit.stalledOutOfMemory(120_000, 55L << 20, MAX), is(true));
  }

  @Test
  void aShortPauseOrAHeapThatNeverFilledIsNot() {
    assertThat(DirectRunnerStallExit.stalledOutOfMemory(28_000, 64L << 20, MAX), is(false));
    assertThat(DirectRunnerStallExit.stalledOutOfMemory(600_000, 40L << 20, MAX), is(false));
    assertThat(DirectRunnerStallExit.stalledOutOfMemory(600_000, 40L << 20, 0), is(false));
  }
}
