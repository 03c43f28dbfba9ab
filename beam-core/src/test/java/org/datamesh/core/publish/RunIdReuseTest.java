package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A run id names one run's folders, once: unsafe ids and reused ids are refused. */
class RunIdReuseTest {

  @TempDir Path out;

  @ParameterizedTest
  @MethodSource("unsafeIds")
  void anIdThatIsNotASafeFolderNameIsRefused(String runId) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> PublishDataProduct.of(PublishDataProductTest.PRODUCT).withRunId(runId));
    assertThat(
        refused.getMessage(),
        equalTo(
            "a run id is a safe folder name: a letter or digit, then letters, digits, '_', '.'"
                + " or '-', at most 128 characters; got \"" + runId + "\""));
  }

  static List<String> unsafeIds() {
    return List.of(".", "..", ".hidden", "a/b", "a\\b", "-x", "", "\u00fc", "x".repeat(129));
  }

  @Test
  void aSecondRunWithTheSameIdIsRefusedBeforeItWritesAndTheCommittedVersionIsUntouched()
      throws Exception {
    Path productDir = out.resolve("sales/items");
    run("nightly");
    Map<String, byte[]> before = contents(productDir);
    Manifest committed = Manifest.read(productDir);

    // On main the second run logged "already committed", yet it had overwritten the quarantine
    // files the unchanged manifest lists and left unlisted data files beside the committed ones.
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> run("nightly"));

    assertThat(
        refused.getMessage(),
        equalTo(
            "run id nightly of " + productDir + "/ was used before (it is a committed version);"
                + " a run id names one run's folders and is never reused, so give this run a new"
                + " one"));
    assertThat(Manifest.read(productDir), equalTo(committed));
    assertThat(contents(productDir).keySet(), equalTo(before.keySet()));
    before.forEach(
        (file, bytes) -> assertThat(file, contents(productDir).get(file), equalTo(bytes)));
  }

  @Test
  void anIdWhoseFoldersExistIsRefusedEvenIfNeverCommitted() throws Exception {
    Path productDir = out.resolve("sales/items");
    Files.createDirectories(productDir.resolve("quarantine/failed-1"));

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> run("failed-1"));

    assertThat(
        refused.getMessage(),
        equalTo(
            "run id failed-1 of " + productDir + "/ was used before (quarantine/failed-1"
                + " exists); a run id names one run's folders and is never reused, so give this"
                + " run a new one"));
  }

  private void run(String runId) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProductTest.records(pipeline, 5)
        .apply(PublishDataProduct.of(PublishDataProductTest.PRODUCT).to(out.toString()).withRunId(runId));
    pipeline.run().waitUntilFinish();
  }

  /** Every file under the product folder, by relative name. */
  private static Map<String, byte[]> contents(Path productDir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(productDir)) {
      List<Path> regular = new ArrayList<>(all.filter(Files::isRegularFile).toList());
      for (Path file : regular) {
        files.put(productDir.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return files;
  }
}
