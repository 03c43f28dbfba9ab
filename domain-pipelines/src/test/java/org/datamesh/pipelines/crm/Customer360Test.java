package org.datamesh.pipelines.crm;

import static org.datamesh.pipelines.crm.CrmRows.customer;
import static org.datamesh.pipelines.crm.CrmRows.event;
import static org.datamesh.pipelines.crm.CrmRows.money;
import static org.datamesh.pipelines.crm.CrmRows.order;
import static org.datamesh.pipelines.crm.CrmRows.ts;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Customer 360 on hand-computed customers, orders and interactions (Direct runner). */
@ExtendWith(TestPipelineExtension.class)
class Customer360Test {

  static final Customer360 PRODUCT = Customer360.create();
  static final ContractTable TABLE = PRODUCT.contract().table(Customer360.TABLE);
  static final Schema SCHEMA = TABLE.publishedSchema();

  static final List<Row> CUSTOMERS =
      List.of(
          customer("CUST-000001", "DE", "Berlin", "2026-01-10", "tok-mail-1"),
          customer("CUST-000002", "FR", "Paris", "2026-02-01", null),
          customer("CUST-000003", "DE", null, "2026-03-01", "tok-mail-3"),
          customer("CUST-000004", "NL", "Amsterdam", "2026-01-20", "tok-mail-4"));

  static final List<Row> ORDERS =
      List.of(
          // 1: one order per channel once the cancelled store orders are left out: a three-way
          // tie, won by mobile (first by name); with them, store would win.
          order("ORD-000001", "CUST-000001", "2026-03-01T10:00:00Z", "DELIVERED", "web", "10.0000"),
          order("ORD-000002", "CUST-000001", "2026-04-01T23:30:00Z", "SHIPPED", "mobile", "20.5000"),
          order("ORD-000003", "CUST-000001", "2026-02-01T09:00:00Z", "CANCELLED", "store", "99.0000"),
          order("ORD-000004", "CUST-000001", "2026-06-01T08:00:00Z", "RETURNED", "store", "0.0001"),
          order("ORD-000005", "CUST-000001", "2026-06-20T08:00:00Z", "CANCELLED", "store", "50.0000"),
          // 2: 10.0001 / 2 = 5.00005, half-even to 5.0000 (half-up would give 5.0001).
          order("ORD-000006", "CUST-000002", "2026-06-10T12:00:00Z", "PAID", "web", "4.0000"),
          order("ORD-000007", "CUST-000002", "2026-06-27T23:59:59Z", "PLACED", "web", "6.0001"),
          // 4: only a cancelled order.
          order("ORD-000008", "CUST-000004", "2026-05-05T05:00:00Z", "CANCELLED", "store", "15.0000"),
          // Unknown to crm/customers: no row.
          order("ORD-000009", "CUST-000099", "2026-05-05T05:00:00Z", "PAID", "web", "5.0000"));

  static final List<Row> INTERACTIONS =
      List.of(
          event("E1", "CUST-000001", "view", null),
          event("E2", "CUST-000001", "feedback", 4),
          event("E3", "CUST-000001", "feedback", 5),
          event("E4", "CUST-000001", "feedback", null), // feedback without a rating
          event("E5", "CUST-000001", "add_to_cart", null),
          event("E6", "CUST-000002", "search", null),
          event("E7", "CUST-000004", "feedback", 2),
          event("E8", "CUST-000099", "view", null));

  static PCollection<Row> build(TestPipeline pipeline) {
    PCollectionRowTuple inputs =
        PCollectionRowTuple.of(
                Customer360.CUSTOMERS.tag(),
                pipeline.apply("Customers", Create.of(CUSTOMERS).withRowSchema(CrmRows.CUSTOMERS)))
            .and(
                Customer360.ORDERS.tag(),
                pipeline.apply("Orders", Create.of(ORDERS).withRowSchema(CrmRows.ORDERS)))
            .and(
                Customer360.INTERACTIONS.tag(),
                pipeline.apply(
                    "Interactions", Create.of(INTERACTIONS).withRowSchema(CrmRows.INTERACTIONS)));
    return inputs.apply(PRODUCT.transform()).get(Customer360.TABLE);
  }

  static List<Row> expected() {
    return List.of(
        Row.withSchema(SCHEMA)
            .addValues(
                "CUST-000001", "DE", "Berlin", LocalDate.parse("2026-01-10"), "tok-mail-1", 3L,
                money("30.5001"), money("10.1667"), ts("2026-03-01T10:00:00Z"),
                ts("2026-06-01T08:00:00Z"), 5L, 3L, 4.5, "mobile")
            .build(),
        Row.withSchema(SCHEMA)
            .addValues(
                "CUST-000002", "FR", "Paris", LocalDate.parse("2026-02-01"), null, 2L,
                money("10.0001"), money("5.0000"), ts("2026-06-10T12:00:00Z"),
                ts("2026-06-27T23:59:59Z"), 1L, 0L, null, "web")
            .build(),
        Row.withSchema(SCHEMA)
            .addValues(
                "CUST-000003", "DE", null, LocalDate.parse("2026-03-01"), "tok-mail-3", 0L,
                money("0.0000"), null, null, null, 0L, 0L, null, null)
            .build(),
        Row.withSchema(SCHEMA)
            .addValues(
                "CUST-000004", "NL", "Amsterdam", LocalDate.parse("2026-01-20"), "tok-mail-4", 0L,
                money("0.0000"), null, null, null, 1L, 1L, 2.0, null)
            .build());
  }

  @Test
  void joinsEachCustomerWithItsOrderAndInteractionAggregates(TestPipeline pipeline) {
    PCollection<Row> rows = build(pipeline);

    PAssert.that(rows).containsInAnyOrder(expected());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everyRowKeepsTheProductsOwnContract(TestPipeline pipeline) {
    PCollection<Row> rows = build(pipeline);

    PAssert.that(rows)
        .satisfies(
            all -> {
              assertThat(CrmRows.violations(TABLE, all), empty());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void readsTheThreeSourceTablesAndPublishesOne() {
    assertThat(
        PRODUCT.inputs().stream().map(i -> i.tag()).toList(),
        org.hamcrest.Matchers.contains(
            "crm/customers/customers", "sales/orders/orders", "digital/interactions/interactions"));
    assertThat(
        PRODUCT.contract().tables().stream().map(ContractTable::name).toList(),
        org.hamcrest.Matchers.contains("customer_360"));
  }
}
