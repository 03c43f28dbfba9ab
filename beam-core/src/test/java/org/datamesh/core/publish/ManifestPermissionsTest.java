package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest gets the permissions the data files get (the umask's), and a commit keeps a mode an
 * operator set on it. On main it was 0600 (a temporary file's), and every commit reset it.
 */
class ManifestPermissionsTest {

  @TempDir Path out;

  @Test
  void theManifestIsCreatedLikeTheDataFilesAndKeepsAnOperatorsMode() throws Exception {
    Path productDir = out.resolve("sales/items");
    run("run-1", Optional.empty());
    Manifest first = Manifest.read(productDir);
    Path dataFile = productDir.resolve(first.files().get(0));

    assertThat(mode(productDir.resolve(Manifest.FILE_NAME)), equalTo(mode(dataFile)));

    Files.setPosixFilePermissions(
        productDir.resolve(Manifest.FILE_NAME), PosixFilePermissions.fromString("rw-r-----"));
    run("run-2", Optional.of(first));

    assertThat(Manifest.read(productDir).runId(), equalTo("run-2"));
    assertThat(mode(productDir.resolve(Manifest.FILE_NAME)), equalTo("rw-r-----"));
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

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
