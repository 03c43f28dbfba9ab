package org.datamesh.rules.dataset;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.sql.SqlTransform;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.schemas.logicaltypes.FixedPrecisionNumeric;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.datamesh.core.DataTypes;

/**
 * The metric of a {@link Check#sql} check: its query run by Beam SQL over a table's published
 * rows, whose one result row holds one number.
 *
 * <pre>{@code
 * PCollection<KV<String, Double>> metric =
 *     rows.apply(SqlMetric.of("select count(*) from orders where amount < 0", List.of("orders")));
 * // KV("sql(select count(*) from orders where amount < 0)", 3.0)
 * }</pre>
 *
 * <p>The table is named as the contract names it ({@code orders}, any case as written) and as
 * {@code ${object}}, which ODCS examples use. Columns keep their names; a fixed-precision decimal
 * is handed to SQL as a plain {@code DECIMAL} (Beam SQL does not know the logical type), with the
 * same values. A query that does not return exactly one row of one number fails the run with a
 * message naming the query; a null result is not a measurement (the check fails).
 */
final class SqlMetric extends PTransform<PCollection<Row>, PCollection<KV<String, Double>>> {

  private final String query;
  private final List<String> tables;

  private SqlMetric(String query, List<String> tables) {
    this.query = query;
    this.tables = List.copyOf(tables);
  }

  /** {@code query} over the rows, which it calls by any of {@code tables} (the first also as ${object}). */
  static SqlMetric of(String query, List<String> tables) {
    return new SqlMetric(query, tables);
  }

  /** The metric a query's result is reported as: {@code sql(<query, spaces collapsed>)}. */
  static String metric(String query) {
    return "sql(" + query.strip().replaceAll("\\s+", " ") + ")";
  }

  @Override
  public PCollection<KV<String, Double>> expand(PCollection<Row> rows) {
    Schema schema = sqlSchema(rows.getSchema());
    // Rows are rebuilt only when a column's type is one SQL does not know.
    PCollection<Row> plain =
        schema.equals(rows.getSchema())
            ? rows
            : rows.apply(
                    "AsSqlRows", MapElements.into(TypeDescriptors.rows()).via(r -> asSql(r, schema)))
                .setRowSchema(schema);
    String sql = query.replace("${object}", tables.get(0));
    PCollectionTuple named = PCollectionTuple.empty(rows.getPipeline());
    for (String table : tables) {
      named = named.and(new TupleTag<Row>(table), plain);
    }
    PCollection<Row> result = named.apply(
            "Query",
            // No auto-loaded table providers or functions: the query reads this table only, and
            // the providers' IO stacks (BigQuery, Pub/Sub, MongoDB, Kafka) are not on the path.
            SqlTransform.query(sql).withAutoLoading(false));
    String metric = metric(query);
    return result
        .apply("Number", ParDo.of(new NumberFn(query)))
        .apply("OnlyOne", Combine.globally(new OnlyOneFn(query)).withoutDefaults())
        .apply("AsMetric", ParDo.of(new AsMetricFn(metric)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of()));
  }

  /**
   * {@code schema} with each fixed-precision decimal as a plain DECIMAL and each microsecond
   * timestamp as Beam's DATETIME, nested ones too.
   */
  static Schema sqlSchema(Schema schema) {
    Schema.Builder builder = Schema.builder();
    for (Field field : schema.getFields()) {
      builder.addField(field.withType(sqlType(field.getType())));
    }
    return builder.build();
  }

  private static FieldType sqlType(FieldType type) {
    FieldType plain;
    if (type.getTypeName() == TypeName.LOGICAL_TYPE
        && FixedPrecisionNumeric.IDENTIFIER.equals(type.getLogicalType().getIdentifier())) {
      plain = FieldType.DECIMAL;
    } else if (DataTypes.isMicrosTimestamp(type)) {
      // Beam SQL's TIMESTAMP is Beam's DATETIME: queries see timestamps to the millisecond.
      plain = FieldType.DATETIME;
    } else if (type.getTypeName() == TypeName.ROW) {
      plain = FieldType.row(sqlSchema(type.getRowSchema()));
    } else if (type.getTypeName() == TypeName.ARRAY || type.getTypeName() == TypeName.ITERABLE) {
      plain = FieldType.array(sqlType(type.getCollectionElementType()));
    } else {
      return type;
    }
    return plain.withNullable(type.getNullable());
  }

  /** {@code row}'s values under {@code schema}: the values are the same, only types are plainer. */
  private static Row asSql(Row row, Schema schema) {
    List<Object> values = new ArrayList<>(schema.getFieldCount());
    for (int i = 0; i < schema.getFieldCount(); i++) {
      values.add(asSql(row.getValue(i), schema.getField(i).getType()));
    }
    return Row.withSchema(schema).attachValues(values);
  }

  private static Object asSql(Object value, FieldType type) {
    if (value == null) {
      return null;
    }
    if (type.getTypeName() == TypeName.ROW) {
      return asSql((Row) value, type.getRowSchema());
    }
    if (type.getTypeName() == TypeName.ARRAY || type.getTypeName() == TypeName.ITERABLE) {
      List<Object> items = new ArrayList<>();
      for (Object item : (Iterable<?>) value) {
        items.add(asSql(item, type.getCollectionElementType()));
      }
      return items;
    }
    if (type.getTypeName() == TypeName.DATETIME && value instanceof java.time.Instant instant) {
      return new org.joda.time.Instant(instant.toEpochMilli());
    }
    return value;
  }

  /** The one value, as the metric, when there is one. */
  private static final class AsMetricFn extends DoFn<List<Double>, KV<String, Double>> {
    private final String metric;

    AsMetricFn(String metric) {
      this.metric = metric;
    }

    @ProcessElement
    public void process(@Element List<Double> values, OutputReceiver<KV<String, Double>> out) {
      if (!values.isEmpty()) {
        out.output(KV.of(metric, values.get(0)));
      }
    }
  }

  /** A result row's one number; throws, naming the query, for another shape. */
  private static final class NumberFn extends DoFn<Row, Double> {
    private final String query;

    NumberFn(String query) {
      this.query = query;
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<Double> out) {
      if (row.getFieldCount() != 1) {
        throw new IllegalStateException(
            "the sql check's query returns " + row.getFieldCount() + " columns; it must return"
                + " one number: " + query);
      }
      Object value = row.getValue(0);
      if (value == null) {
        out.output(Double.NaN);
      } else if (value instanceof Number number) {
        out.output(number.doubleValue());
      } else {
        throw new IllegalStateException(
            "the sql check's query returns a " + row.getSchema().getField(0).getType()
                + ", not a number: " + query);
      }
    }
  }

  /** Exactly one value across the result, or the run fails naming the query. */
  private static final class OnlyOneFn
      extends Combine.CombineFn<Double, ArrayList<Double>, List<Double>> {
    private final String query;

    OnlyOneFn(String query) {
      this.query = query;
    }

    @Override
    public ArrayList<Double> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<Double> addInput(ArrayList<Double> values, Double value) {
      values.add(value);
      if (values.size() > 1) {
        throw new IllegalStateException(tooMany());
      }
      return values;
    }

    @Override
    public ArrayList<Double> mergeAccumulators(Iterable<ArrayList<Double>> accumulators) {
      ArrayList<Double> all = new ArrayList<>();
      accumulators.forEach(all::addAll);
      if (all.size() > 1) {
        throw new IllegalStateException(tooMany());
      }
      return all;
    }

    @Override
    public List<Double> extractOutput(ArrayList<Double> values) {
      return values.isEmpty() || values.get(0).isNaN() ? new ArrayList<>() : values;
    }

    private String tooMany() {
      return "the sql check's query returns more than one row; it must return one number: " + query;
    }
  }
}
