package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** This module's tests have no JUnit 4, which Beam's TestPipeline needs. */
  private static Pipeline directPipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }
}
