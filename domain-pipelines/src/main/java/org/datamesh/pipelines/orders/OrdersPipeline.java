package org.datamesh.pipelines.orders;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.pipeline.DataProductPipeline;

/**
 * The orders product with its IO: CSV files matching a pattern in, the published product out.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.create(options);
 * OrdersPipeline.addTo(pipeline, "/exports/orders/*.csv", "/data/products", RunId.generate());
 * pipeline.run().waitUntilFinish();
 * // -> /data/products/sales/orders/_manifest.json
 * }</pre>
 */
public final class OrdersPipeline {

  private OrdersPipeline() {}

  /**
   * Adds reading, building and publishing the orders product to {@code pipeline}.
   *
   * @return the committed manifest's location, once the run has published
   */
  public static PCollection<String> addTo(
      Pipeline pipeline, String inputPattern, String outputRoot, String runId) {
    return pipeline.apply(
        "Orders",
        DataProductPipeline.of(OrdersProduct.SPEC).from(inputPattern).to(outputRoot).withRunId(runId));
  }
}
