package org.datamesh.pipelines.mesh;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.relate.ContractRelationships;
import org.datamesh.rules.contract.ContractProducts;

/**
 * The pipeline of a consumer-aligned product: its inputs read through their manifests, its
 * logic, then its rows checked against its own contract, counted, deduplicated and published
 * like any product's ({@link DataProductPipeline#fromRows}).
 *
 * <pre>{@code
 * pipeline.apply(ConsumerPipelines.of(CustomerSegments.create(), "/data/products", runId, null));
 * }</pre>
 */
public final class ConsumerPipelines {

  private ConsumerPipelines() {}

  /**
   * @param keys the keys its protected columns are protected with; null when it protects none
   */
  public static DataProductPipeline of(
      ConsumerProduct product, String outputRoot, String runId, @Nullable DataKeys keys) {
    try {
      return DataProductPipeline.of(
              ContractProducts.specs(product.contract(), RecordFormat.Kind.ROWS, keys))
          .withRelationships(ContractRelationships.of(product.contract()))
          .fromRows(ComputeConsumerProduct.of(product, outputRoot))
          .to(outputRoot)
          .withRunId(runId);
    } catch (ContractException e) {
      throw new IllegalStateException(
          product.contract().product().id() + ": its contract cannot be built: " + e.getMessage(),
          e);
    }
  }
}
