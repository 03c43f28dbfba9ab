package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The receipt reaches the command on its machine, and never fails a run elsewhere. */
@ExtendWith(TestPipelineExtension.class)
class CommitReceiptTest {

  @TempDir Path dir;

  @Test
  void theCommittedManifestIsWrittenToTheReceipt(TestPipeline pipeline) throws Exception {
    Path file = Files.createFile(dir.resolve("receipt.json"));
    CommitReceipt.at(file).keep(pipeline.apply(Create.of("{\"manifest\": 1}")));

    pipeline.run().waitUntilFinish();

    assertThat(Files.readString(file, StandardCharsets.UTF_8), equalTo("{\"manifest\": 1}"));
  }

  @Test
  void aWorkerWithoutTheReceiptsFolderSkipsItRatherThanFailTheRun(TestPipeline pipeline) {
    // As on a worker of another machine, which has no such folder.
    Path file = dir.resolve("elsewhere").resolve("receipt.json");
    CommitReceipt.at(file).keep(pipeline.apply(Create.of("{}")));

    pipeline.run().waitUntilFinish();

    assertThat(Files.exists(file.getParent()), is(false));
  }
}
