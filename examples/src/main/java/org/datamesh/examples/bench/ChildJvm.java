package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one measured run in its own JVM (this JVM's {@code java} and class path, a small main
 * class per run kind), waits for it and reads the {@code BENCH-RESULT} line it prints, so CPU time
 * and peak memory belong to that run alone. The child's output goes to a log file. Its arguments
 * after the input, output and warm-up are the kind's Beam options, then {@code runArgs} (where a
 * Kafka run finds its broker).
 *
 * <pre>{@code
 * RunFigures figures =
 *     ChildJvm.run(RunKind.PLAIN_JAVA, 20_000, List.of(), "in.csv", out, "warm.csv", List.of(), log);
 * }</pre>
 */
final class ChildJvm {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChildJvm() {}

  static RunFigures run(
      RunKind kind,
      long size,
      List<String> jvmArgs,
      String input,
      Path output,
      String warmup,
      List<String> runArgs,
      Path log)
      throws IOException, InterruptedException {
    return run(
        kind, size, jvmArgs, input, output, warmup, runArgs, log,
        System.getProperty("java.class.path"), List.of());
  }

  /**
   * As above, on {@code classPath} rather than this JVM's (the Spark peer's own), with {@code
   * runtimeOptions} the child needs to run at all (Spark's module openings) before {@code
   * jvmArgs}; only {@code jvmArgs}, the measured options, are reported with the figures.
   */
  static RunFigures run(
      RunKind kind,
      long size,
      List<String> jvmArgs,
      String input,
      Path output,
      String warmup,
      List<String> runArgs,
      Path log,
      String classPath,
      List<String> runtimeOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(runtimeOptions);
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(kind.mainClass);
    command.add(input);
    command.add(output.toString());
    command.add(warmup);
    command.addAll(kind.beamArgs);
    command.addAll(runArgs);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    int status = process.waitFor();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    String result = null;
    for (String line : lines) {
      if (line.startsWith(ChildRun.RESULT_PREFIX)) {
        result = line.substring(ChildRun.RESULT_PREFIX.length());
      }
    }
    if (status != 0 || result == null) {
      throw new IOException(
          kind.name() + " on " + size + " records failed (exit " + status + "); see " + log
              + lastLines(lines));
    }
    return RunFigures.fromChild(kind, size, jvmArgs, JSON.readTree(result));
  }

  private static String lastLines(List<String> lines) {
    int from = Math.max(0, lines.size() - 5);
    return lines.isEmpty() ? "" : ":\n  " + String.join("\n  ", lines.subList(from, lines.size()));
  }
}
