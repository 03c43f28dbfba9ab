package org.datamesh.rules.dataset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/**
 * How old the newest value of a timestamp or date column is when the run measures it: metrics
 * {@code latest(<column>)} (epoch seconds of the newest value) and {@code age(<column>)} (seconds
 * from it to the clock's now, negative when it lies in the future); left out when the column has
 * no value. A date counts from the start of its day, UTC.
 *
 * @param clock read once, when the metrics are extracted; {@code Clock.systemUTC()} in runs
 */
record Freshness(String column, Clock clock) implements Analyzer<long[]> {

  // state: the newest value in epoch microseconds, Long.MIN_VALUE before any value

  static String ageMetric(String column) {
    return "age(" + column + ")";
  }

  @Override
  public long[] create() {
    return new long[] {Long.MIN_VALUE};
  }

  @Override
  public long[] add(long[] newest, Row row) {
    ColumnValues.forEach(
        row,
        column,
        value -> {
          if (value != null) {
            long micros =
                value instanceof LocalDate day
                    ? day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L
                    : DataTypes.epochMicros(value);
            newest[0] = Math.max(newest[0], micros);
          }
        });
    return newest;
  }

  @Override
  public long[] merge(long[] first, long[] second) {
    first[0] = Math.max(first[0], second[0]);
    return first;
  }

  @Override
  public Map<String, Double> metrics(long[] newest) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (newest[0] != Long.MIN_VALUE) {
      long nowMicros = DataTypes.epochMicros(clock.instant());
      metrics.put("latest(" + column + ")", newest[0] / 1e6);
      metrics.put(ageMetric(column), (nowMicros - newest[0]) / 1e6);
    }
    return metrics;
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  @Override
  public void checkTypes(Schema schema) {
    FieldType type = ColumnValues.type(schema, column);
    if (!DataTypes.isTimestamp(type) && !DataTypes.isDate(type)) {
      throw new IllegalArgumentException(
          "freshness needs a timestamp or date column; " + column + " is " + type);
    }
  }
}
