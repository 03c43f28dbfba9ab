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
 * turning Beam's long messages about unknown or malformed options into one line that names the
 * option but never repeats a value Beam could not read (it may hold a secret).
 */
public final class Options {

  /** The runner used when none is named: embedded Flink (see docs/architecture.md for why). */
  public static final String DEFAULT_RUNNER = "FlinkRunner";

  private static final Pattern UNKNOWN = Pattern.compile("missing a property named '([^']+)'");

  private static final String UNPARSABLE_JSON = "Unable to parse JSON value ";

  private Options() {}

  /** Parses {@code args} into {@code type}, on the default runner unless one is named. */
  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type)
      throws UsageException {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        // Not repeated: it may be the value of an option given apart, a secret among them.
        throw new UsageException(
            "unexpected argument " + (i + 1) + " (not an option): options look like --name=value");
      }
    }
    if (all.stream().noneMatch(a -> a.startsWith("--runner="))) {
      all.add("--runner=" + DEFAULT_RUNNER);
    }
    boolean flink = all.stream().anyMatch(a -> a.equals("--runner=FlinkRunner"));
    if (flink && all.stream().noneMatch(a -> a.startsWith("--fasterCopy"))) {
      // Flink hands an element to the next chained operator without a defensive copy through its
      // coder. Safe here: no step of the library mutates an element it received or emitted, which
      // the unit tests check on the Direct runner with immutability enforcement on.
      all.add("--fasterCopy=true");
    }
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).as(type);
    } catch (RuntimeException e) {
      // Beam and the option types it reads values with (AWS credentials, say) also report a bad
      // value with NullPointerException or IllegalStateException; each is a mistake in the
      // command line.
      throw new UsageException(oneLine(e, args));
    }
  }

  private static String oneLine(RuntimeException e, String[] args) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(UNPARSABLE_JSON)) {
      // Beam's message repeats the whole value, which may be a secret: name the option instead.
      return unparsableJson(message.substring(UNPARSABLE_JSON.length()), e.getCause(), args);
    }
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.find()) {
      return "unknown option --" + unknown.group(1);
    }
    if (message.contains("Unknown 'runner'")) {
      return "unknown runner: use --runner=FlinkRunner or --runner=DirectRunner"
          + " (--runner=DataflowRunner needs a build with -Pdataflow)";
    }
    return firstLine(message);
  }

  /**
   * {@code --name has a value that cannot be read as its type (reason)}, without the value. The
   * JSON parser's reason can quote a piece of the value, so it is left out for an option whose
   * name looks secret.
   */
  private static String unparsableJson(String value, Throwable cause, String[] args) {
    String option =
        Arrays.stream(args)
            .filter(a -> a.startsWith("--") && a.endsWith("=" + value))
            .map(a -> a.substring(2, a.length() - value.length() - 1))
            .findFirst()
            .orElse("?");
    if (SecretNames.looksSecret(option)) {
      return "--" + option + " has a value that cannot be read as its type"
          + " (not shown: the option holds a secret)";
    }
    String reason =
        cause == null ? "" : " (" + firstLine(String.valueOf(cause.getMessage())) + ")";
    return "--" + option + " has a value that cannot be read as its type" + reason;
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
