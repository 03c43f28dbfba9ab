package org.datamesh.pipelines.sales;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backtest by hand, with lists of two instead of ten so that a list can miss. Products P1..P5
 * are PRD-0001..PRD-0005.
 */
@ExtendWith(TestPipelineExtension.class)
class RecommendationsBacktestTest {

  static final String P1 = "PRD-0001";
  static final String P2 = "PRD-0002";
  static final String P3 = "PRD-0003";
  static final String P4 = "PRD-0004";
  static final String P5 = "PRD-0005";

  static final RecommendationsConfig TOP_TWO = RecommendationsConfig.DEFAULT.withTop(2);

  /**
   * Held out: ORD-2 (CUST-1's later order), ORD-7 (CUST-2's), ORD-8 (CUST-3's: same order_ts as
   * ORD-4, greater order_id). CUST-6 has one order once the cancelled one is ignored.
   *
   * <p>Training baskets {P1,P2} {P1,P3} {P4,P5} {P4,P5} {P4} {P5}, one per customer, so orders
   * and customers give the same similarities: P1-P2 and P1-P3 1/sqrt(2), P4-P5 2/3. Popularity: P4 3 customers, P5 3, P1 2, P2 1, P3 1.
   */
  static RecommendationsInputs heldOutOrders() {
    return new RecommendationsInputs()
        .order("ORD-000001", "CUST-000001", 1, "DELIVERED", P1, P2)
        .order("ORD-000002", "CUST-000001", 5, "PAID", P1, P3) // P1 bought before: no row
        .order("ORD-000003", "CUST-000002", 2, "DELIVERED", P1, P3)
        .order("ORD-000004", "CUST-000003", 3, "DELIVERED", P4, P5)
        .order("ORD-000005", "CUST-000004", 3, "DELIVERED", P4, P5)
        .order("ORD-000006", "CUST-000005", 3, "DELIVERED", P4)
        .order("ORD-000007", "CUST-000002", 4, "SHIPPED", P4)
        .order("ORD-000008", "CUST-000003", 3, "PLACED", P3)
        .order("ORD-000009", "CUST-000006", 1, "CANCELLED", P1)
        .order("ORD-000010", "CUST-000006", 2, "PAID", P5);
  }

  @Test
  void holdsOutEachLastOrderAndScoresBothListsWithoutThem(TestPipeline pipeline) {
    PCollectionRowTuple tables =
        heldOutOrders().into(pipeline).apply(RecommendationsTransform.of(TOP_TWO));

    PAssert.that(tables.get("backtest"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.backtest(rows),
                  containsInAnyOrder(
                      // bought P1, P2: P3 by similarity, then P4 as the popular fill; a model hit
                      "CUST-000001|" + P3 + "|[" + P3 + ", " + P4 + "]|[" + P4 + ", " + P5 + "]",
                      // bought P1, P3: P2 by similarity, then P4; both lists hit
                      "CUST-000002|" + P4 + "|[" + P2 + ", " + P4 + "]|[" + P4 + ", " + P5 + "]",
                      // bought P4, P5: nothing similar left, both lists are P1, P2 and miss
                      "CUST-000003|" + P3 + "|[" + P1 + ", " + P2 + "]|[" + P1 + ", " + P2 + "]"));
              return null;
            });
    PAssert.that(tables.get("accuracy"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.accuracy(rows), contains("0.666667|0.333333|3"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void withoutRepeatCustomersTheBacktestIsEmptyAndAccuracyStillOneRow(TestPipeline pipeline) {
    PCollectionRowTuple tables =
        new RecommendationsInputs()
            .order("ORD-000001", "CUST-000001", 1, "PAID", P1, P2)
            .order("ORD-000002", "CUST-000002", 2, "PAID", P2, P3)
            .order("ORD-000003", "CUST-000002", 3, "CANCELLED", P4)
            .into(pipeline)
            .apply(Recommendations.create().transform());

    PAssert.that(tables.get("backtest")).empty();
    PAssert.that(tables.get("accuracy"))
        .satisfies(
            rows -> {
              assertThat(RecommendationsSummary.accuracy(rows), contains("0.000000|0.000000|0"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
