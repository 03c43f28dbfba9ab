package org.datamesh.examples.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.OutputPort;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.parse.MessageEventTime;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.ManifestWindow;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.core.stream.KafkaMessages;
import org.datamesh.core.stream.StreamDataProduct;
import org.datamesh.core.stream.StreamFiles;
import org.datamesh.core.stream.StreamResult;
import org.datamesh.core.stream.ToKafka;
import org.datamesh.core.stream.WindowQuality;
import org.datamesh.core.stream.WindowTally;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.EmbeddedFlinkFolder;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.OutputFolder;
import org.datamesh.examples.cli.ScratchFolder;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.examples.contract.ContractFile;
import org.datamesh.examples.contract.PublishTarget;
import org.datamesh.examples.keys.KeysetOption;
import org.joda.time.Duration;

/**
 * {@code datamesh stream --contract=FILE --bootstrapServers=HOST:PORT --inputTopic=T}: the product
 * a contract declares, built from a Kafka topic as records arrive, until stopped (Ctrl-C).
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar stream --contract=sales-orders.odcs.yaml \
 *     --bootstrapServers=localhost:9092 --inputTopic=orders-raw --outputTopic=orders \
 *     --eventTime=ordered_at --window=PT1M --allowedLateness=PT5M
 * }</pre>
 *
 * <p>Each message is one record (JSON by default), run through the contract's record path as in
 * {@code run}; rows go to the output topic as JSON keyed by the primary key, deduplicated across
 * windows ({@code --deduplicationMemory}); every failure goes to the quarantine topic with its
 * reasons (payloads of protected products encrypted). With {@code --output} (or a contract's
 * local or s3 server) rows and failures are also published as Parquet files, committed into the
 * product's manifest window by window ({@link StreamFiles}), under one run id for the stream (kept
 * in the {@code --checkpoints} folder, so a resumed stream goes on with its own version). Each window's counts are printed as it
 * closes ({@code --window}, {@code --allowedLateness}), and sent to {@code --tallyTopic} if given:
 * summed over a window's panes, in = published + quarantined + duplicates. The contract's dataset
 * checks are judged per window on that window's records and printed (and sent to {@code
 * --qualityTopic} if given); a failed ERROR check is reported, never enforced: what was streamed
 * is out. On embedded Flink (the
 * default runner) the job checkpoints every 10 seconds unless told otherwise; with {@code
 * --checkpoints=DIR} it keeps them there, a restart resumes from the newest, and the topics are
 * written exactly once. Without it, a restart reads the topic from its start again (no offset is
 * committed: see {@link KafkaMessages}).
 *
 * <p>The contract, keyset and options are checked, and the brokers asked, before anything runs:
 * a mistake, or brokers that do not answer within {@code --timeoutSeconds}, is one line and exit
 * 2.
 */
public final class StreamCommand implements Command {

  @Override
  public String name() {
    return "stream";
  }

  @Override
  public String summary() {
    return "Build one product from a Kafka topic as records arrive, to output and quarantine topics";
  }

  @Override
  public Class<StreamOptions> optionsType() {
    return StreamOptions.class;
  }

  /** What {@code stream} builds before it runs: the pipeline, and the brokers it needs. */
  public record Plan(Pipeline pipeline, List<String> brokers, java.time.Duration timeout, String banner) {}

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Plan plan = plan(args);
    for (String servers : plan.brokers()) {
      KafkaBrokers.requireReachable(servers, plan.timeout(), "nothing was read");
    }
    out.print(plan.banner());
    plan.pipeline().run().waitUntilFinish();
    out.println("The stream stopped.");
    return ExitCode.OK;
  }

  /**
   * Checks {@code args} and builds the streaming pipeline without asking the brokers or running
   * anything. Tests use it to look at what a runner would be given, and the bench's {@code
   * kafka-stream} scenario to run exactly what {@code stream} runs.
   */
  public static Plan plan(String[] args) throws Exception {
    StreamOptions options = Options.parse(streamingArgs(args), StreamOptions.class);
    boolean exactlyOnce = !blank(options.getCheckpoints());
    if (exactlyOnce && !options.getRunner().getSimpleName().equals("FlinkRunner")) {
      throw new UsageException("--checkpoints keeps Flink's checkpoints: it needs --runner=FlinkRunner");
    }
    ContractFile file = ContractFile.of(required(options.getContract(), "--contract", "the contract"));
    String servers = required(options.getBootstrapServers(), "--bootstrapServers", "host:port");
    String inputTopic = required(options.getInputTopic(), "--inputTopic", "the topic to read");
    DataContract contract = file.load(null);
    ContractTable table = table(contract, options.getTable());
    RecordFormat.Kind format = format(options.getMessageFormat());
    ProductSpec spec =
        file.spec(
            contract, table, format, KeysetOption.forContract(contract, options.getKeyset(), file.path()));
    OutputPort kafkaPort =
        contract.ports().stream().filter(p -> "kafka".equals(p.type())).findFirst().orElse(null);
    String outputTopic = options.getOutputTopic();
    String outputServers = servers;
    if (blank(outputTopic) && kafkaPort != null && kafkaPort.topic() != null) {
      outputTopic = kafkaPort.topic();
      outputServers = kafkaPort.host() == null ? servers : kafkaPort.host();
    }
    PublishTarget.Choice files =
        blank(options.getOutput()) && !PublishTarget.declaresFiles(contract)
            ? null
            : PublishTarget.choose(
                options.getOutput(), options.getServer(), contract, file.path().getParent());
    if (blank(outputTopic) && files == null) {
      throw new UsageException(
          "--outputTopic or --output is required: the contract declares no kafka, local or s3"
              + " server to publish to");
    }
    String quarantineTopic =
        !blank(options.getQuarantineTopic())
            ? options.getQuarantineTopic()
            : blank(outputTopic) ? null : outputTopic + ".quarantine";
    if (options.getTimeoutSeconds() < 1) {
      throw new UsageException("--timeoutSeconds must be at least 1");
    }
    StreamDataProduct product =
        StreamDataProduct.of(spec)
            .withWindow(duration(options.getWindow(), "--window", 1))
            .withAllowedLateness(duration(options.getAllowedLateness(), "--allowedLateness", 0))
            .withDeduplicationMemory(
                duration(options.getDeduplicationMemory(), "--deduplicationMemory", 1));
    if (exactlyOnce) {
      // Before anything is written to the folder (the run id below): a second stream on it is
      // refused here, not after it has replaced the first one's run id.
      StreamCheckpoints.claim(Path.of(options.getCheckpoints()).toAbsolutePath());
    }
    String outputRoot = null;
    String runId = null;
    if (files != null) {
      outputRoot = OutputFolder.prepare(files.root(), options);
      runId =
          exactlyOnce
              ? StreamCheckpoints.runId(Path.of(options.getCheckpoints()).toAbsolutePath())
              : RunId.generate();
      try {
        product = product.withFiles(StreamFiles.to(outputRoot).withRunId(runId));
      } catch (IllegalArgumentException e) { // an unsafe output folder among them
        throw new UsageException(e.getMessage());
      }
    }
    String group =
        blank(options.getConsumerGroup())
            ? "datamesh." + contract.product().id() + "." + table.folder()
            : options.getConsumerGroup();
    KafkaMessages source =
        KafkaMessages.from(servers, inputTopic)
            .withMaxOutOfOrderness(
                duration(options.getMaxOutOfOrderness(), "--maxOutOfOrderness", 0))
            .withConsumerGroup(group);
    if (!blank(options.getEventTime())) {
      source = source.withEventTime(eventTime(spec, options.getEventTime()));
    }

    EmbeddedFlinkFolder.use(options);
    Pipeline pipeline = Pipeline.create(options);
    StreamResult result = pipeline.apply("Messages", source).apply("Product", product);
    ToKafka<Row> rows = blank(outputTopic) ? null : ToKafka.rows(outputServers, outputTopic, spec.key());
    ToKafka<Failure> failures =
        quarantineTopic == null ? null : ToKafka.failures(outputServers, quarantineTopic);
    ToKafka<WindowTally> tallies =
        blank(options.getTallyTopic()) ? null : ToKafka.tallies(outputServers, options.getTallyTopic());
    ToKafka<WindowQuality> quality =
        blank(options.getQualityTopic())
            ? null
            : ToKafka.quality(outputServers, options.getQualityTopic());
    if (exactlyOnce) {
      Path folder = Path.of(options.getCheckpoints()).toAbsolutePath();
      String writers = StreamCheckpoints.writerGroup(folder, group);
      rows = rows == null ? null : rows.withExactlyOnce(writers + ".rows");
      failures = failures == null ? null : failures.withExactlyOnce(writers + ".quarantine");
      tallies = tallies == null ? null : tallies.withExactlyOnce(writers + ".tallies");
      quality = quality == null ? null : quality.withExactlyOnce(writers + ".quality");
    }
    if (rows != null) {
      result.published().apply("PublishRows", rows);
    }
    if (failures != null) {
      result.failures().apply("Quarantine", failures);
    }
    if (files != null) {
      result.manifests().apply("PrintCommits", ParDo.of(new CommittedFn(contract.product().id())));
    }
    result.tallies()
        .apply("PrintTallies", ParDo.of(new PrintFn<>(contract.product().id(), WindowTally::describe)));
    if (tallies != null) {
      result.tallies().apply("SendTallies", tallies);
    }
    result.quality()
        .apply("PrintQuality", ParDo.of(new PrintFn<>(contract.product().id(), WindowQuality::describe)));
    if (quality != null) {
      result.quality().apply("SendQuality", quality);
    }
    StringBuilder banner = new StringBuilder();
    if (exactlyOnce) {
      Optional<Path> resumed = StreamCheckpoints.newest(Path.of(options.getCheckpoints()).toAbsolutePath());
      banner.append(
          resumed.map(c -> "Resuming from the checkpoint " + c).orElse("No checkpoint to resume from")
              + "; checkpoints in " + options.getCheckpoints() + ", topics written exactly once.\n");
    }
    List<String> to = new ArrayList<>();
    if (!blank(outputTopic)) {
      to.add("rows to " + outputTopic + ", failures to " + quarantineTopic);
    }
    if (files != null) {
      to.add(
          "Parquet files to "
              + PublishDataProduct.productDirectory(outputRoot, contract.product()).toString()
              + " (run " + runId + ", committed per window)");
    }
    banner.append(
        String.format(
            Locale.ROOT,
            "Streaming %s (table %s) from topic %s at %s: %s; windows of %s. Stop with Ctrl-C.%n",
            contract.product().id(), table.folder(), inputTopic, servers, String.join("; ", to),
            options.getWindow()));
    return new Plan(
        pipeline,
        blank(outputTopic) || servers.equals(outputServers)
            ? List.of(servers)
            : List.of(servers, outputServers),
        java.time.Duration.ofSeconds(options.getTimeoutSeconds()),
        banner.toString());
  }

  /**
   * A stream runs in streaming mode; on Flink, with checkpoints every 10 s unless told otherwise,
   * kept in {@code --checkpoints} and resumed from there when it is given; on embedded Flink
   * without it, kept in a scratch folder removed at exit ({@link StreamCheckpoints#scratchOptions})
   * unless {@code --stateBackend} says otherwise. On Flink it restarts after a failure as {@link
   * StreamRestarts#DEFAULT} says, unless {@code --flinkConfDir} or {@code
   * --numberOfExecutionRetries} is given.
   *
   * <p>On Flink, Kafka is read as a splittable {@code DoFn} ({@code --experiments=beam_fn_api})
   * rather than through Beam 2.62's wrapper of unbounded sources, which, restored from a
   * checkpoint, assigns the partition's split a second time and reads every record after the
   * checkpoint twice (Beam issue 31313, fixed after 2.62). Measured in {@code StreamKafkaIT}: with
   * the wrapper, a restored stream counted each of the 181 records of a window twice; with the
   * splittable read, once.
   */
  static String[] streamingArgs(String[] args) throws UsageException {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    if (all.stream().noneMatch(a -> a.startsWith("--streaming"))) {
      all.add("--streaming=true");
    }
    boolean flink =
        all.stream().noneMatch(a -> a.startsWith("--runner=")) || all.contains("--runner=FlinkRunner");
    if (flink && all.stream().noneMatch(a -> a.startsWith("--checkpointingInterval"))) {
      all.add("--checkpointingInterval=10000");
    }
    if (flink && all.stream().noneMatch(a -> a.startsWith("--experiments=") && a.contains("beam_fn_api"))) {
      all.add("--experiments=beam_fn_api");
    }
    String restarts = flink && StreamRestarts.leftToUs(all) ? StreamRestarts.DEFAULT.configuration() : "";
    boolean embedded =
        all.stream()
            .filter(a -> a.startsWith("--flinkMaster="))
            .map(a -> a.substring("--flinkMaster=".length()))
            .allMatch(EmbeddedFlinkFolder::isEmbedded);
    if (!restarts.isEmpty() && embedded) {
      // This configuration replaces the one EmbeddedFlinkFolder would give: it says the same.
      restarts +=
          EmbeddedFlinkFolder.workingDirectory(
              ScratchFolder.create("datamesh-flink-", "embedded Flink's working files", ""));
    }
    Optional<Path> checkpoints = StreamCheckpoints.named(all);
    if (flink && checkpoints.isPresent()) {
      if (all.stream().anyMatch(a -> a.startsWith("--flinkConfDir=") || a.startsWith("--savepointPath="))) {
        throw new UsageException(
            "--checkpoints resumes from its own folder: give it without --flinkConfDir or"
                + " --savepointPath");
      }
      all.addAll(StreamCheckpoints.flinkOptions(checkpoints.get(), restarts));
      return all.toArray(String[]::new);
    }
    if (!restarts.isEmpty()) {
      all.add(StreamCheckpoints.scratchConfiguration(restarts));
    }
    if (flink && all.stream().noneMatch(a -> a.startsWith("--stateBackend")) && embedded) {
      // Embedded: a cluster keeps checkpoints where its configuration says.
      all.addAll(StreamCheckpoints.scratchOptions());
    }
    return all.toArray(String[]::new);
  }

  private static MessageEventTime eventTime(ProductSpec spec, String column) throws UsageException {
    try {
      return spec.format().parseMessages(spec.product().id(), spec.path()).eventTime(column);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--eventTime: " + e.getMessage());
    }
  }

  private static ContractTable table(DataContract contract, @Nullable String name)
      throws UsageException {
    List<String> names = contract.tables().stream().map(ContractTable::folder).toList();
    if (blank(name)) {
      if (contract.tables().size() != 1) {
        throw new UsageException(
            "the contract declares " + contract.tables().size() + " tables " + names
                + "; name the one to stream with --table=NAME");
      }
      return contract.tables().get(0);
    }
    return contract.tables().stream()
        .filter(t -> t.folder().equals(name))
        .findFirst()
        .orElseThrow(() -> new UsageException("--table: no table " + name + "; the tables: " + names));
  }

  private static RecordFormat.Kind format(String name) throws UsageException {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "json":
        return RecordFormat.Kind.JSON_LINES;
      case "csv":
        return RecordFormat.Kind.CSV;
      case "log":
        return RecordFormat.Kind.LOG_LINES;
      default:
        throw new UsageException("--messageFormat must be json, csv or log");
    }
  }

  private static Duration duration(String text, String option, long minimumMillis)
      throws UsageException {
    java.time.Duration parsed;
    try {
      parsed = java.time.Duration.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new UsageException(option + " must be an ISO-8601 duration such as PT1M or PT30S");
    }
    if (parsed.toMillis() < minimumMillis) {
      throw new UsageException(
          option + " must be " + (minimumMillis == 0 ? "zero or more" : "positive"));
    }
    return Duration.millis(parsed.toMillis());
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static String required(@Nullable String value, String option, String what)
      throws UsageException {
    if (blank(value)) {
      throw new UsageException(option + " is required: " + what);
    }
    return value;
  }

  /** Prints one line for each window committed into the manifest, with the table's counts. */
  private static final class CommittedFn extends DoFn<String, Void> {
    private final String product;

    CommittedFn(String product) {
      this.product = product;
    }

    @ProcessElement
    public void process(@Element String json) throws java.io.IOException {
      Manifest manifest = Manifest.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (Manifest.Table table : manifest.tables()) {
        ManifestWindow last = table.windows().isEmpty() ? null : table.windows().get(table.windows().size() - 1);
        Manifest.Counts counts = table.counts();
        System.out.println(
            product + " committed run " + manifest.runId() + " table " + table.name() + ": "
                + table.windows().size() + " windows, " + table.files().size() + " files; in "
                + counts.input() + ", published " + counts.published() + ", quarantined "
                + counts.quarantined() + ", duplicates " + counts.deduplicated()
                + (last == null ? "" : "; newest window " + last.start()));
      }
    }
  }

  /** Prints each window's counts or check results as they come: on the runner's console. */
  private static final class PrintFn<T> extends DoFn<T, Void> {
    private final String product;
    private final SerializableFunction<T, String> describe;

    PrintFn(String product, SerializableFunction<T, String> describe) {
      this.product = product;
      this.describe = describe;
    }

    @ProcessElement
    public void process(@Element T element) {
      System.out.println(product + " " + describe.apply(element));
    }
  }
}
