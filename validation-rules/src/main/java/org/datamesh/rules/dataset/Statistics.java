package org.datamesh.rules.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * The minimum, maximum, mean, population standard deviation and sum of a numeric column's
 * non-null values: metrics {@code min(<column>)}, {@code max}, {@code mean}, {@code stddev} and
 * {@code sum}, left out when the column has no value. The mean and deviation are updated per
 * value and merged with Chan et al.'s formula, so large sums of squares never lose precision.
 * Values are read as doubles (decimals too).
 */
record Statistics(String column) implements Analyzer<double[]> {

  // state: count, mean, sum of squared deviations, min, max, sum
  private static final int N = 0;
  private static final int MEAN = 1;
  private static final int M2 = 2;
  private static final int MIN = 3;
  private static final int MAX = 4;
  private static final int SUM = 5;

  @Override
  public double[] create() {
    return new double[] {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
  }

  @Override
  public double[] add(double[] s, Row row) {
    ColumnValues.forEach(
        row,
        column,
        value -> {
          if (value instanceof Number number) {
            add(s, number.doubleValue());
          }
        });
    return s;
  }

  private static void add(double[] s, double x) {
    s[N]++;
    double delta = x - s[MEAN];
    s[MEAN] += delta / s[N];
    s[M2] += delta * (x - s[MEAN]);
    s[MIN] = Math.min(s[MIN], x);
    s[MAX] = Math.max(s[MAX], x);
    s[SUM] += x;
  }

  @Override
  public double[] merge(double[] a, double[] b) {
    if (b[N] == 0) {
      return a;
    }
    if (a[N] == 0) {
      System.arraycopy(b, 0, a, 0, b.length); // the first state is the one to change, not b
      return a;
    }
    double n = a[N] + b[N];
    double delta = b[MEAN] - a[MEAN];
    a[M2] += b[M2] + delta * delta * a[N] * b[N] / n;
    a[MEAN] += delta * b[N] / n;
    a[N] = n;
    a[MIN] = Math.min(a[MIN], b[MIN]);
    a[MAX] = Math.max(a[MAX], b[MAX]);
    a[SUM] += b[SUM];
    return a;
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  @Override
  public Map<String, Double> metrics(double[] s) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (s[N] > 0) {
      metrics.put("min(" + column + ")", s[MIN]);
      metrics.put("max(" + column + ")", s[MAX]);
      metrics.put("mean(" + column + ")", s[MEAN]);
      metrics.put("stddev(" + column + ")", Math.sqrt(s[M2] / s[N]));
      metrics.put("sum(" + column + ")", s[SUM]);
    }
    return metrics;
  }
}
