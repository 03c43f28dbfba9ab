package org.datamesh.rules.dataset;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A KLL quantile sketch of doubles (Apache DataSketches) as an analyzer's state: mergeable, a few
 * kilobytes whatever the number of values, and serialized as the sketch's own compact bytes.
 */
final class QuantileSketch implements Serializable {

  private static final long serialVersionUID = 1L;

  private transient KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();

  void add(double value) {
    sketch.update(value);
  }

  QuantileSketch merge(QuantileSketch other) {
    if (!other.sketch.isEmpty()) {
      sketch.merge(other.sketch);
    }
    return this;
  }

  /** The value at normalized rank {@code q} (0 to 1); null when no value was added. */
  @Nullable Double quantile(double q) {
    return sketch.isEmpty()
        ? null
        : sketch.getQuantile(q, org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE);
  }

  /** The sketch's rank error (about 1.3% with the default size), for documentation and tests. */
  static double rankError() {
    return KllDoublesSketch.newHeapInstance().getNormalizedRankError(false);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    byte[] bytes = sketch.toByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private void readObject(ObjectInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
  }

  // Equal by content, the sketch's compact bytes: the Direct runner's mutation check compares
  // states (see AnalyzeRows).
  @Override
  public boolean equals(Object other) {
    return other instanceof QuantileSketch that
        && Arrays.equals(sketch.toByteArray(), that.sketch.toByteArray());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sketch.toByteArray());
  }
}
