package org.datamesh.examples.contract;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.OutputPort;
import org.datamesh.core.evolution.BreakingChangeException;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.ProductSpec;
import org.datamesh.core.product.RunId;
import org.datamesh.core.publish.ConcurrentCommitException;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.publish.PublishDataProduct;
import org.datamesh.core.publish.UnsafeOutputException;
import org.datamesh.core.quality.QualityGateException;
import org.datamesh.core.relate.Relationship;
import org.datamesh.core.relate.UnpublishedProductException;
import org.datamesh.examples.catalog.RunReporting;
import org.datamesh.examples.cli.Command;
import org.datamesh.examples.cli.DirectRunnerStallExit;
import org.datamesh.examples.cli.EmbeddedFlinkFolder;
import org.datamesh.examples.cli.ExitCode;
import org.datamesh.examples.cli.Options;
import org.datamesh.examples.cli.OutputFolder;
import org.datamesh.examples.cli.PublishedSummary;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.examples.keys.KeysetOption;

/**
 * {@code datamesh run --contract=FILE --input=GLOB --output=DIR}: builds and publishes the product
 * a contract declares from input files, on any Beam runner (embedded Flink unless told otherwise),
 * and prints the summary of the manifest its commit step committed. The input and the output may
 * be local or on S3 (Beam's S3 options configure the client); without {@code --output}, the
 * product goes to the contract's own local or s3 server ({@link PublishTarget}).
 *
 * <pre>{@code
 * java -jar examples/target/datamesh.jar run --contract=sales-orders.odcs.yaml \
 *     --input='exports/orders-*.csv.gz' --output=target/mesh
 * java -jar examples/target/datamesh.jar run --contract=sales-orders.odcs.yaml \
 *     --input='exports/orders-*.csv.gz' --output=s3://lake/mesh --awsRegion=eu-west-1
 * }</pre>
 *
 * <p>Everything the user can get wrong (the contract, the input, the output folder) is checked
 * before the pipeline is built, in that order, so a bad contract or input writes nothing. A
 * contract whose schema breaks the published version's consumers without a new major version is
 * refused while the pipeline is built, before it runs: exit 2, each breaking change listed. A run
 * that another run beat to the commit ({@link ConcurrentCommitException}) prints why and exits 1;
 * its files stay unreferenced, and running it again publishes. A run in which an ERROR dataset
 * check of the contract failed (the quality gate, {@link QualityGateException}) prints each
 * failed check with its measured value and threshold and exits 1, publishing nothing; the
 * checks of a published run, WARN checks that failed included, are printed in its summary. The
 * contract's relationships are checked (see {@code ContractRelationships}); one that references a
 * product not published under {@code --output} yet is exit 2 before anything runs. {@code --runner=DirectRunner} with a
 * large input prints a warning first: the Direct runner is for tests, and holds whole bundles in
 * memory.
 */
public final class RunCommand implements Command {

  /** Above this much input, a Direct runner run is warned that it may run out of memory. */
  private static final long DIRECT_RUNNER_INPUT_BYTES = 64L << 20;

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "Build and publish one product from its ODCS contract and input files";
  }

  @Override
  public Class<RunOptions> optionsType() {
    return RunOptions.class;
  }

  /**
   * What {@code run} builds before it runs anything: the product's pipeline, on the runner the
   * options name, with the receipt its commit step writes to.
   */
  record Plan(
      Pipeline pipeline,
      CommitReceipt receipt,
      String runId,
      String output,
      DataContract contract,
      RunReporting reporting,
      List<OutputPort> kafkaPorts) {}

  /**
   * Checks {@code args} and builds the pipeline {@link #run} would run, without running it; a
   * warning for the Direct runner is printed to {@code out}. Tests use it to look at the
   * pipeline a runner would be given (its portable translation, say).
   */
  static Plan plan(String[] args, PrintStream out) throws Exception {
    // --input and --inputFormat may repeat, once per table: read apart from Beam's options.
    RunOptions options = Options.parse(TableInputs.withoutTableOptions(args), RunOptions.class);
    ContractFile file = ContractFile.of(options.getContract());
    DataContract contract = file.load(options.getDomain());
    List<TableInputs.TableInput> inputs = TableInputs.of(args, contract);
    List<ProductSpec> specs =
        file.specs(
            contract, inputs, KeysetOption.forContract(contract, options.getKeyset(), file.path()));
    List<Relationship> relationships = file.relationships(contract);
    TableInputs.check(inputs, options);
    PublishTarget.Choice target =
        PublishTarget.choose(
            options.getOutput(), options.getServer(), contract, file.path().getParent());
    String output = prepare(target, options, out);
    DataProductPipeline product = DataProductPipeline.of(specs).withRelationships(relationships);
    for (TableInputs.TableInput input : inputs) {
      product = product.from(input.table().folder(), input.pattern());
    }

    String runId = RunId.generate();
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      long bytes = 0;
      for (TableInputs.TableInput input : inputs) {
        bytes += InputFiles.totalBytes(input.pattern());
      }
      String warning = directRunnerWarning(bytes, Runtime.getRuntime().maxMemory());
      if (warning != null) {
        out.println(warning);
      }
    }
    EmbeddedFlinkFolder.use(options);
    Pipeline pipeline = Pipeline.create(options);
    CommitReceipt receipt = CommitReceipt.create();
    try {
      receipt.keep(pipeline.apply("Product", product.to(output).withRunId(runId)));
    } catch (BreakingChangeException e) {
      // Found while the pipeline is built, before anything runs: the contract is what is wrong.
      throw new UsageException(
          "contract " + file.path() + " breaks consumers of the published version "
              + e.report().publishedVersion() + " without a new major version ("
              + e.report().newVersion() + "):",
          e.report().breakingChanges().stream().map(c -> c.kind() + ": " + c.description()).toList());
    } catch (UnsafeOutputException | UnpublishedProductException e) {
      // A referenced product not published yet would make every row an orphan: refused instead.
      throw new UsageException(e.getMessage());
    }
    RunReporting reporting =
        RunReporting.of(
            contract, output, runId, options.getRunner().getSimpleName(),
            options.getOpenLineageUrl(), out);
    for (TableInputs.TableInput input : inputs) {
      reporting = reporting.withInput(input.table().folder(), input.pattern());
    }
    return new Plan(
        pipeline, receipt, runId, output, contract, reporting,
        KafkaPorts.of(contract, target.server() != null));
  }

  /** The chosen root, created or proven writable; a contract's server is named in what fails. */
  private static String prepare(PublishTarget.Choice choice, RunOptions options, PrintStream out)
      throws UsageException {
    String prepared;
    try {
      prepared = OutputFolder.prepare(choice.root(), options);
    } catch (UsageException e) {
      if (choice.server() == null) {
        throw e;
      }
      // said of the server's location, not of --output, which the user did not give
      throw new UsageException(
          choice.serverName() + ": " + e.getMessage().replaceFirst("^--output ", "its location "),
          e.details());
    }
    if (choice.server() != null) {
      out.println("Publishing under " + prepared + ", the contract's " + choice.serverName());
    }
    return prepared;
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Plan plan = plan(args, out);
    Pipeline pipeline = plan.pipeline();
    CommitReceipt receipt = plan.receipt();
    String runId = plan.runId();
    String output = plan.output();
    DataContract contract = plan.contract();
    String runner = pipeline.getOptions().getRunner().getSimpleName();
    RunReporting reporting = plan.reporting();
    int timeout = pipeline.getOptions().as(RunOptions.class).getTimeoutSeconds();
    if (timeout < 1) {
      throw new UsageException("--timeoutSeconds must be at least 1");
    }
    KafkaPorts.requireReachable(plan.kafkaPorts(), java.time.Duration.ofSeconds(timeout));
    reporting.started();
    long start = System.nanoTime();
    PipelineResult.State state;
    if (runner.equals("DirectRunner")) {
      DirectRunnerStallExit.start(); // an OutOfMemoryError the runner keeps to itself
    }
    try {
      state = pipeline.run().waitUntilFinish();
    } catch (RuntimeException e) {
      reporting.failed(e);
      Optional<QualityGateException> gate = QualityGateException.in(e);
      if (gate.isPresent()) {
        // The data broke an ERROR dataset check: the version in force stays, exit 1.
        out.println(gate.get().getMessage());
        return ExitCode.RUN_FAILED;
      }
      Optional<ConcurrentCommitException> conflict = ConcurrentCommitException.in(e);
      if (conflict.isEmpty()) {
        throw e;
      }
      // Nothing is wrong with this run or its input: another run committed first.
      out.println(conflict.get().getMessage());
      return ExitCode.RUN_FAILED;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (state != PipelineResult.State.DONE) {
      reporting.failed("the run ended " + state);
      out.println("The run ended " + state + "; nothing new was published.");
      return ExitCode.RUN_FAILED;
    }

    // What the commit step committed, not a read of _manifest.json now: another run may have
    // committed over this one since, and this run's outcome is still its own.
    ResourceId productDir = PublishDataProduct.productDirectory(output, contract.product());
    Optional<Manifest> manifest = receipt.committed(productDir, runId);
    if (manifest.isEmpty()) {
      reporting.failed("the run finished without committing");
      out.println("The run " + runId + " finished without committing; nothing new was published.");
      return ExitCode.RUN_FAILED;
    }
    reporting.published(manifest.get());
    new PublishedSummary(manifest.get(), productDir.toString())
        .print(out, runner, seconds, checkLines(manifest.get()));
    boolean sent = true;
    for (OutputPort port : plan.kafkaPorts()) {
      sent &= KafkaPorts.send(pipeline.getOptions(), productDir.toString(), contract, manifest.get(), port, out);
    }
    return manifest.get().counts().balances() && sent ? ExitCode.OK : ExitCode.RUN_FAILED;
  }

  /** One line per dataset check of the run, failed WARN checks included, and the report. */
  static List<String> checkLines(Manifest manifest) {
    List<String> lines = new ArrayList<>();
    for (Manifest.Table table : manifest.tables()) {
      table.quality().checks().forEach(check -> lines.add("  " + check.describe()));
    }
    if (!lines.isEmpty()) {
      lines.add("  quality       quality/" + manifest.runId() + "/report.json");
    }
    return lines;
  }

  /**
   * A warning for a Direct runner run on {@code inputBytes} of input with {@code maxHeap} bytes of
   * heap, or null when the input is small. The Direct runner keeps a bundle's records in memory (a
   * whole file's, read by one worker), measured at 4 to 7 times the file's size; on a 147 MB file
   * with the default heap it ran out of memory after 9 minutes. Large means over 64 MiB, the size
   * at which files are split, or over an eighth of the heap.
   */
  static String directRunnerWarning(long inputBytes, long maxHeap) {
    if (inputBytes <= DIRECT_RUNNER_INPUT_BYTES && inputBytes <= maxHeap / 8) {
      return null;
    }
    return "Warning: the input is "
        + Math.max(1, inputBytes / 1_000_000)
        + " MB, and the Direct runner holds whole bundles in memory, so it may run out of it; for"
        + " large inputs use the default runner, embedded Flink (--runner=FlinkRunner). The Direct"
        + " runner is for tests.";
  }
}
