package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.UsageException;

/**
 * {@code datamesh bench --records=N --output=DIR [--scenarios=a,b]}: measures the library against
 * its baselines on one generated input, each run in its own JVM after a warm-up, writes {@code
 * DIR/results.json} and prints a Markdown table.
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar bench --records=300000 --output=target/bench
 * java -jar examples/target/datamesh.jar bench --records=20000 --output=target/bench \
 *     --scenarios=library-vs-plain-java,publish-vs-raw-parquet --repeat=3
 * java -jar examples/target/datamesh.jar bench --records=300000 --output=target/bench \
 *     --scenarios=ingest-log,kafka-stream --bootstrapServers=localhost:9092
 * }</pre>
 *
 * <p>{@code ingest-log} and {@code kafka-stream} need a running Kafka broker: without {@code
 * --bootstrapServers}, or when no broker answers there, the command stops (exit 2) before anything
 * is generated or measured.
 *
 * <p>Exits 1 when some run's counts differ from what the input holds (its figures would compare
 * different work) or a scenario could not run; a missed goal is a finding, not a failure.
 */
public final class BenchCommand implements Command {

  static final String RESULTS_FILE = "results.json";

  /** The usage error of a Kafka scenario without a broker; %s is its name. */
  static final String MISSING_BROKER =
      "the %s scenario needs a running Kafka broker: add --bootstrapServers=HOST:PORT"
          + " (bench starts none)";

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Measure the library against plain-Java, hand-written Beam, raw Parquet and plain Kafka"
        + " producer baselines";
  }

  @Override
  public Class<BenchOptions> optionsType() {
    return BenchOptions.class;
  }

  /** Each scenario fixes its runners and options, so they are stated in every figure. */
  @Override
  public boolean takesBeamOptions() {
    return false;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    BenchOptions options = Options.parse(args, BenchOptions.class);
    List<Scenario> scenarios;
    try {
      scenarios = Scenario.parse(options.getScenarios());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String servers = brokerFor(scenarios, options.getBootstrapServers());
    Path folder = folder(options.getOutput());
    requireAtLeast("--records", records(options), 1);
    requireAtLeast("--repeat", options.getRepeat(), 1);
    requireAtLeast("--directRecords", options.getDirectRecords(), 1);
    requireAtLeast("--warmupRecords", options.getWarmupRecords(), 0);
    requireAtLeast("--memoryRecords", options.getMemoryRecords(), 1);
    requireAtLeast("--fsyncRecords", options.getFsyncRecords(), 1);
    if (scenarios.contains(Scenario.SCALE_10X) && records(options) > Integer.MAX_VALUE / 10) {
      throw new UsageException("--records is too large for scale-10x");
    }
    if (servers != null) {
      BenchTopics.requireReachable(servers);
    }

    SparkPeer spark =
        scenarios.stream().anyMatch(Scenario::needsSpark) ? SparkPeer.at(options.getSparkPeer()) : null;
    out.println("Benchmarking " + Scenario.ids(scenarios) + " into " + folder);
    BenchSuite suite =
        new BenchSuite(
            new BenchSuite.Settings(
                records(options),
                options.getDirectRecords(),
                options.getWarmupRecords(),
                options.getMemoryRecords(),
                options.getFsyncRecords(),
                options.getSeed(),
                options.getRepeat(),
                options.getChildJvmOptions().isBlank()
                    ? List.of()
                    : List.of(options.getChildJvmOptions().trim().split("\\s+")),
                servers,
                spark),
            folder,
            out);
    ObjectNode results = suite.run(scenarios);
    Path resultsFile = folder.resolve(RESULTS_FILE);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultsFile.toFile(), results);
    out.println();
    out.print(MarkdownTable.render(results));
    out.println();
    out.println("Results: " + resultsFile);
    if (options.getReport() != null) {
      Path report = Paths.get(options.getReport());
      BenchReportCommand.write(results, report);
      out.println("Report:  " + report.toAbsolutePath());
    }
    if (!results.path("countsAgree").asBoolean()) {
      out.println("COUNTS MISMATCH or a failed scenario: the figures above compare different work.");
      return ExitCode.RUN_FAILED;
    }
    return ExitCode.OK;
  }

  /**
   * The brokers for the Kafka scenarios ({@code ingest-log}, {@code kafka-stream}) when one is
   * among {@code scenarios}, else null; a usage error when one is and none are given.
   */
  static String brokerFor(List<Scenario> scenarios, String servers) throws UsageException {
    Scenario kafka = scenarios.stream().filter(Scenario::needsKafka).findFirst().orElse(null);
    if (kafka == null) {
      return null;
    }
    if (servers == null || servers.isBlank()) {
      throw new UsageException(String.format(MISSING_BROKER, kafka.id));
    }
    return servers.trim();
  }

  private static void requireAtLeast(String option, int value, int min) throws UsageException {
    if (value < min) {
      throw new UsageException(option + " must be at least " + min);
    }
  }

  private static Path folder(String output) throws UsageException {
    if (output == null || output.isBlank()) {
      throw new UsageException("--output is required: the folder for the input, runs and results");
    }
    try {
      Path folder = Paths.get(output).toAbsolutePath().normalize();
      Files.createDirectories(folder);
      if (!Files.isWritable(folder)) {
        throw new UsageException("cannot write to " + folder);
      }
      return folder;
    } catch (InvalidPathException | IOException e) {
      throw new UsageException("cannot use --output=" + output + " (" + e.getMessage() + ")");
    }
  }

  /** {@code --records}, or its default (kept here: demo has the option too, with another). */
  static int records(BenchOptions options) {
    return options.getRecords() == null ? 100_000 : options.getRecords();
  }
}
