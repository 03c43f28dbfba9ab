package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.datamesh.examples.ChildJvm;

/**
 * {@code datamesh run} in a JVM of its own, started as a user or a scheduler starts it (on
 * embedded Flink, with the test's class path), its output and errors going to a log file.
 *
 * <pre>{@code
 * RunProcess run =
 *     RunProcess.start(contract, input, output, dir.resolve("run-1.log"),
 *         Map.of(HoldPoint.HOLD_AT, HoldPoint.MANIFEST_RENAME));
 * run.awaitLine(HoldPoint.marker(HoldPoint.MANIFEST_RENAME));
 * run.kill();
 * }</pre>
 */
public final class RunProcess {

  private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

  /** The exit status of a JVM ended by SIGKILL: 128 + signal 9. */
  private static final int KILLED_STATUS = 137;

  private final Process process;
  private final Path log;

  private RunProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the run; {@code properties} become {@code -D} system properties of the new JVM. Its
   * working files (Flink's, those of a killed run) stay in {@code tmp} next to the log.
   */
  public static RunProcess start(
      Path contract, Path input, Path output, Path log, Map<String, String> properties)
      throws IOException {
    return start(
        List.of(
            "run",
            "--contract=" + contract,
            "--input=" + input,
            "--output=" + output,
            "--parallelism=2"),
        log,
        properties);
  }

  /** Starts {@code datamesh} with {@code args} ({@code run ...}), as {@link #start} does. */
  public static RunProcess start(List<String> args, Path log, Map<String, String> properties)
      throws IOException {
    Path tmp = Files.createDirectories(log.resolveSibling("tmp"));
    List<String> command = new ArrayList<>(ChildJvm.java("1g"));
    command.add("-Djava.io.tmpdir=" + tmp);
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), "org.datamesh.examples.cli.DatameshCli"));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new RunProcess(process, log);
  }

  /**
   * Starts {@code java -jar target/datamesh.jar args}, as a user does: a Flink cluster is then
   * given the jars its manifest names, not the test's class path.
   */
  public static RunProcess startJar(List<String> args, Path log) throws IOException {
    Path jar = Path.of("target", "datamesh.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("mvn package builds " + jar + " before the ITs run");
    }
    Path tmp = Files.createDirectories(log.resolveSibling("tmp"));
    List<String> command = new ArrayList<>(ChildJvm.java("1g"));
    command.add("-Djava.io.tmpdir=" + tmp);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new RunProcess(process, log);
  }

  /** Waits for the run to end by itself and returns its exit status. */
  public int exitStatus() throws InterruptedException, IOException {
    boolean ended = process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat("the run finished in time\n" + log(), ended, is(true));
    return process.exitValue();
  }

  /** Waits for the run to print {@code line}, failing if it ends first or takes too long. */
  public void awaitLine(String line) throws InterruptedException, IOException {
    await("'" + line + "'", () -> log().lines().anyMatch(line::equals));
  }

  /**
   * Waits until {@code condition} holds (checked every 20 ms), failing with {@code what} and the
   * log if the run ends first or takes too long.
   */
  public void await(String what, Condition condition) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    while (!condition.holds()) {
      if (!isAlive()) {
        // Once more: it may have met the condition just before it ended.
        assertThat("the run ended before " + what + "\n" + log(), condition.holds(), is(true));
        return;
      }
      assertThat(what + " in time\n" + log(), System.nanoTime() < deadline, is(true));
      Thread.sleep(20);
    }
  }

  /** Something about the run or its output that a test waits for. */
  public interface Condition {
    boolean holds() throws IOException;
  }

  /** Whether the run was still going after {@code millis}. */
  public boolean stillRunningAfter(long millis) throws InterruptedException {
    return !process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGKILL on Linux: the process gets no chance to clean up, finish a write or unlock. Fails if
   * the run had already ended by itself, so that no kill test passes without killing.
   */
  public void kill() throws InterruptedException, IOException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS), is(true));
    assertThat(
        "the run was killed, not ended by itself\n" + log(),
        process.exitValue(),
        is(KILLED_STATUS));
  }

  /** Everything the run has printed so far. */
  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
