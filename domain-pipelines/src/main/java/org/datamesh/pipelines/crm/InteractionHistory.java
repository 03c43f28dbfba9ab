package org.datamesh.pipelines.crm;

import java.io.Serializable;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
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
final class InteractionHistory implements Serializable {

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
      return SerializableCoder.of(InteractionHistory.class);
    }

    @Override
    public Coder<InteractionHistory> getDefaultOutputCoder(CoderRegistry registry, Coder<Row> input) {
      return SerializableCoder.of(InteractionHistory.class);
    }
  }
}
