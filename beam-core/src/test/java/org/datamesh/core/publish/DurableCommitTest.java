package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit forces what it commits to disk before the manifest names it, and a manifest a crash left
 * unreadable is reported with the way back. On main nothing was synced, and an empty {@code
 * _manifest.json} failed every later run with Jackson's "No content to map".
 */
class DurableCommitTest {

  @TempDir Path out;

  private final List<Path> synced = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stopListening() {
    Durability.onSync = null;
  }

  @Test
  void everyListedFileAndItsFoldersAreSyncedBeforeTheManifestAndTheFolderAfterIt()
      throws Exception {
    Path productDir = out.resolve("sales/items");
    run("run-1", Optional.empty());
    Manifest first = Manifest.read(productDir);
    Durability.onSync = synced::add;

    run("run-2", Optional.of(first));

    Manifest manifest = Manifest.read(productDir);
    List<Path> expectedFirst = new ArrayList<>();
    for (String file : manifest.files()) {
      expectedFirst.add(productDir.resolve(file));
    }
    for (String file : manifest.quarantineFiles()) {
      expectedFirst.add(productDir.resolve(file));
    }
    expectedFirst.add(productDir.resolve("runs/run-2/items"));
    expectedFirst.add(productDir.resolve("runs/run-2"));
    expectedFirst.add(productDir.resolve("runs"));
    expectedFirst.add(productDir.resolve("quarantine/run-2/items"));
    assertThat(synced, hasItems(expectedFirst.toArray(new Path[0])));
    int temporaryManifest = indexOfTemporary(Manifest.FILE_NAME);
    int lastSyncedBefore =
        expectedFirst.stream().mapToInt(synced::indexOf).max().orElseThrow();
    assertThat(synced.toString(), lastSyncedBefore, lessThan(temporaryManifest));
    assertThat(
        "the product folder is synced after the rename",
        synced.subList(temporaryManifest, synced.size()).contains(productDir),
        is(true));
  }

  @Test
  void anUnreadableManifestIsReportedWithTheWayBackAndThePreviousOneIsKept() throws Exception {
    Path productDir = out.resolve("sales/items");
    run("run-1", Optional.empty());
    Manifest first = Manifest.read(productDir);
    run("run-2", Optional.of(first));
    assertThat(
        Manifest.parse(Files.readAllBytes(productDir.resolve(Manifest.PREVIOUS_FILE_NAME))),
        equalTo(first));
    Files.write(productDir.resolve(Manifest.FILE_NAME), new byte[0]); // as a power loss can

    UnreadableManifestException unreadable =
        assertThrows(UnreadableManifestException.class, () -> Manifest.read(productDir));
    assertThat(
        unreadable.getMessage(),
        equalTo(
            productDir.resolve(Manifest.FILE_NAME) + " is not a readable manifest (No content to"
                + " map due to end-of-input). The version before it is kept beside it: copy"
                + " _manifest.previous.json over _manifest.json to put it back, then run again."
                + " If there is no _manifest.previous.json, remove _manifest.json to publish the"
                + " product afresh."));

    // The way back works: the previous version's files are still there, and a run commits.
    Files.copy(
        productDir.resolve(Manifest.PREVIOUS_FILE_NAME),
        productDir.resolve(Manifest.FILE_NAME),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(Manifest.read(productDir), equalTo(first));
    run("run-3", Optional.of(first));
    assertThat(Manifest.read(productDir).runId(), equalTo("run-3"));
  }

  private int indexOfTemporary(String target) {
    for (int i = 0; i < synced.size(); i++) {
      String name = synced.get(i).getFileName().toString();
      if (name.startsWith("." + target) && name.endsWith(".tmp")) {
        return i;
      }
    }
    throw new AssertionError("no temporary " + target + " synced: " + synced);
  }

  private void run(String runId, Optional<Manifest> replacing) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProductTest.records(pipeline, 5)
        .apply(
            PublishDataProduct.of(PublishDataProductTest.PRODUCT)
                .to(out.toString())
                .withRunId(runId)
                .replacing(replacing));
    pipeline.run().waitUntilFinish();
  }
}
