package org.datamesh.rules.dataset;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.datamesh.core.quality.FrequentValue;

/**
 * What a {@link Check#topValuesIn} check asserts: the {@code k} most common values of {@code
 * column} are all {@code allowed} (Great Expectations' "most common value in set", for the top
 * {@code k}). Its metric is the number of them that are not.
 *
 * @param allowed compared as text, as the values are: numbers plain, instants in ISO-8601
 */
record TopValuesIn(String column, int k, Set<String> allowed) implements Serializable {

  TopValuesIn {
    if (k < 1) {
      throw new IllegalArgumentException("a top-values check looks at 1 value or more, not " + k);
    }
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("a top-values check needs the values allowed");
    }
    allowed = new TreeSet<>(allowed);
  }

  /** Named by the values the check allows, each quoted, so that no two sets share a name. */
  String metric() {
    StringBuilder names = new StringBuilder();
    for (String value : allowed) {
      names.append(names.length() == 0 ? "" : ",")
          .append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return "topValuesOutside(" + column + "," + k + ",[" + names + "])";
  }

  /** How many of the {@code k} most common values in {@code top} are not allowed. */
  double outside(List<FrequentValue> top) {
    return top.stream().limit(k).filter(value -> !allowed.contains(value.value())).count();
  }
}
