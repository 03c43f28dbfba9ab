package org.datamesh.pipelines.crm;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.contract.DataContract;
import org.datamesh.pipelines.mesh.ConsumerProduct;
import org.datamesh.pipelines.mesh.ProductInput;

/**
 * The crm domain's {@code customer-360} product: one row per customer of {@code crm/customers},
 * with the aggregates of the customer's orders ({@code sales/orders}) and interactions ({@code
 * digital/interactions}). Declared by {@code crm-customer-360.odcs.yaml} beside this class.
 *
 * <pre>{@code
 * Customer360 product = Customer360.create();
 * PCollectionRowTuple tables =
 *     PCollectionRowTuple.of(Customer360.CUSTOMERS.tag(), customers)
 *         .and(Customer360.ORDERS.tag(), orders)
 *         .and(Customer360.INTERACTIONS.tag(), interactions)
 *         .apply(product.transform());
 * PCollection<Row> rows = tables.get(Customer360.TABLE);
 * }</pre>
 *
 * <p>Orders and interactions are combined per customer first (so runners can combine before the
 * shuffle), then joined to the profile with a {@code CoGroupByKey} on {@code customer_id}. What
 * each column means and how it is computed is in the contract's descriptions.
 */
public final class Customer360 implements ConsumerProduct {

  /** Where the contract is, beside this class on the class path. */
  public static final String CONTRACT_RESOURCE = "crm-customer-360.odcs.yaml";

  /** The product's one table. */
  public static final String TABLE = "customer_360";

  public static final ProductInput CUSTOMERS = ProductInput.of("crm", "customers", "customers");
  public static final ProductInput ORDERS = ProductInput.of("sales", "orders", "orders");
  public static final ProductInput INTERACTIONS =
      ProductInput.of("digital", "interactions", "interactions");

  private static final DataContract CONTRACT = CrmContracts.load(CONTRACT_RESOURCE);

  private Customer360() {}

  public static Customer360 create() {
    return new Customer360();
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
    return List.of(CUSTOMERS, ORDERS, INTERACTIONS);
  }

  @Override
  public PTransform<PCollectionRowTuple, PCollectionRowTuple> transform() {
    return BuildCustomer360.to(CONTRACT.table(TABLE).publishedSchema());
  }
}
