package org.datamesh.pipelines.crm;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.mesh.ConsumerProduct;
import org.datamesh.pipelines.mesh.ProductInput;

/**
 * The crm domain's {@code customer-segments} product: recency, frequency and monetary value (RFM)
 * of every customer with an order that counts, their quintile scores over all customers and a
 * named segment. Declared by {@code crm-customer-segments.odcs.yaml} beside this class.
 *
 * <pre>{@code
 * PCollectionRowTuple tables =
 *     PCollectionRowTuple.of(CustomerSegments.ORDERS.tag(), orders)
 *         .apply(CustomerSegments.create().transform());
 * PCollection<Row> segments = tables.get(CustomerSegments.TABLE);
 * }</pre>
 *
 * <p>Recency is counted from the day after the latest {@code order_ts} in the data, computed from
 * the orders themselves, so the same orders always give the same product. The rules naming the
 * segments are in the contract's description of {@code segment}.
 */
public final class CustomerSegments implements ConsumerProduct {

  /** Where the contract is, beside this class on the class path. */
  public static final String CONTRACT_RESOURCE = "crm-customer-segments.odcs.yaml";

  /** The product's one table. */
  public static final String TABLE = "segments";

  public static final ProductInput ORDERS = ProductInput.of("sales", "orders", "orders");

  private static final DataContract CONTRACT = CrmContracts.load(CONTRACT_RESOURCE);

  private CustomerSegments() {}

  public static CustomerSegments create() {
    return new CustomerSegments();
  }

  /** The contract's text, for tools that take a contract file. */
  public static String contractText() {
    return CrmContracts.text(CONTRACT_RESOURCE);
  }

  @Override
  public DataContract contract() {
    return CONTRACT;
  }

  @Override
  public List<ProductInput> inputs() {
    return List.of(ORDERS);
  }

  @Override
  public PTransform<PCollectionRowTuple, PCollectionRowTuple> transform() {
    return BuildCustomerSegments.to(CONTRACT.table(TABLE).publishedSchema());
  }
}
