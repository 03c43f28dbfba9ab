package org.datamesh.pipelines.mesh;

import java.util.ArrayList;
import java.util.List;
import org.datamesh.core.pipeline.RecordFormat.Kind;
import org.datamesh.pipelines.crm.Customer360;
import org.datamesh.pipelines.crm.CustomerSegments;
import org.datamesh.pipelines.sales.OrderForecast;
import org.datamesh.pipelines.sales.Recommendations;
import org.datamesh.pipelines.supply.StockoutRisk;

/**
 * The mesh of the seeds: seven source-aligned products, one per domain team's raw data, and the
 * consumer-aligned products built from them, in the order they can be built (every product after
 * the products it reads).
 *
 * <pre>{@code
 * for (MeshProduct product : Mesh.products()) {
 *   Pipeline pipeline = Pipeline.create(options);
 *   pipeline.apply(product.path(), product.pipeline(samples, output, RunId.generate(), keys));
 *   pipeline.run().waitUntilFinish();
 * }
 * }</pre>
 *
 * <p>The raw files the source products read are named here ({@code customers.csv}, ...); the
 * sample generator writes them under those names.
 */
public final class Mesh {

  private static final String CONTRACTS = "/org/datamesh/pipelines/";

  private Mesh() {}

  /** The source-aligned products, each read from its files. */
  public static List<SourceProduct> sources() {
    return List.of(
        source("crm", "customers").reading("customers", "customers.csv", Kind.CSV),
        source("sales", "orders")
            .reading("orders", "orders.csv", Kind.CSV)
            .reading("order_lines", "order_lines.csv", Kind.CSV),
        source("digital", "interactions")
            .reading("interactions", "interactions.jsonl", Kind.JSON_LINES),
        source("supply", "inventory").reading("inventory", "inventory.csv", Kind.CSV),
        source("supply", "shipments").reading("shipments", "shipments.csv", Kind.CSV),
        source("supply", "weather").reading("weather", "weather.jsonl", Kind.JSON_LINES),
        source("platform", "server-logs").reading("requests", "server.log", Kind.LOG_LINES));
  }

  /** The consumer-aligned products, each after the products it reads. */
  public static List<MeshConsumer> consumers() {
    return List.of(
        MeshConsumer.of(Customer360.create()),
        MeshConsumer.of(CustomerSegments.create()),
        MeshConsumer.of(OrderForecast.create()),
        MeshConsumer.of(Recommendations.create()),
        MeshConsumer.of(StockoutRisk.create()));
  }

  /** Every product, in the order they can be built: sources, then consumers. */
  public static List<MeshProduct> products() {
    List<MeshProduct> all = new ArrayList<>(sources());
    all.addAll(consumers());
    return all;
  }

  /** The contract {@code <domain>-<product>.odcs.yaml} beside the domain's code. */
  static String contractResource(String domain, String product) {
    return CONTRACTS + domain + "/" + domain + "-" + product + ".odcs.yaml";
  }

  private static SourceProduct source(String domain, String product) {
    return SourceProduct.of(ContractResource.load(contractResource(domain, product)));
  }
}
