package org.datamesh.core.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.Iterator;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One key with very many copies: one row is held and kept, every other leaves as a duplicate. */
@ExtendWith(TestPipelineExtension.class)
class HotKeyTest {

  static final Schema SCHEMA =
      Schema.builder().addStringField("id").addInt64Field("version").build();

  static Row row(String id, long version) {
    return Row.withSchema(SCHEMA).addValues(id, version).build();
  }

  @Test
  void aKeyWithMillionsOfCopiesHoldsOneRowWhileTheyAreOffered() {
    long copies = 3_000_000;
    // Generated as they are read, never stored: only what LatestPerKey keeps stays in memory.
    Iterable<Row> hot =
        () ->
            new Iterator<>() {
              long next = 0;

              @Override
              public boolean hasNext() {
                return next < copies;
              }

              @Override
              public Row next() {
                // Versions rise then fall, so the latest arrives in the middle.
                long version = next < copies / 2 ? next : copies - next;
                next++;
                return row("HOT", version);
              }
            };
    LatestPerKey latest = new LatestPerKey(new LatestFirst("version"));
    long setAside = 0;
    for (Row row : hot) {
      if (latest.offer("HOT", row) != null) {
        setAside++;
      }
      if (latest.held() != 1) {
        throw new AssertionError("held " + latest.held() + " rows of one key");
      }
    }
    assertThat(setAside, is(copies - 1));
    assertThat(latest.rows().iterator().next().getInt64("version"), is(copies / 2));
  }

  @Test
  void aHotKeyBesideOrdinaryKeysIsDeduplicatedInAPipeline(TestPipeline pipeline) {
    long rows = 15_000;
    DeduplicationResult result =
        pipeline
            .apply(GenerateSequence.from(0).to(rows))
            .apply(
                MapElements.into(TypeDescriptors.rows())
                    // Every third row is an ordinary key of its own; the rest share one key.
                    .via(n -> n % 3 == 0 ? row("K" + n, n) : row("HOT", n)))
            .setRowSchema(SCHEMA)
            .apply(DeduplicateRows.byKey("id").keepingLatestBy("version").withShards(4));
    PAssert.thatSingleton(result.unique().apply("CountUnique", Count.globally()))
        .isEqualTo(rows / 3 + 1);
    PAssert.thatSingleton(result.duplicates().apply("CountDuplicates", Count.globally()))
        .isEqualTo(rows - rows / 3 - 1);
    PAssert.that(result.unique())
        .satisfies(
            kept -> {
              for (Row row : kept) {
                if (row.getString("id").equals("HOT")) {
                  assertThat(row.getInt64("version"), equalTo(rows - 1));
                }
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
