package org.datamesh.pipelines.mesh;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.contract.DataContract;

/**
 * A consumer-aligned product: built from other published products, never from raw files.
 *
 * <p>Its {@link #transform()} is pure business logic, in the style of Beam's schema transforms:
 * it takes one {@code PCollection<Row>} per {@link #inputs() input}, tagged with {@link
 * ProductInput#tag()}, and returns one per table of its {@link #contract()}, tagged with the
 * table's name, each with the schema {@code contract().table(name).publishedSchema()}. Reading
 * (through the manifests), checking the rows against the contract, and publishing stay outside,
 * so tests feed it {@code Create.of(...)} and assert with {@code PAssert}.
 *
 * <pre>{@code
 * PCollectionRowTuple inputs =
 *     PCollectionRowTuple.of("sales/orders/orders", orders)
 *         .and("sales/orders/order_lines", lines);
 * PCollectionRowTuple tables = inputs.apply(OrderForecast.create().transform());
 * PCollection<Row> forecast = tables.get("forecast");
 * }</pre>
 */
public interface ConsumerProduct {

  /** The contract the product's tables are published by. */
  DataContract contract();

  /** The published tables it reads, each once. */
  List<ProductInput> inputs();

  /** The product's logic: inputs tagged by {@link ProductInput#tag()}, tables by name. */
  PTransform<PCollectionRowTuple, PCollectionRowTuple> transform();
}
