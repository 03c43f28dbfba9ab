package org.datamesh.core.publish;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.datamesh.core.product.DataProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product never commits over another product's manifest, even when a link inside the output
 * makes their folders one. On main, sales.items committed over sales.items_v2's manifest.
 */
class ProductIdentityTest {

  private static final DataProduct V2 = DataProduct.of("sales", "items_v2", "2.1.0");

  @TempDir Path out;

  @Test
  void aRunRefusesAFolderWhoseManifestNamesAnotherProduct() throws Exception {
    publish(V2, "v2-run", Optional.empty());
    Path v2 = out.resolve("sales/items_v2");
    Manifest v2Manifest = Manifest.read(v2);
    Files.createSymbolicLink(out.resolve("sales/items"), Path.of("items_v2"));

    UnsafeOutputException refused =
        assertThrows(
            UnsafeOutputException.class,
            () -> publish(PublishDataProductTest.PRODUCT, "items-run", Optional.empty()));

    assertThat(
        refused.getMessage(),
        equalTo(
            out.resolve("sales/items") + "/_manifest.json is the manifest of sales.items_v2, not of"
                + " sales.items (is the folder a link to another product's?); refusing to publish"
                + " over it"));
    assertThat(Manifest.read(v2), equalTo(v2Manifest));
    assertThat(Files.exists(v2.resolve("runs/items-run")), equalTo(false));
  }

  @Test
  void theCommitChecksAgainForARunBuiltBeforeTheOtherProductWasThere() throws Exception {
    // Built while the folder was empty; the other product commits there before it does.
    Files.createDirectories(out.resolve("sales/items_v2"));
    Files.createSymbolicLink(out.resolve("sales/items"), Path.of("items_v2"));
    Pipeline early = pipeline(PublishDataProductTest.PRODUCT, "items-run", Optional.of(Optional.empty()));
    publish(V2, "v2-run", Optional.empty());
    Manifest v2Manifest = Manifest.read(out.resolve("sales/items_v2"));

    Pipeline.PipelineExecutionException failed =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> early.run().waitUntilFinish());

    assertThat(failed.getCause().getClass(), equalTo(UnsafeOutputException.class));
    assertThat(Manifest.read(out.resolve("sales/items_v2")), equalTo(v2Manifest));
  }

  private void publish(DataProduct product, String runId, Optional<Manifest> replacing) {
    pipeline(product, runId, Optional.empty()).run().waitUntilFinish();
  }

  /** {@code replacing}: what the run says it started from, when not read while it is built. */
  private Pipeline pipeline(
      DataProduct product, String runId, Optional<Optional<Manifest>> replacing) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PublishDataProduct publish = PublishDataProduct.of(product).to(out.toString()).withRunId(runId);
    if (replacing.isPresent()) {
      publish = publish.replacing(replacing.get());
    }
    PublishDataProductTest.records(pipeline, 5).apply(publish);
    return pipeline;
  }
}
