package org.datamesh.rules.dataset;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;
import org.datamesh.core.quality.FrequentValue;

/**
 * A frequent-items sketch of text values (Apache DataSketches) as an analyzer's state: it keeps
 * at most {@value #MAX_VALUES} values, counts exactly while a column has fewer than about three
 * quarters of that many distinct values, and beyond that under-counts by at most {@link
 * ItemsSketch#getMaximumError()}, a small share of the rows. Mergeable; serialized as the
 * sketch's own bytes.
 */
final class FrequentItems implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The sketch's map size: a power of two. */
  static final int MAX_VALUES = 1024;

  /** A longer value is counted by its first characters (a free-text column's values are long). */
  static final int MAX_VALUE_CHARS = 256;

  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  private transient ItemsSketch<String> sketch = new ItemsSketch<>(MAX_VALUES);

  void add(String value) {
    sketch.update(
        value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value);
  }

  FrequentItems merge(FrequentItems other) {
    if (!other.sketch.isEmpty()) {
      sketch.merge(other.sketch);
    }
    return this;
  }

  /** The {@code k} most common values, most common first, ties by value; none when empty. */
  List<FrequentValue> top(int k) {
    if (sketch.isEmpty()) {
      return List.of();
    }
    long error = sketch.getMaximumError();
    List<ItemsSketch.Row<String>> rows =
        new ArrayList<>(Arrays.asList(sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)));
    rows.sort(
        Comparator.comparingLong((ItemsSketch.Row<String> row) -> -row.getLowerBound())
            .thenComparing(ItemsSketch.Row::getItem));
    List<FrequentValue> top = new ArrayList<>();
    for (ItemsSketch.Row<String> row : rows.subList(0, Math.min(k, rows.size()))) {
      top.add(new FrequentValue(row.getItem(), row.getLowerBound(), error));
    }
    return top;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    byte[] bytes = sketch.toByteArray(SERDE);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private void readObject(ObjectInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    sketch = ItemsSketch.getInstance(Memory.wrap(bytes), SERDE);
  }

  // Equal by content, the sketch's bytes: the Direct runner's mutation check compares states
  // (see AnalyzeRows).
  @Override
  public boolean equals(Object other) {
    return other instanceof FrequentItems that
        && Arrays.equals(sketch.toByteArray(SERDE), that.sketch.toByteArray(SERDE));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sketch.toByteArray(SERDE));
  }
}
