package org.datamesh.examples.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.examples.demo.OrdersSampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an object store, where a folder is only a key prefix, a run id whose folder holds an object
 * (a failed run's, with no manifest naming it) is refused while the pipeline is built, before
 * anything is written, as on a local disk; an unused id is accepted.
 */
class S3RunIdReuseIT {

  @RegisterExtension
  static final S3Server S3 = new S3Server(S3RunIT.ACCESS_KEY_ID, S3RunIT.SECRET);

  @TempDir Path dir;

  @Test
  void aRunIdWhoseFolderHoldsAnObjectIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path input = dir.resolve("orders.csv");
    OrdersSampleGenerator.write(input, 20, 3);
    try (S3Store store = new S3Store(S3.endpoint(), S3RunIT.ACCESS_KEY_ID, S3RunIT.SECRET)) {
      store.createBucket("lake");
      // Left by a run that failed after writing its quarantine: no manifest lists it.
      store.put(
          "lake",
          "mesh/sales/orders/quarantine/nightly/orders/part-00000-of-00001.parquet",
          "left by a failed run".getBytes(StandardCharsets.UTF_8));
    }
    RunOptions options = S3RunIT.directRunOptions(S3);
    ContractFile file = ContractFile.of(OrdersContract.write(dir, "orders.yaml").toString());
    DataProductPipeline product =
        DataProductPipeline.of(file.spec(file.load(), RecordFormat.Kind.CSV))
            .from(input.toString())
            .to("s3://lake/mesh");

    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> Pipeline.create(options).apply("Product", product.withRunId("nightly")));
    assertThat(refused.getMessage(), containsString("quarantine/nightly exists"));
    // Another id is free: the pipeline builds.
    Pipeline.create(options).apply("Product", product.withRunId("nightly-2"));
  }
}
