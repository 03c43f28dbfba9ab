package org.datamesh.pipelines.crm;

import static org.datamesh.pipelines.crm.CrmRows.money;
import static org.datamesh.pipelines.crm.CrmRows.order;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

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

/**
 * RFM segments on five hand-scored customers (Direct runner).
 *
 * <p>The latest order in the data is a cancelled one on 2026-06-28, so the reference day is
 * 2026-06-29. Five customers make each value its own quintile: the cut points are the four
 * smallest values, so the scores are the ranks, ties sharing the lower score.
 *
 * <pre>
 * customer  recency  freq  monetary   r f m  segment
 * 000001       1      5    500.0000   5 5 5  champions
 * 000002       4      1     20.0000   4 1 2  new
 * 000003      28      3    300.0000   3 4 4  loyal
 * 000004      59      2     50.0000   2 3 3  at_risk
 * 000005     120      1     10.0000   1 1 1  lost
 * 000006     only a cancelled order: no row
 * </pre>
 */
@ExtendWith(TestPipelineExtension.class)
class CustomerSegmentsTest {

  static final CustomerSegments PRODUCT = CustomerSegments.create();
  static final ContractTable TABLE = PRODUCT.contract().table(CustomerSegments.TABLE);
  static final Schema SCHEMA = TABLE.publishedSchema();

  static final List<Row> ORDERS =
      List.of(
          order("ORD-000001", "CUST-000001", "2026-06-01T10:00:00Z", "DELIVERED", "web", "100.0000"),
          order("ORD-000002", "CUST-000001", "2026-06-08T10:00:00Z", "DELIVERED", "web", "100.0000"),
          order("ORD-000003", "CUST-000001", "2026-06-15T10:00:00Z", "RETURNED", "web", "100.0000"),
          order("ORD-000004", "CUST-000001", "2026-06-22T10:00:00Z", "SHIPPED", "web", "100.0000"),
          order("ORD-000005", "CUST-000001", "2026-06-28T00:30:00Z", "PAID", "web", "100.0000"),
          // The latest order_ts of all, cancelled: it sets the reference day, and no more.
          order("ORD-000006", "CUST-000001", "2026-06-28T23:30:00Z", "CANCELLED", "web", "1000.0000"),
          order("ORD-000007", "CUST-000002", "2026-06-25T23:59:59Z", "PLACED", "store", "20.0000"),
          // 0.1 + 0.2 + 299.7 is exactly 300 in decimals.
          order("ORD-000008", "CUST-000003", "2026-05-01T10:00:00Z", "DELIVERED", "web", "0.1000"),
          order("ORD-000009", "CUST-000003", "2026-05-20T10:00:00Z", "DELIVERED", "web", "0.2000"),
          order("ORD-000010", "CUST-000003", "2026-06-01T00:00:00Z", "DELIVERED", "web", "299.7000"),
          order("ORD-000011", "CUST-000004", "2026-04-01T10:00:00Z", "DELIVERED", "mobile", "25.0000"),
          order("ORD-000012", "CUST-000004", "2026-05-01T10:00:00Z", "DELIVERED", "mobile", "25.0000"),
          order("ORD-000013", "CUST-000005", "2026-03-01T10:00:00Z", "DELIVERED", "web", "10.0000"),
          order("ORD-000014", "CUST-000006", "2026-06-27T10:00:00Z", "CANCELLED", "web", "70.0000"));

  static PCollection<Row> build(TestPipeline pipeline) {
    return PCollectionRowTuple.of(
            CustomerSegments.ORDERS.tag(),
            pipeline.apply("Orders", Create.of(ORDERS).withRowSchema(CrmRows.ORDERS)))
        .apply(PRODUCT.transform())
        .get(CustomerSegments.TABLE);
  }

  static Row segment(
      String customer, int recency, long frequency, String monetary, int r, int f, int m,
      String segment) {
    return Row.withSchema(SCHEMA)
        .addValues(customer, recency, frequency, money(monetary), r, f, m, "" + r + f + m, segment)
        .build();
  }

  static List<Row> expected() {
    return List.of(
        segment("CUST-000001", 1, 5L, "500.0000", 5, 5, 5, "champions"),
        segment("CUST-000002", 4, 1L, "20.0000", 4, 1, 2, "new"),
        segment("CUST-000003", 28, 3L, "300.0000", 3, 4, 4, "loyal"),
        segment("CUST-000004", 59, 2L, "50.0000", 2, 3, 3, "at_risk"),
        segment("CUST-000005", 120, 1L, "10.0000", 1, 1, 1, "lost"));
  }

  @Test
  void scoresEachCustomerAgainstTheQuintilesOfAll(TestPipeline pipeline) {
    PAssert.that(build(pipeline)).containsInAnyOrder(expected());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void everyRowKeepsTheProductsOwnContract(TestPipeline pipeline) {
    PAssert.that(build(pipeline))
        .satisfies(
            all -> {
              assertThat(CrmRows.violations(TABLE, all), empty());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theContractCheckCatchesARowOutOfRange() {
    Row broken = segment("CUST-000001", 0, 1L, "-1.0000", 6, 1, 1, "vip");
    assertThat(
        CrmRows.violations(TABLE, List.of(broken)),
        containsInAnyOrder(
            "CUST-000001: recency_days.range", "CUST-000001: monetary.range",
            "CUST-000001: r_score.range", "CUST-000001: rfm.pattern",
            "CUST-000001: segment.allowed_values"));
  }

  @Test
  void noOrdersNoSegments(TestPipeline pipeline) {
    PCollection<Row> rows =
        PCollectionRowTuple.of(
                CustomerSegments.ORDERS.tag(),
                pipeline.apply("Orders", Create.empty(CrmRows.ORDERS)))
            .apply(PRODUCT.transform())
            .get(CustomerSegments.TABLE);

    PAssert.that(rows).empty();
    pipeline.run().waitUntilFinish();
  }
}
