package org.datamesh.pipelines.sales;

import java.io.Serializable;
import java.util.List;

/**
 * One customer's two top-10 lists, fitted on the same baskets.
 *
 * @param model the model's products, best first, none bought by the customer
 * @param scores the model's score of each of its products, same order
 * @param popular the most popular products the customer has not bought, most popular first
 */
record RankedProducts(
    String customerId, List<String> model, List<Double> scores, List<String> popular)
    implements Serializable {

  RankedProducts {
    model = List.copyOf(model);
    scores = List.copyOf(scores);
    popular = List.copyOf(popular);
    if (model.size() != scores.size()) {
      throw new IllegalArgumentException("one score per recommended product");
    }
  }
}
