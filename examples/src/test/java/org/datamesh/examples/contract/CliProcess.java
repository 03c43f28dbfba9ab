package org.datamesh.examples.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datamesh.examples.ChildJvm;
import org.datamesh.examples.cli.CliOutcome;

/**
 * Runs the command line in a new JVM with the test's classpath, as a user runs it, so that
 * everything the process prints is seen: its own messages and every log line of every thread
 * (at INFO for all loggers here, more than a user sees).
 */
public final class CliProcess {

  private CliProcess() {}

  /** Runs {@code args}, writing the process's output to files in {@code dir}. */
  public static CliOutcome run(Path dir, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out-", ".txt");
    Path err = Files.createTempFile(dir, "err-", ".txt");
    List<String> command = new ArrayList<>(ChildJvm.java("1g"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.datamesh.examples.cli.DatameshCli");
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("DATAMESH_DEBUG");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("datamesh " + String.join(" ", args) + " did not finish");
    }
    return new CliOutcome(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
