package org.datamesh.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datamesh.examples.demo.OrdersSampleGenerator;

/**
 * Runs scenarios: generates each input once (the demo's generator, one seed), measures each run
 * kind once per size however many scenarios use it ({@code --repeat} times, median kept), compares
 * every run's counts with what the generator injected, and builds {@code results.json}. The Kafka
 * runs of {@code ingest-log} send a generated log file to fresh topics of the broker in the
 * settings ({@link BenchTopics}) and are counted by what their topic holds afterwards.
 *
 * <pre>{@code
 * BenchSuite suite = new BenchSuite(
 *     new BenchSuite.Settings(20_000, 2_000, 1_000, 10_000_000, 1_000_000, 42, 1, List.of(), null, null),
 *     Path.of("target/bench"), System.out);
 * ObjectNode results = suite.run(Scenario.DEFAULTS);
 * }</pre>
 */
final class BenchSuite {

  /** The sizes and repeats of a bench run, as the command's options give them. */
  record Settings(
      int records,
      int directRecords,
      int warmupRecords,
      int memoryRecords,
      int fsyncRecords,
      long seed,
      int repeat,
      List<String> childJvmOptions,
      String bootstrapServers,
      SparkPeer spark) {}

  /** A generated input and the counts a correct run of it reports. */
  private record Input(String argument, Counts expected) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Settings settings;
  private final Path directory;
  private final PrintStream progress;
  private final Map<String, Input> inputs = new HashMap<>();
  private final Map<String, RunFigures> measured = new HashMap<>();

  /** The Kafka scenarios' runs, on fresh topics of the broker in the settings. */
  private final KafkaRuns kafka;

  BenchSuite(Settings settings, Path directory, PrintStream progress) {
    this.settings = settings;
    this.directory = directory;
    this.progress = progress;
    this.kafka = new KafkaRuns(settings.bootstrapServers());
  }

  /** Runs {@code scenarios} and returns the whole of {@code results.json}. */
  ObjectNode run(List<Scenario> scenarios) throws IOException {
    ObjectNode results = JSON.createObjectNode();
    results.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    results.put("records", settings.records());
    results.put("directRecords", settings.directRecords());
    results.put("memoryRecords", settings.memoryRecords());
    results.put("fsyncRecords", settings.fsyncRecords());
    results.put("warmupRecords", settings.warmupRecords());
    results.put("seed", settings.seed());
    results.put("repeat", settings.repeat());
    ArrayNode rows = results.putArray("scenarios");
    boolean countsAgree = true;
    int met = 0;
    for (Scenario scenario : scenarios) {
      ScenarioResult result = evaluate(scenario);
      rows.add(result.toJson());
      countsAgree &= result.error() == null && result.countProblems().isEmpty();
      met += result.met() ? 1 : 0;
    }
    results.put("countsAgree", countsAgree);
    results.put("goalsMet", met);
    results.put("goalsTotal", scenarios.size());
    results.set("machine", MachineInfo.describe());
    return results;
  }

  private ScenarioResult evaluate(Scenario scenario) {
    progress.println("Scenario " + scenario.id + ":");
    try {
      int n = settings.records();
      switch (scenario) {
        case LIBRARY_VS_PLAIN_JAVA:
          return compare(scenario, RunKind.LIBRARY_FLINK, RunKind.PLAIN_JAVA, n, true);
        case LIBRARY_VS_HANDWRITTEN_BEAM:
          return compare(scenario, RunKind.LIBRARY_FLINK, RunKind.HANDWRITTEN_FLINK, n, false);
        case LIBRARY_VS_HANDWRITTEN_BEAM_DIRECT:
          return compare(
              scenario, RunKind.LIBRARY_DIRECT, RunKind.HANDWRITTEN_DIRECT,
              settings.directRecords(), false);
        case PUBLISH_VS_RAW_PARQUET:
          return compare(scenario, RunKind.PUBLISH_LIBRARY, RunKind.PUBLISH_RAW, n, false);
        case SCALE_10X:
          return scale(scenario, n);
        case PROTECT_VS_CLEAR:
          return compareCpu(scenario, RunKind.LIBRARY_PROTECTED, RunKind.LIBRARY_FLINK, n);
        case CHECKS_VS_UNCHECKED:
          return compare(scenario, RunKind.LIBRARY_CHECKED, RunKind.LIBRARY_FLINK, n, false);
        case MEMORY_10M:
          return memory(scenario, settings.memoryRecords());
        case FSYNC_1M:
          return durability(scenario, settings.fsyncRecords());
        case INGEST_LOG:
          return compare(scenario, RunKind.INGEST_LIBRARY, RunKind.INGEST_PLAIN, n, false);
        case KAFKA_STREAM:
          return streamCompare(scenario, n);
        case LIBRARY_VS_SPARK:
          return compare(scenario, RunKind.LIBRARY_FLINK, RunKind.SPARK, n, false);
        default:
          throw new IllegalStateException("no measurement for " + scenario);
      }
    } catch (IOException | RuntimeException e) {
      progress.println("  FAILED: " + e.getMessage());
      return ScenarioResult.failed(scenario, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ScenarioResult.failed(scenario, "interrupted");
    }
  }

  /**
   * Library against baseline on the same input: records per CPU-second when {@code perCpu}, rows
   * per second for publication, lines of the log file per second for Kafka, else wall seconds.
   */
  private ScenarioResult compare(
      Scenario scenario, RunKind libraryKind, RunKind baselineKind, int size, boolean perCpu)
      throws IOException, InterruptedException {
    RunFigures library = measure(libraryKind, size, List.of());
    RunFigures baseline = measure(baselineKind, size, List.of());
    double value;
    double base;
    if (perCpu) {
      value = library.counts().input() / library.cpuSeconds();
      base = baseline.counts().input() / baseline.cpuSeconds();
    } else if (libraryKind.takesRowCount()) {
      value = library.counts().published() / library.wallSeconds();
      base = baseline.counts().published() / baseline.wallSeconds();
    } else if (libraryKind.sendsToKafka()) {
      value = library.counts().input() / library.wallSeconds();
      base = baseline.counts().input() / baseline.wallSeconds();
    } else {
      value = library.wallSeconds();
      base = baseline.wallSeconds();
    }
    Counts expected = input(libraryKind, size).expected();
    List<String> problems = new ArrayList<>();
    check(problems, "library", library.counts(), expected);
    check(problems, "baseline", baseline.counts(), expected);
    return new ScenarioResult(
        scenario, value, base, value / base, library, baseline, problems, null);
  }

  /**
   * {@code stream} against the plain loop on the same CSV export, in records per second of
   * draining the backlog, each measured by the run itself. A stream publishes a key's newer versions
   * as they come, so its published and deduplicated counts are not the batch ledger's: the two
   * sides must agree with each other on every count, and with the ledger on what is quarantined.
   */
  private ScenarioResult streamCompare(Scenario scenario, int size)
      throws IOException, InterruptedException {
    RunFigures library = measure(RunKind.STREAM_LIBRARY, size, List.of());
    RunFigures baseline = measure(RunKind.STREAM_PLAIN, size, List.of());
    Counts ledger = input(RunKind.STREAM_PLAIN, size).expected();
    Counts expected =
        new Counts(
            ledger.input(), baseline.counts().published(), ledger.quarantined(),
            baseline.counts().deduplicated(), ledger.failuresByStage(), Map.of());
    List<String> problems = new ArrayList<>();
    check(problems, "library", library.counts(), expected);
    check(problems, "baseline", baseline.counts(), expected);
    double value = library.stream().sustainedRate();
    double base = baseline.stream().sustainedRate();
    return new ScenarioResult(
        scenario, value, base, value / base, library, baseline, problems, null);
  }

  /** A variant of the library against the library itself on the same input, in CPU seconds. */
  private ScenarioResult compareCpu(
      Scenario scenario, RunKind variantKind, RunKind libraryKind, int size)
      throws IOException, InterruptedException {
    RunFigures variant = measure(variantKind, size, List.of());
    RunFigures library = measure(libraryKind, size, List.of());
    Counts expected = input(libraryKind, size).expected();
    List<String> problems = new ArrayList<>();
    check(problems, "variant", variant.counts(), expected);
    check(problems, "library", library.counts(), expected);
    return new ScenarioResult(
        scenario, variant.cpuSeconds(), library.cpuSeconds(),
        variant.cpuSeconds() / library.cpuSeconds(), variant, library, problems, null);
  }

  private ScenarioResult scale(Scenario scenario, int n) throws IOException, InterruptedException {
    RunFigures small = measure(RunKind.LIBRARY_FLINK, n, List.of());
    RunFigures large = measure(RunKind.LIBRARY_FLINK, 10 * n, List.of());
    List<String> problems = new ArrayList<>();
    check(problems, "library at N", small.counts(), input(RunKind.LIBRARY_FLINK, n).expected());
    check(problems, "library at 10N", large.counts(), input(RunKind.LIBRARY_FLINK, 10 * n).expected());
    double ratio = large.wallSeconds() / small.wallSeconds();
    return new ScenarioResult(
        scenario, large.wallSeconds(), small.wallSeconds(), ratio, large, small, problems, null);
  }

  private ScenarioResult memory(Scenario scenario, int size)
      throws IOException, InterruptedException {
    RunFigures run = measure(RunKind.LIBRARY_FLINK, size, List.of("-Xmx1g"));
    List<String> problems = new ArrayList<>();
    check(problems, "library", run.counts(), input(RunKind.LIBRARY_FLINK, size).expected());
    return new ScenarioResult(
        scenario, run.wallSeconds(), null, null, run, null, problems, null);
  }

  /** The library with its commit's fsyncs against the same run without them, wall time. */
  private ScenarioResult durability(Scenario scenario, int size)
      throws IOException, InterruptedException {
    // Taken in turns, so a machine that gets busier or quieter meanwhile weighs on both alike.
    // Both sides with --childJvmOptions, as every measured child; fsync off on one side only.
    List<String> fsync = withChildJvmOptions(List.of());
    List<String> off = withChildJvmOptions(List.of("-Ddatamesh.fsync=false"));
    List<RunFigures> on = new ArrayList<>();
    List<RunFigures> without = new ArrayList<>();
    for (int i = 1; i <= settings.repeat(); i++) {
      on.add(measureOnce(RunKind.LIBRARY_FLINK, size, fsync, "fsync-" + i));
      without.add(measureOnce(RunKind.LIBRARY_FLINK, size, off, "nofsync-" + i));
    }
    RunFigures synced = RunFigures.median(on);
    RunFigures unsynced = RunFigures.median(without);
    Counts expected = input(RunKind.LIBRARY_FLINK, size).expected();
    List<String> problems = new ArrayList<>();
    check(problems, "with fsync", synced.counts(), expected);
    check(problems, "without fsync", unsynced.counts(), expected);
    return new ScenarioResult(
        scenario, synced.wallSeconds(), unsynced.wallSeconds(),
        synced.wallSeconds() / unsynced.wallSeconds(), synced, unsynced, problems, null);
  }

  private static void check(List<String> problems, String who, Counts actual, Counts expected) {
    if (!actual.equals(expected)) {
      problems.add(who + " counted " + actual + " where the input holds " + expected);
    }
  }

  /** Measures a run kind on a size once per bench (cached), {@code repeat} times, median kept. */
  private RunFigures measure(RunKind kind, int size, List<String> jvmArgs)
      throws IOException, InterruptedException {
    jvmArgs = withChildJvmOptions(jvmArgs);
    String key = kind + "/" + size + "/" + jvmArgs;
    RunFigures known = measured.get(key);
    if (known != null) {
      return known;
    }
    List<RunFigures> repeats = new ArrayList<>();
    for (int i = 1; i <= settings.repeat(); i++) {
      repeats.add(measureOnce(kind, size, jvmArgs, String.valueOf(i)));
    }
    RunFigures median = RunFigures.median(repeats);
    measured.put(key, median);
    return median;
  }

  /** {@code --childJvmOptions} then {@code jvmArgs}: what every measured child run is given. */
  private List<String> withChildJvmOptions(List<String> jvmArgs) {
    List<String> all = new ArrayList<>(settings.childJvmOptions());
    all.addAll(jvmArgs);
    return List.copyOf(all);
  }

  /** One run of {@code kind} on {@code size} records in a child JVM, named by {@code attempt}. */
  private RunFigures measureOnce(RunKind kind, int size, List<String> jvmArgs, String attempt)
      throws IOException, InterruptedException {
    String input = input(kind, size).argument();
    String warmup = warmupFor(kind);
    String name = kind.name().toLowerCase(Locale.ROOT) + "-" + size + "-" + attempt;
    Path output = directory.resolve("runs").resolve(name);
    Path log = directory.resolve("logs").resolve(name + ".log");
    RunFigures figures =
        kind.sendsToKafka()
            ? kafka.send(kind, size, jvmArgs, input, output, warmup, log)
            : kind.streamsKafka()
                ? kafka.stream(kind, size, jvmArgs, input, output, log)
                : kind == RunKind.SPARK
                    ? settings.spark().run(size, jvmArgs, input, output, warmup, log)
                    : ChildJvm.run(kind, size, jvmArgs, input, output, warmup, List.of(), log);
    progress.printf(
        Locale.ROOT,
        "  %-20s %,11d  %8.2f s wall  %8.2f s CPU  peak RSS %,6d MB%s%n",
        kind.name().toLowerCase(Locale.ROOT),
        size,
        figures.wallSeconds(),
        figures.cpuSeconds(),
        figures.peakRssMb(),
        jvmArgs.isEmpty() ? "" : "  (" + String.join(" ", jvmArgs) + ")");
    if (kind.sendsToKafka()) {
      progress.printf(
          Locale.ROOT, "  %-20s topic %s holds %,d records%n", "",
          kafka.topicOf(output), figures.counts().published());
    }
    if (figures.stream() != null) {
      progress.printf(Locale.ROOT, "  %-20s %s%n", "", figures.stream().describe());
    }
    return figures;
  }

  /** The small untimed input a child runs first; "-" for none. */
  private String warmupFor(RunKind kind) throws IOException {
    int warmup = settings.warmupRecords();
    if (warmup == 0 || kind.streamsKafka()) {
      return "-";
    }
    if (kind == RunKind.LIBRARY_DIRECT || kind == RunKind.HANDWRITTEN_DIRECT) {
      // The Direct runner pays per key; a tenth of the measured size warms it up well enough.
      warmup = Math.min(warmup, Math.max(10, settings.directRecords() / 10));
    }
    return input(kind, warmup).argument();
  }

  /**
   * The input of {@code size} for {@code kind}: a generated CSV file, a generated log file, or a
   * row count.
   */
  private Input input(RunKind kind, int size) throws IOException {
    if (kind.takesRowCount()) {
      return new Input(String.valueOf(size), Counts.rows(size));
    }
    if (kind.sendsToKafka()) {
      return logFile(size);
    }
    Input known = inputs.get("orders/" + size);
    if (known == null) {
      Path file = directory.resolve("input").resolve("orders-" + size + ".csv");
      progress.printf(Locale.ROOT, "  generating %,d orders (seed %d)%n", size, settings.seed());
      known =
          new Input(
              file.toString(),
              Counts.fromLedger(OrdersSampleGenerator.write(file, size, settings.seed())));
      inputs.put("orders/" + size, known);
    }
    return known;
  }

  /** A generated server log of {@code size} lines; a correct Kafka run sends each line once. */
  private Input logFile(int size) throws IOException {
    Input known = inputs.get("log/" + size);
    if (known == null) {
      Path file = directory.resolve("input").resolve("server-" + size + ".log");
      progress.printf(Locale.ROOT, "  generating %,d log lines (seed %d)%n", size, settings.seed());
      known =
          new Input(file.toString(), Counts.rows(ServerLogLines.write(file, size, settings.seed())));
      inputs.put("log/" + size, known);
    }
    return known;
  }
}
