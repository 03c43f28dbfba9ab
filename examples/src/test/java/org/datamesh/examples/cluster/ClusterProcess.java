package org.datamesh.examples.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datamesh.examples.ChildJvm;

/**
 * One JVM of a test cluster: a main class started with the test's own class path, its output
 * (stdout and stderr together) in a log file that a failing test shows. {@link #stop()} kills it
 * and waits until it is gone, so no process outlives the test that started it.
 */
final class ClusterProcess {

  /** How much of a log a failure message shows: its end, where the reason is. */
  private static final int LOG_TAIL_CHARS = 6_000;

  private final String name;
  private final Process process;
  private final Path log;

  private ClusterProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmFlags> -cp <the test's class path> <mainClass> <args>}, logging to
   * {@code dir/<name>.log}.
   */
  static ClusterProcess start(
      String name, Path dir, List<String> jvmFlags, String mainClass, List<String> args)
      throws IOException {
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(java());
    // C1 only, as for every JVM a test starts: the nodes share 2 cores with the test.
    command.add(ChildJvm.C1_ONLY);
    command.addAll(jvmFlags);
    // A streaming job's checkpoints serialize operator state through Kryo, which reaches into
    // these JDK packages (Flink's own scripts open them too).
    for (String pkg : ChildJvm.FLINK_OPENS) {
      command.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
    }
    // Flink's own INFO lines say which port it bound and why it stopped: wanted in the log.
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new ClusterProcess(name, process, log);
  }

  /**
   * Runs {@code mainClass} to its end (at most {@code seconds}) and returns what it printed;
   * fails when it does not exit 0.
   */
  static String runToEnd(Path dir, String name, String mainClass, List<String> args, int seconds)
      throws IOException, InterruptedException {
    ClusterProcess tool = start(name, dir, List.of(), mainClass, args);
    try {
      if (!tool.process.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not finish in " + seconds + " s" + tool.tail());
      }
      if (tool.process.exitValue() != 0) {
        throw new IllegalStateException(
            name + " exited " + tool.process.exitValue() + tool.tail());
      }
      return Files.readString(tool.log, StandardCharsets.UTF_8);
    } finally {
      tool.stop();
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything this process has logged so far. */
  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** The end of this process's log, headed by its name and state, for failure messages. */
  String tail() {
    String text;
    try {
      text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      text = "(log unreadable: " + e + ")";
    }
    if (text.length() > LOG_TAIL_CHARS) {
      text = "..." + text.substring(text.length() - LOG_TAIL_CHARS);
    }
    String state = process.isAlive() ? "running" : "exited " + process.exitValue();
    return "\n--- " + name + " (" + state + "), " + log + " ---\n" + text;
  }

  /**
   * Kills the process and its children (SIGKILL: a test cluster keeps nothing worth a graceful
   * shutdown) and waits for it to be gone.
   */
  void stop() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die in 30 s");
    }
  }

  private static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }
}
