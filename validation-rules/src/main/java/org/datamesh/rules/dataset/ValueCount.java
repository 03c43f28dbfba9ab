package org.datamesh.rules.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts the rows whose value of one column is null, missing, or invalid: ODCS's {@code
 * nullValues}, {@code missingValues} and {@code invalidValues} metrics over published rows.
 *
 * <ul>
 *   <li>null: the value is null;
 *   <li>missing: null, or equal (as text) to one of {@code values}; without values, null or
 *       blank text;
 *   <li>invalid: a value that is not null and not one of {@code values} (ODCS {@code
 *       validValues}), or text not wholly matching {@code pattern}. A null is never invalid
 *       (null values have their own metric).
 * </ul>
 *
 * @param metric the metric's name, with the column: {@code nullValues(email)}
 */
record ValueCount(
    Kind kind, String column, @Nullable List<String> values, @Nullable String pattern, String metric)
    implements Analyzer<long[]> {

  /** Compiled once per worker, not once per row. */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  enum Kind {
    ANY,
    NULL,
    MISSING,
    INVALID
  }

  /** Every value of {@code column}, null or not: for a path through arrays, how many there are. */
  static ValueCount values(String column) {
    return new ValueCount(Kind.ANY, column, null, null, "values(" + column + ")");
  }

  static ValueCount nulls(String column) {
    return new ValueCount(Kind.NULL, column, null, null, "nullValues(" + column + ")");
  }

  /** Missing values: null, blank text, or {@code values} when given (null entries dropped). */
  static ValueCount missing(String column, @Nullable List<?> values) {
    List<String> texts = texts(values);
    String name = "missingValues(" + column + ")" + (texts == null ? "" : texts.toString());
    return new ValueCount(Kind.MISSING, column, texts, null, name);
  }

  /** Published values outside {@code validValues} or not matching {@code pattern}. */
  static ValueCount invalid(String column, @Nullable List<?> validValues, @Nullable String pattern) {
    List<String> texts = texts(validValues);
    String name =
        "invalidPublished(" + column + ")" + (texts == null ? "" : texts.toString())
            + (pattern == null ? "" : "~" + pattern);
    return new ValueCount(Kind.INVALID, column, texts, pattern, name);
  }

  private static @Nullable List<String> texts(@Nullable List<?> values) {
    return values == null ? null : values.stream().filter(Objects::nonNull).map(Object::toString).toList();
  }

  @Override
  public long[] create() {
    return new long[1];
  }

  @Override
  public long[] add(long[] state, Row row) {
    ColumnValues.forEach(
        row,
        column,
        value -> {
          if (counts(value)) {
            state[0]++;
          }
        });
    return state;
  }

  boolean counts(@Nullable Object value) {
    switch (kind) {
      case ANY:
        return true;
      case NULL:
        return value == null;
      case MISSING:
        if (value == null) {
          return true;
        }
        return values == null
            ? value instanceof String text && text.isBlank()
            : values.contains(value.toString());
      default:
        if (value == null) {
          return false;
        }
        String text = value.toString();
        if (values != null && !values.contains(text)) {
          return true;
        }
        return pattern != null
            && !PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(text).matches();
    }
  }

  @Override
  public long[] merge(long[] first, long[] second) {
    first[0] += second[0];
    return first;
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  @Override
  public Map<String, Double> metrics(long[] state) {
    return Map.of(metric, (double) state[0]);
  }
}
