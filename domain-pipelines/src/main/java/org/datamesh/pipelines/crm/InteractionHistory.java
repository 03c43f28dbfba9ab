package org.datamesh.pipelines.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one customer's interactions add up to: how many there are, how many are feedback, and the
 * ratings given in feedback.
 *
 * <pre>{@code
 * PCollection<KV<String, InteractionHistory>> histories =
 *     interactionsByCustomer.apply(Combine.perKey(InteractionHistory.combine()));
 * }</pre>
 */
final class InteractionHistory {

  /** Encodes the four counts. */
  static final Coder<InteractionHistory> CODER = new HistoryCoder();


  static final String FEEDBACK = "feedback";

  private long interactions;
  private long feedback;
  // Ratings are small integers: their sum is exact, so the mean is the same in any merge order.
  private long ratingSum;
  private long ratings;

  InteractionHistory add(Row interaction) {
    interactions++;
    if (FEEDBACK.equals(interaction.getString("event_type"))) {
      feedback++;
      Row given = interaction.getRow("feedback");
      Integer rating = given == null ? null : given.getInt32("rating");
      if (rating != null) {
        ratingSum += rating;
        ratings++;
      }
    }
    return this;
  }

  InteractionHistory merge(InteractionHistory other) {
    interactions += other.interactions;
    feedback += other.feedback;
    ratingSum += other.ratingSum;
    ratings += other.ratings;
    return this;
  }

  long interactions() {
    return interactions;
  }

  long feedback() {
    return feedback;
  }

  /** The mean rating over feedback events that carry one; null when none does. */
  @Nullable Double averageRating() {
    return ratings == 0 ? null : (double) ratingSum / ratings;
  }

  static Combine.CombineFn<Row, InteractionHistory, InteractionHistory> combine() {
    return new CombineInteractions();
  }

  private static final class CombineInteractions
      extends Combine.CombineFn<Row, InteractionHistory, InteractionHistory> {
    @Override
    public InteractionHistory createAccumulator() {
      return new InteractionHistory();
    }

    @Override
    public InteractionHistory addInput(InteractionHistory history, Row interaction) {
      return history.add(interaction);
    }

    @Override
    public InteractionHistory mergeAccumulators(Iterable<InteractionHistory> histories) {
      InteractionHistory merged = new InteractionHistory();
      for (InteractionHistory history : histories) {
        merged.merge(history);
      }
      return merged;
    }

    @Override
    public InteractionHistory extractOutput(InteractionHistory history) {
      return history;
    }

    @Override
    public Coder<InteractionHistory> getAccumulatorCoder(CoderRegistry registry, Coder<Row> input) {
      return CODER;
    }

    @Override
    public Coder<InteractionHistory> getDefaultOutputCoder(
        CoderRegistry registry, Coder<Row> input) {
      return CODER;
    }
  }

  private static final class HistoryCoder extends CustomCoder<InteractionHistory> {
    private static final Coder<Long> LONG = VarLongCoder.of();

    @Override
    public void encode(InteractionHistory history, OutputStream out) throws IOException {
      LONG.encode(history.interactions, out);
      LONG.encode(history.feedback, out);
      LONG.encode(history.ratingSum, out);
      LONG.encode(history.ratings, out);
    }

    @Override
    public InteractionHistory decode(InputStream in) throws IOException {
      InteractionHistory history = new InteractionHistory();
      history.interactions = LONG.decode(in);
      history.feedback = LONG.decode(in);
      history.ratingSum = LONG.decode(in);
      history.ratings = LONG.decode(in);
      return history;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
