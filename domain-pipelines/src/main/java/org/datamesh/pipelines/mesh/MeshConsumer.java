package org.datamesh.pipelines.mesh;

import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.ContractException;
import org.datamesh.core.contract.DataContract;
import org.datamesh.core.pipeline.DataProductPipeline;
import org.datamesh.core.pipeline.RecordFormat;
import org.datamesh.core.protect.DataKeys;
import org.datamesh.core.relate.ContractRelationships;
import org.datamesh.rules.contract.ContractProducts;

/**
 * A consumer-aligned product as the mesh builds it: its inputs read through their manifests, its
 * logic, then its rows checked against its own contract, counted, deduplicated and published like
 * any product's ({@link DataProductPipeline#fromRows}).
 *
 * <pre>{@code
 * MeshConsumer segments = MeshConsumer.of(CustomerSegments.create());
 * pipeline.apply(segments.pipeline(samples, "/data/products", runId, keys));
 * }</pre>
 */
public final class MeshConsumer implements MeshProduct {

  private final ConsumerProduct product;

  private MeshConsumer(ConsumerProduct product) {
    this.product = product;
  }

  public static MeshConsumer of(ConsumerProduct product) {
    return new MeshConsumer(product);
  }

  public ConsumerProduct product() {
    return product;
  }

  @Override
  public DataContract contract() {
    return product.contract();
  }

  @Override
  public DataProductPipeline pipeline(
      String samplesDirectory, String outputRoot, String runId, @Nullable DataKeys keys) {
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

  @Override
  public Map<String, String> inputs(String samplesDirectory, String outputRoot) {
    String root = outputRoot.endsWith("/") ? outputRoot : outputRoot + "/";
    Map<String, String> inputs = new LinkedHashMap<>();
    for (ProductInput input : product.inputs()) {
      inputs.put(input.tag(), root + input.productPath() + "/" + input.table());
    }
    return inputs;
  }
}
