package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one product into one output, in one JVM on the Direct runner: a run commits only
 * over the version it started from.
 */
class ConcurrentCommitTest {

  @TempDir Path out;

  private Path productDir() {
    return out.resolve("sales/items");
  }

  /** A run built now, so it starts from the manifest in force now, unless told otherwise. */
  private Pipeline run(String runId, PublishDataProduct publish) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProductTest.records(pipeline, 5).apply(publish.withRunId(runId));
    return pipeline;
  }

  private PublishDataProduct publish() {
    return PublishDataProduct.of(PublishDataProductTest.PRODUCT).to(out.toString());
  }

  @Test
  void aRunFailsWhenAnotherCommittedWhileItRanAndTheOtherVersionStays() throws Exception {
    Pipeline first = run("run-a", publish());
    Pipeline second = run("run-b", publish());
    second.run().waitUntilFinish();

    Pipeline.PipelineExecutionException failed =
        assertThrows(
            Pipeline.PipelineExecutionException.class, () -> first.run().waitUntilFinish());

    ConcurrentCommitException conflict = conflictIn(failed);
    assertThat(
        conflict.getMessage(),
        equalTo(
            "run run-a of sales.items was not committed: run run-b committed while it ran (it"
                + " started from no published version). Its files stay uncommitted under"
                + " runs/run-a and quarantine/run-a; run it again to publish."));
    assertThat(conflict.runId(), equalTo("run-a"));
    assertThat(conflict.committedRunId(), equalTo("run-b"));
    Manifest inForce = Manifest.read(productDir());
    assertThat(inForce.runId(), equalTo("run-b"));
    assertThat(inForce.files(), everyItem(startsWith("runs/run-b/")));
    assertThat(inForce.quarantineFiles(), everyItem(startsWith("quarantine/run-b/")));
    assertThat(inForce.counts(), equalTo(new Manifest.Counts(5, 2, 2, 1)));
    assertThat(
        "the failed run's files stay",
        Files.isDirectory(productDir().resolve("runs/run-a")),
        is(true));
  }

  @Test
  void aRunStartedAfterAnotherCommittedCommitsOverIt() throws Exception {
    run("run-a", publish()).run().waitUntilFinish();
    Manifest a = Manifest.read(productDir());

    run("run-b", publish().replacing(Optional.of(a))).run().waitUntilFinish();

    assertThat(Manifest.read(productDir()).runId(), equalTo("run-b"));
  }

  @Test
  void aRunReplacingAVersionThatIsGoneFails() throws Exception {
    run("run-a", publish()).run().waitUntilFinish();
    Manifest a = Manifest.read(productDir());
    Files.delete(productDir().resolve(Manifest.FILE_NAME));

    Pipeline.PipelineExecutionException failed =
        assertThrows(
            Pipeline.PipelineExecutionException.class,
            () -> run("run-b", publish().replacing(Optional.of(a))).run().waitUntilFinish());

    assertThat(
        conflictIn(failed).getMessage(),
        equalTo(
            "run run-b of sales.items was not committed: the manifest of run run-a was removed"
                + " while it ran (it started from run run-a). Its files stay uncommitted under"
                + " runs/run-b and quarantine/run-b; run it again to publish."));
    assertThat(Files.exists(productDir().resolve(Manifest.FILE_NAME)), is(false));
  }

  @Test
  void findsTheConflictInsideTheRunnersExceptionsOnly() {
    ConcurrentCommitException conflict =
        new ConcurrentCommitException("sales.items", "run-a", "", "run-b");
    RuntimeException wrapped =
        new RuntimeException("Pipeline execution failed", new IllegalStateException(conflict));

    assertThat(ConcurrentCommitException.in(wrapped), equalTo(Optional.of(conflict)));
    assertThat(
        ConcurrentCommitException.in(new IllegalStateException("disk full")),
        equalTo(Optional.empty()));
  }

  @Test
  void aTemporaryManifestLeftByAKilledRunIsNeverReadAndTheNextCommitRemovesIt() throws Exception {
    run("run-a", publish()).run().waitUntilFinish();
    Path abandoned = productDir().resolve("._manifest.json4711.tmp");
    Files.writeString(abandoned, "{\"runId\": \"half-writ", StandardCharsets.UTF_8);

    assertThat(Manifest.read(productDir()).runId(), equalTo("run-a"));
    run("run-b", publish()).run().waitUntilFinish();

    assertThat(Manifest.read(productDir()).runId(), equalTo("run-b"));
    assertThat(Files.exists(abandoned), is(false));
  }

  private static ConcurrentCommitException conflictIn(Throwable failure) {
    return ConcurrentCommitException.in(failure)
        .orElseThrow(
            () -> new AssertionError("no ConcurrentCommitException in the failure", failure));
  }
}
