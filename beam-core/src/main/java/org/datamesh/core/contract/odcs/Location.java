package org.datamesh.core.contract.odcs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a value stands in a contract: the keys and list positions leading to it from the
 * document's root.
 *
 * <pre>{@code
 * Location where = Location.root().key("schema").index(0).key("name");
 * where.toString();  // "schema[0].name"
 * }</pre>
 *
 * <p>A location is a link to its parent, so descending costs one small object and a path is
 * rendered only when a problem is reported. Rendering is the caller's: {@link #render} lets the
 * contract loader write paths exactly as its other problems do (quoting unusual keys).
 */
public final class Location {

  private static final Location ROOT = new Location(null, null, -1);

  private final @Nullable Location parent;
  private final @Nullable String key;
  private final int index;

  private Location(@Nullable Location parent, @Nullable String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The whole document. */
  public static Location root() {
    return ROOT;
  }

  /** The value at {@code key} of the mapping here. */
  public Location key(String key) {
    return new Location(this, key, -1);
  }

  /** The element at {@code index} of the list here. */
  public Location index(int index) {
    return new Location(this, null, index);
  }

  /**
   * Folds the segments from the root: {@code root} for the document, then {@code onKey} or {@code
   * onIndex} for each step down.
   */
  public <T> T render(T root, BiFunction<T, String, T> onKey, BiFunction<T, Integer, T> onIndex) {
    Deque<Location> steps = new ArrayDeque<>();
    for (Location at = this; at.parent != null; at = at.parent) {
      steps.push(at);
    }
    T path = root;
    for (Location step : steps) {
      path = step.key != null ? onKey.apply(path, step.key) : onIndex.apply(path, step.index);
    }
    return path;
  }

  /** The path as {@code schema[0].name}, {@code $} for the root; keys are written as they are. */
  @Override
  public String toString() {
    return render(
        "$",
        (path, key) -> "$".equals(path) ? key : path + "." + key,
        (path, index) -> path + "[" + index + "]");
  }
}
