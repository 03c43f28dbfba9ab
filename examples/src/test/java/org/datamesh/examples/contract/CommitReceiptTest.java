package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.datamesh.core.publish.Manifest;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipt reaches the command on its machine, and never fails a run elsewhere. */
class CommitReceiptTest {

  @TempDir Path dir;

  @Test
  void theCommittedManifestIsWrittenToTheReceipt() throws Exception {
    Pipeline pipeline = directPipeline();
    Path file = Files.createFile(dir.resolve("receipt.json"));
    CommitReceipt.at(file).keep(pipeline.apply(Create.of("{\"manifest\": 1}")));

    pipeline.run().waitUntilFinish();

    assertThat(Files.readString(file, StandardCharsets.UTF_8), equalTo("{\"manifest\": 1}"));
  }

  @Test
  void aWorkerWithoutTheReceiptsFolderSkipsItRatherThanFailTheRun() {
    Pipeline pipeline = directPipeline();
    // As on a worker of another machine, which has no such folder.
    Path file = dir.resolve("elsewhere").resolve("receipt.json");
    CommitReceipt.at(file).keep(pipeline.apply(Create.of("{}")));

    pipeline.run().waitUntilFinish();

    assertThat(Files.exists(file.getParent()), is(false));
  }

  @Test
  void whatTheRunCommittedIsItsOwnThoughAnotherRunCommittedSinceAndInForceOtherwise()
      throws Exception {
    Path product = Files.createDirectories(dir.resolve("sales/orders"));
    Files.write(product.resolve(Manifest.FILE_NAME), JSON.writeValueAsBytes(manifest("run-b")));
    ResourceId productDir = FileSystems.matchNewResource(product.toString(), true);
    Path file = Files.write(dir.resolve("receipt.json"), JSON.writeValueAsBytes(manifest("run-a")));

    // A committed, then B committed over it: A's outcome is A's version, not B's.
    assertThat(CommitReceipt.at(file).committed(productDir, "run-a").get().runId(), is("run-a"));
    // No receipt here (written on another machine): the manifest in force, if it is the run's.
    Path empty = Files.createFile(dir.resolve("empty.json"));
    assertThat(CommitReceipt.at(empty).committed(productDir, "run-b").get().runId(), is("run-b"));
    assertThat(CommitReceipt.at(empty).committed(productDir, "run-a").isPresent(), is(false));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static Manifest manifest(String runId) {
    Manifest.Counts counts = new Manifest.Counts(1, 1, 0, 0);
    Manifest.Quality quality = new Manifest.Quality(Map.of(), Map.of(), Map.of());
    Manifest.Table table =
        new Manifest.Table(
            "orders",
            List.of(new Manifest.Column("order_id", "VARCHAR", false)),
            List.of("runs/" + runId + "/orders/part-0.parquet"),
            List.of(),
            counts,
            quality);
    return new Manifest(
        2, "sales.orders", "sales", "orders", "1.0.0", runId, "2026-12-06T19:00:00Z",
        List.of(table), counts, quality, List.of());
  }

  /** This module's tests have no JUnit 4, which Beam's TestPipeline needs. */
  private static Pipeline directPipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }
}
