package org.datamesh.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives embedded Flink a working folder that the command removes when it exits.
 *
 * <pre>{@code
 * EmbeddedFlinkFolder.use(options);
 * Pipeline pipeline = Pipeline.create(options);
 * }</pre>
 *
 * <p>Why: Flink's embedded cluster makes its working folder ({@code minicluster_<id>}) in the
 * temporary directory and removes it when the cluster has closed, which happens in the background
 * after the job. A command exits with its status as soon as its job is done, before that, so each
 * run on embedded Flink left one folder behind (some 400 on this project's build machine after a
 * day of tests and benchmarks). Here Flink's {@code process.working-dir} names a folder inside a
 * scratch folder of the command's own, removed at exit whatever Flink has done by then.
 *
 * <p>Nothing changes where the user configures Flink ({@code --flinkConfDir}, or the {@code
 * FLINK_CONF_DIR} environment variable, which Beam reads when no folder is given) or runs on a
 * cluster ({@code --flinkMaster=host:port}), nor on other runners.
 */
public final class EmbeddedFlinkFolder {

  private EmbeddedFlinkFolder() {}

  /** Sets {@code options}' Flink configuration folder to a scratch one, where that is ours to do. */
  public static void use(PipelineOptions options) throws UsageException {
    if (!options.getRunner().getSimpleName().equals("FlinkRunner")
        || System.getenv("FLINK_CONF_DIR") != null) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (!isEmbedded(flink.getFlinkMaster()) || flink.getFlinkConfDir() != null) {
      return;
    }
    Path folder = ScratchFolder.create("datamesh-flink-", "embedded Flink's working files", "");
    try {
      Files.writeString(
          folder.resolve("config.yaml"),
          workingDirectory(folder.resolve("work")),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(
          "cannot write embedded Flink's configuration to " + folder + ": " + e.getMessage());
    }
    flink.setFlinkConfDir(folder.toString());
  }

  /** Whether {@code flinkMaster} (the option's value; null when not given) means embedded Flink. */
  public static boolean isEmbedded(@Nullable String flinkMaster) {
    return flinkMaster == null || flinkMaster.equals("[local]") || flinkMaster.equals("[auto]");
  }

  /**
   * The line of Flink's {@code config.yaml} that puts embedded Flink's working folder in {@code
   * folder}: for a command that writes a Flink configuration of its own ({@code stream}'s restart
   * policy), with {@code folder} in a scratch folder of its own.
   */
  public static String workingDirectory(Path folder) {
    String path = folder.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return "process.working-dir: \"" + path + "\"\n";
  }
}
