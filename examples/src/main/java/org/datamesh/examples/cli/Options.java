package org.datamesh.examples.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Parses Beam-style options ({@code --name=value}), the command's own and any Beam pipeline option,
 * turning Beam's long messages about unknown or malformed options into one line.
 */
public final class Options {

  /** The runner used when none is named: embedded Flink (see docs/architecture.md for why). */
  public static final String DEFAULT_RUNNER = "FlinkRunner";

  private static final Pattern UNKNOWN = Pattern.compile("missing a property named '([^']+)'");

  private Options() {}

  /** Parses {@code args} into {@code type}, on the default runner unless one is named. */
  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type)
      throws UsageException {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "': options look like --name=value");
      }
    }
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=" + DEFAULT_RUNNER);
    }
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).as(type);
    } catch (IllegalArgumentException e) {
      throw new UsageException(oneLine(e));
    }
  }

  private static String oneLine(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.find()) {
      return "unknown option --" + unknown.group(1);
    }
    if (message.contains("Unknown 'runner'")) {
      return "unknown runner: use --runner=FlinkRunner or --runner=DirectRunner";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
