package org.datamesh.pipelines.sales;

import static org.datamesh.pipelines.sales.RecommendationsSummary.score;
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
 * The recommendations product on hand-computed inputs. Products A..E are PRD-0001..PRD-0005;
 * n(i) counts baskets holding i, n(i,j) baskets holding both, similarity n(i,j)/sqrt(n(i) n(j)).
 */
@ExtendWith(TestPipelineExtension.class)
class RecommendationsTest {

  static final String A = "PRD-0001";
  static final String B = "PRD-0002";
  static final String C = "PRD-0003";
  static final String D = "PRD-0004";
  static final String E = "PRD-0005";

  /**
   * Orders {A,B,A} (A twice: one product), {A,B,C} and {C,D} (one customer), {A,C}, {D}; the
   * cancelled {B,D} and the orphan line count nowhere. Popularity (distinct customers): A 3, then
   * B, C, D with 2 each (ties by id).
   */
  static RecommendationsInputs fourProducts() {
    return new RecommendationsInputs()
        .order("ORD-000001", "CUST-000001", 0, "PAID", A, B, A)
        .order("ORD-000002", "CUST-000002", 1, "DELIVERED", A, B, C)
        .order("ORD-000003", "CUST-000002", 9, "SHIPPED", C, D)
        .order("ORD-000004", "CUST-000003", 2, "PLACED", A, C)
        .order("ORD-000005", "CUST-000004", 3, "RETURNED", D)
        .order("ORD-000006", "CUST-000005", 4, "CANCELLED", B, D)
        .orphanLine("ORD-999999", E);
  }

  @Test
  void ranksUnboughtProductsBySummedCosineOfCustomersThenFillsWithPopular(TestPipeline pipeline) {
    PCollectionRowTuple tables =
        fourProducts().into(pipeline).apply(Recommendations.create().transform());

    // Customers' products {A,B} {A,B,C,D} {A,C} {D}: n A 3, B 2, C 2, D 2;
    // pairs AB 2, AC 2, AD 1, BC 1, BD 1, CD 1.
    double ab = 2 / Math.sqrt(3 * 2);
    double ac = 2 / Math.sqrt(3 * 2);
    double ad = 1 / Math.sqrt(3 * 2);
    double bc = 1 / Math.sqrt(2 * 2);
    double bd = 1 / Math.sqrt(2 * 2);
    double cd = 1 / Math.sqrt(2 * 2);
    PAssert.that(tables.get("recommendations"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.recommendations(rows),
                  containsInAnyOrder(
                      "CUST-000001|1|" + C + "|" + score(ac + bc),
                      "CUST-000001|2|" + D + "|" + score(ad + bd),
                      // CUST-000002 bought everything and gets nothing; CUST-000005 only cancelled
                      "CUST-000003|1|" + B + "|" + score(ab + bc),
                      "CUST-000003|2|" + D + "|" + score(ad + cd),
                      "CUST-000004|1|" + B + "|" + score(bd), // ties C: B, the smaller id, first
                      "CUST-000004|2|" + C + "|" + score(cd),
                      "CUST-000004|3|" + A + "|" + score(ad)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void inOrderScopeOnlyProductsOfOneOrderAreSimilar(TestPipeline pipeline) {
    PCollectionRowTuple tables =
        fourProducts()
            .into(pipeline)
            .apply(Recommendations.create().withScope(CoPurchaseScope.ORDER).transform());

    // Orders {A,B} {A,B,C} {C,D} {A,C} {D}: n A 3, B 2, C 3, D 2; pairs AB 2, AC 2, BC 1, CD 1.
    double ab = 2 / Math.sqrt(3 * 2);
    double ac = 2 / Math.sqrt(3 * 3);
    double bc = 1 / Math.sqrt(2 * 3);
    double cd = 1 / Math.sqrt(3 * 2);
    PAssert.that(tables.get("recommendations"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.recommendations(rows),
                  containsInAnyOrder(
                      // bought A, B: C scores ac + bc; D (no similarity) fills as popular
                      "CUST-000001|1|" + C + "|" + score(ac + bc),
                      "CUST-000001|2|" + D + "|" + score(0),
                      "CUST-000003|1|" + B + "|" + score(ab + bc),
                      "CUST-000003|2|" + D + "|" + score(cd),
                      "CUST-000004|1|" + C + "|" + score(cd),
                      "CUST-000004|2|" + A + "|" + score(0),
                      "CUST-000004|3|" + B + "|" + score(0)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void equalScoresAreOrderedByProductIdAndNeighboursKeepTheSmallerId(TestPipeline pipeline) {
    // n(A) = 3, n(B) = n(C) = 1, so sim(A,B) = sim(A,C) = 1/sqrt(3): CUST-3, who bought A,
    // ties B and C.
    RecommendationsInputs inputs =
        new RecommendationsInputs()
            .order("ORD-000001", "CUST-000001", 0, "PAID", A, C)
            .order("ORD-000002", "CUST-000002", 0, "PAID", B, A)
            .order("ORD-000003", "CUST-000003", 0, "PAID", A);
    PCollectionRowTuple all =
        inputs.into(pipeline, "Two").apply("Two", Recommendations.create().transform());
    PCollectionRowTuple one =
        inputs
            .into(pipeline, "One")
            .apply("One", Recommendations.create().withNeighbours(1).transform());
    String similar = score(1 / Math.sqrt(3));
    PAssert.that(all.get("recommendations"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.recommendations(rows),
                  containsInAnyOrder(
                      "CUST-000001|1|" + B + "|" + similar,
                      "CUST-000002|1|" + C + "|" + similar,
                      "CUST-000003|1|" + B + "|" + similar,
                      "CUST-000003|2|" + C + "|" + similar));
              return null;
            });
    // With one neighbour A keeps B (the smaller id): C reaches CUST-2 and CUST-3 only as a
    // popular fill.
    PAssert.that(one.get("recommendations"))
        .satisfies(
            rows -> {
              assertThat(
                  RecommendationsSummary.recommendations(rows),
                  containsInAnyOrder(
                      "CUST-000001|1|" + B + "|" + similar,
                      "CUST-000002|1|" + C + "|" + score(0),
                      "CUST-000003|1|" + B + "|" + similar,
                      "CUST-000003|2|" + C + "|" + score(0)));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
