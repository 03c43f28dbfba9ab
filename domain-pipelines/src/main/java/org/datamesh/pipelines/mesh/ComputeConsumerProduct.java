package org.datamesh.pipelines.mesh;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.read.ReadDataProduct;

/**
 * Reads a consumer-aligned product's inputs through their manifests in force, as published
 * (protected columns stay tokens), and applies its logic: the rows of each of its tables.
 *
 * <pre>{@code
 * PCollectionRowTuple tables =
 *     pipeline.apply(ComputeConsumerProduct.of(CustomerSegments.create(), "/data/products"));
 * }</pre>
 */
public final class ComputeConsumerProduct extends PTransform<PBegin, PCollectionRowTuple> {

  private final ConsumerProduct product;
  private final String outputRoot;

  private ComputeConsumerProduct(ConsumerProduct product, String outputRoot) {
    this.product = product;
    this.outputRoot = outputRoot;
  }

  /** Computes {@code product} from the products published under {@code outputRoot}. */
  public static ComputeConsumerProduct of(ConsumerProduct product, String outputRoot) {
    return new ComputeConsumerProduct(product, outputRoot);
  }

  @Override
  public PCollectionRowTuple expand(PBegin begin) {
    PCollectionRowTuple inputs = PCollectionRowTuple.empty(begin.getPipeline());
    String root = outputRoot.endsWith("/") ? outputRoot : outputRoot + "/";
    for (ProductInput input : product.inputs()) {
      PCollection<Row> rows =
          begin.apply(
              "Read " + input.tag(),
              ReadDataProduct.from(root + input.productPath()).table(input.table()));
      inputs = inputs.and(input.tag(), rows);
    }
    return inputs.apply("Compute", product.transform());
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("product", product.contract().product().id()).withLabel("Product"))
        .add(
            DisplayData.item(
                    "inputs",
                    String.join(", ", product.inputs().stream().map(ProductInput::tag).toList()))
                .withLabel("Built from"));
  }
}
