package org.datamesh.rules.dataset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.datamesh.core.DataTypes;

/**
 * The value at quantile {@code q} of a numeric column's non-null values, estimated from a KLL
 * sketch: metric {@code quantile(<column>,<q>)}, left out when the column has no value. The rank
 * of the value returned is within about 1.3% of {@code q} (99% confidence); exact while the
 * column holds at most 200 values. Values are read as doubles (decimals too).
 */
record ApproxQuantile(String column, double q) implements Analyzer<QuantileSketch> {

  ApproxQuantile {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
    }
  }

  static String metric(String column, double q) {
    return "quantile(" + column + "," + BigDecimal.valueOf(q).stripTrailingZeros().toPlainString() + ")";
  }

  @Override
  public QuantileSketch create() {
    return new QuantileSketch();
  }

  @Override
  public QuantileSketch add(QuantileSketch sketch, Row row) {
    ColumnValues.forEach(
        row,
        column,
        value -> {
          if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
            sketch.add(number.doubleValue());
          }
        });
    return sketch;
  }

  @Override
  public QuantileSketch merge(QuantileSketch first, QuantileSketch second) {
    return first.merge(second);
  }

  @Override
  public Map<String, Double> metrics(QuantileSketch sketch) {
    Double value = sketch.quantile(q);
    return value == null ? Map.of() : Map.of(metric(column, q), value);
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  @Override
  public void checkTypes(Schema schema) {
    FieldType type = ColumnValues.type(schema, column);
    if (!type.getTypeName().isNumericType() && !DataTypes.isFixedDecimal(type)) {
      throw new IllegalArgumentException(
          "a quantile needs a numeric column; " + column + " is " + type);
    }
  }
}
