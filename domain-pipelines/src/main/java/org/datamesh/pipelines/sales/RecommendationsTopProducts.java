package org.datamesh.pipelines.sales;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * One customer's lists from what they bought and the similarity contributions they received:
 * candidates with a positive summed score first (score descending, then product id), then the
 * most popular products not yet listed; neither list holds a product the customer bought.
 *
 * <p>Contributions arrive in any order; each candidate's are sorted before they are summed, so
 * the score, and with it every tie, is the same on every runner and every run.
 */
final class RecommendationsTopProducts extends DoFn<KV<String, CoGbkResult>, RankedProducts> {

  private final int top;
  private final PCollectionView<List<String>> popular;

  RecommendationsTopProducts(int top, PCollectionView<List<String>> popular) {
    this.top = top;
    this.popular = popular;
  }

  @ProcessElement
  public void process(ProcessContext context) {
    KV<String, CoGbkResult> customer = context.element();
    Set<String> bought = new TreeSet<>();
    customer.getValue().getAll(RecommendationsRanking.BOUGHT).forEach(bought::add);
    Map<String, List<Double>> received = new TreeMap<>();
    for (List<KV<String, Double>> similar :
        customer.getValue().getAll(RecommendationsRanking.CONTRIBUTION)) {
      for (KV<String, Double> c : similar) {
        if (!bought.contains(c.getKey())) {
          received.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(c.getValue());
        }
      }
    }
    List<KV<String, Double>> scored = new ArrayList<>();
    received.forEach((product, parts) -> scored.add(KV.of(product, sum(parts))));
    scored.removeIf(s -> !(s.getValue() > 0));
    scored.sort(Collections.reverseOrder(new ItemSimilarity.BySimilarity()));

    List<String> popularIds = context.sideInput(popular);
    List<String> model = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (KV<String, Double> s : scored.subList(0, Math.min(top, scored.size()))) {
      model.add(s.getKey());
      scores.add(s.getValue());
    }
    Set<String> listed = new TreeSet<>(model);
    List<String> baseline = new ArrayList<>();
    for (String product : popularIds) {
      if (bought.contains(product)) {
        continue;
      }
      if (baseline.size() < top) {
        baseline.add(product);
      }
      if (model.size() < top && listed.add(product)) {
        model.add(product);
        scores.add(0.0);
      }
      if (baseline.size() == top && model.size() == top) {
        break;
      }
    }
    context.output(new RankedProducts(customer.getKey(), model, scores, baseline));
  }

  private static double sum(List<Double> parts) {
    Collections.sort(parts);
    double total = 0;
    for (double part : parts) {
      total += part;
    }
    return total;
  }
}
