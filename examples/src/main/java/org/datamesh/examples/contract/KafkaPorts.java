package org.datamesh.examples.contract;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.contract.OutputPort;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.read.ReadDataProduct;
import org.datamesh.core.stream.ToKafka;
import org.datamesh.examples.cli.RootCause;
import org.datamesh.examples.cli.UsageException;
import org.datamesh.examples.kafka.KafkaBrokers;

/**
 * The contract's {@code kafka} servers, to which {@code run} sends the version it has just
 * published, once it is committed: each table's rows, as published (protected columns as tokens
 * or ciphertext), as JSON keyed by the primary key, to the table's topic (its {@code
 * physicalName}, else its name) at the server's {@code host}.
 *
 * <pre>{@code
 * # servers: [{server: lake, type: local, path: ../mesh}, {server: events, type: kafka, host: broker:9092}]
 * datamesh run --contract=orders.odcs.yaml --input=orders.csv
 * # publishes Parquet to ../mesh/sales/orders/, then sends its rows to topic orders at broker:9092
 * }</pre>
 *
 * <p>Only a committed version is sent, so a run stopped by its quality gate sends nothing; the
 * rows are read back through the manifest by a second pipeline on the same runner. Sending is at
 * least once: a run that fails while sending, run again, sends its new version whole, and a
 * compacted topic keyed by the primary key ends with each key's newest row.
 */
final class KafkaPorts {

  private KafkaPorts() {}

  /**
   * The contract's kafka servers (the contract's loader has checked that each names its brokers,
   * {@code host}); none when the run publishes to {@code --output}, which overrides the
   * contract's servers.
   */
  static List<OutputPort> of(DataContract contract, boolean toContractServers) {
    if (!toContractServers) {
      return List.of();
    }
    return contract.ports().stream().filter(p -> "kafka".equals(p.type())).toList();
  }

  /** Fails with one line, before anything runs, when a kafka server's brokers do not answer. */
  static void requireReachable(List<OutputPort> ports, Duration timeout)
      throws UsageException, InterruptedException {
    for (OutputPort port : ports) {
      KafkaBrokers.requireReachable(port.host(), timeout, "nothing was read or published");
    }
  }

  /**
   * Sends every table of {@code published} to {@code port}, printing one line a table; returns
   * whether every row was sent.
   */
  static boolean send(
      PipelineOptions options,
      String productDirectory,
      DataContract contract,
      Manifest published,
      OutputPort port,
      PrintStream out) {
    Pipeline pipeline = Pipeline.create(options);
    for (ContractTable table : contract.tables()) {
      String topic = table.topic();
      pipeline
          .apply("Read." + table.folder(), ReadDataProduct.from(productDirectory).table(table.folder()))
          .apply(
              "Send." + table.folder(),
              ToKafka.rows(port.host(), topic, table.primaryKey()));
    }
    PipelineResult.State state;
    try {
      state = pipeline.run().waitUntilFinish();
    } catch (RuntimeException e) {
      out.println(
          "Published, but sending to kafka server " + port.server() + " failed: "
              + firstLine(e) + "; run again to send a new version.");
      return false;
    }
    if (state != PipelineResult.State.DONE) {
      out.println("Published, but sending to kafka server " + port.server() + " ended " + state + ".");
      return false;
    }
    for (ContractTable table : contract.tables()) {
      out.println(
          String.format(
              Locale.ROOT,
              "Sent the %,d rows of %s to topic %s at %s (kafka server %s).",
              published.table(table.folder()).counts().published(), table.folder(), table.topic(),
              port.host(), port.server()));
    }
    return true;
  }

  private static String firstLine(Throwable e) {
    Throwable root = RootCause.of(e);
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
