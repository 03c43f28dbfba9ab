package org.datamesh.pipelines.sales;

import static org.datamesh.pipelines.sales.RecommendationsSummary.score;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cosine similarity of co-purchases on four products, by hand. */
@ExtendWith(TestPipelineExtension.class)
class ItemSimilarityTest {

  static final String A = "A";
  static final String B = "B";
  static final String C = "C";
  static final String D = "D";

  /** {A,B} {A,B,C} {C,D} {A,C} {D}: n A 3, B 2, C 3, D 2; pairs AB 2, AC 2, BC 1, CD 1. */
  private static PCollection<CoPurchaseBasket> baskets(TestPipeline pipeline) {
    return pipeline.apply(
        Create.of(
                basket("O1", A, B),
                basket("O2", A, B, C),
                basket("O3", C, D),
                basket("O4", A, C),
                basket("O5", D))
            .withCoder(SerializableCoder.of(CoPurchaseBasket.class)));
  }

  @Test
  void neighboursAreCosinesMostSimilarFirstTiesBySmallerId(TestPipeline pipeline) {
    PCollection<KV<String, List<KV<String, Double>>>> neighbours =
        baskets(pipeline).apply(ItemSimilarity.cosine());
    String ab = score(2 / Math.sqrt(6));
    String ac = score(2 / Math.sqrt(9));
    String bc = score(1 / Math.sqrt(6));
    String cd = score(1 / Math.sqrt(6));
    PAssert.that(neighbours)
        .satisfies(
            lists -> {
              assertThat(
                  describe(lists),
                  containsInAnyOrder(
                      "A: B " + ab + ", C " + ac,
                      "B: A " + ab + ", C " + bc,
                      "C: A " + ac + ", B " + bc + ", D " + cd, // B and D tie: B first
                      "D: C " + cd));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void basketsAboveTheCapCountNowhere(TestPipeline pipeline) {
    // Without {A,B,C}: n A 2, B 1, C 2, D 2; pairs AB 1, AC 1, CD 1.
    PCollection<KV<String, List<KV<String, Double>>>> neighbours =
        baskets(pipeline).apply(ItemSimilarity.cosine().withMaxBasket(2));
    String ab = score(1 / Math.sqrt(2));
    String half = score(0.5);
    PAssert.that(neighbours)
        .satisfies(
            lists -> {
              assertThat(
                  describe(lists),
                  containsInAnyOrder(
                      "A: B " + ab + ", C " + half,
                      "B: A " + ab,
                      "C: A " + half + ", D " + half,
                      "D: C " + half));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void displaysItsSettings() {
    DisplayData data = DisplayData.from(ItemSimilarity.cosine().withNeighbours(7));
    assertThat(
        data.items().stream().map(i -> i.getKey() + "=" + i.getValue()).toList(),
        containsInAnyOrder("neighbours=7", "maxBasket=50"));
  }

  private static CoPurchaseBasket basket(String orderId, String... products) {
    return new CoPurchaseBasket("CUST-" + orderId, orderId, 0L, List.of(products));
  }

  private static List<String> describe(Iterable<KV<String, List<KV<String, Double>>>> lists) {
    List<String> out = new ArrayList<>();
    for (KV<String, List<KV<String, Double>>> item : lists) {
      List<String> parts = new ArrayList<>();
      for (KV<String, Double> n : item.getValue()) {
        parts.add(n.getKey() + " " + score(n.getValue()));
      }
      out.add(item.getKey() + ": " + String.join(", ", parts));
    }
    return out;
  }
}
