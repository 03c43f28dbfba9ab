package org.datamesh.bench.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The orders product's work written as a Spark user writes it, with the DataFrame API: read the
 * CSV export, quarantine what cannot be parsed (empty lines, bad UTF-8, wrong column counts,
 * numbers that are not numbers), standardize (trim, upper-case, timestamps to UTC, the amount to
 * its currency's minor unit), apply the orders contract's rules, keep the latest version of each
 * order, and write the orders and the quarantine (with each record's failed rules) as Parquet.
 *
 * <pre>{@code
 * Map<String, Object> counts = SparkOrders.run(spark, "orders.csv", "out");
 * // out/data/*.parquet, out/quarantine/*.parquet
 * }</pre>
 *
 * <p>The same rules, in the same order of stages, as the bench's plain-Java baseline, so the
 * counts must be the generator's ledger exactly: the bench checks that.
 */
public final class SparkOrders {

  /** The raw columns of the export, in its order; every one read as text. */
  static final String[] COLUMNS = {
    "order_id", "customer_id", "order_ts", "updated_at", "amount", "currency", "status", "quantity"
  };

  private static final String CORRUPT = "_corrupt";
  private static final int BULK_QUANTITY = 100;

  private SparkOrders() {}

  /** Runs the work on {@code input} into {@code output}; returns the counts the bench compares. */
  public static Map<String, Object> run(SparkSession spark, String input, String output) {
    StructType raw = new StructType();
    for (String column : COLUMNS) {
      raw = raw.add(column + "_raw", DataTypes.StringType);
    }
    raw = raw.add(CORRUPT, DataTypes.StringType);
    Map<String, String> csv = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);

    Dataset<Row> text = spark.read().text(input);
    String header = text.first().getString(0);
    Dataset<Row> lines =
        text.filter(col("value").notEqual(lit(header)))
            .withColumn("record", monotonically_increasing_id());

    Dataset<Row> parsed =
        lines
            .withColumn("csv", from_csv(col("value"), lit(raw.toDDL()), csv))
            .select(col("record"), col("value"), col("csv.*"));
    Dataset<Row> typed =
        parsed
            .withColumn("amount_num", expr("try_cast(trim(amount_raw) AS DECIMAL(38, 10))"))
            .withColumn("quantity", expr("try_cast(trim(quantity_raw) AS INT)"))
            .withColumn("order_id", nullif(trim(col("order_id_raw")), lit("")))
            .withColumn("customer_id", nullif(trim(col("customer_id_raw")), lit("")))
            .withColumn("currency", upper(nullif(trim(col("currency_raw")), lit(""))))
            .withColumn("status", upper(nullif(trim(col("status_raw")), lit(""))))
            .withColumn("order_ts", expr("try_cast(trim(order_ts_raw) AS TIMESTAMP)"))
            .withColumn("updated_at", expr("try_cast(trim(updated_at_raw) AS TIMESTAMP)"));
    Dataset<Row> withMinorUnits =
        typed.join(
            broadcast(currencies(spark)),
            typed.col("currency").equalTo(col("code")),
            "left");
    // bround takes a constant scale: one branch per minor unit a currency can have here (0-4).
    Column rounded = null;
    for (int digits = 0; digits <= 4; digits++) {
      Column branch = bround(col("amount_num"), digits);
      rounded =
          rounded == null
              ? when(col("digits").equalTo(digits), branch)
              : rounded.when(col("digits").equalTo(digits), branch);
    }
    Dataset<Row> scaled =
        withMinorUnits
            .withColumn("rounded", rounded)
            .withColumn("amount", expr("try_cast(rounded AS DECIMAL(18, 4))"));

    Column parseRules =
        rules(
            rule(col("value").equalTo(""), "parse.empty_line"),
            rule(expr("NOT is_valid_utf8(value)"), "parse.encoding"),
            rule(col(CORRUPT).isNotNull(), "parse.column_count"),
            rule(col("amount_raw").isNotNull().and(col("amount_num").isNull()), "parse.number"),
            rule(col("quantity_raw").isNotNull().and(col("quantity").isNull()), "parse.number"));
    Column standardizeRules =
        rules(
            rule(col("order_ts_raw").isNotNull().and(col("order_ts").isNull()), "standardize.timestamp"),
            rule(col("updated_at_raw").isNotNull().and(col("updated_at").isNull()), "standardize.timestamp"),
            rule(
                col("amount_num").isNotNull().and(coalesce(col("digits").between(0, 4), lit(false)).equalTo(false)),
                "standardize.currency"),
            rule(
                col("amount_num").isNotNull().and(col("digits").between(0, 4)).and(col("amount").isNull()),
                "standardize.amount"));
    Column validateRules =
        rules(
            rule(col("order_id").isNull(), "order_id.not_null"),
            rule(col("order_id").rlike("^ORD-[0-9]{6,}$").equalTo(false), "order_id.pattern"),
            rule(col("customer_id").isNull(), "customer_id.not_null"),
            rule(col("order_ts").isNull(), "order_ts.not_null"),
            rule(col("amount").isNull(), "amount.not_null"),
            rule(col("amount").lt(0), "amount.range"),
            rule(col("currency").isNull(), "currency.not_null"),
            rule(col("currency").rlike("^[A-Z]{3}$").equalTo(false), "currency.pattern"),
            rule(col("status").isNull(), "status.not_null"),
            rule(
                col("status").isin("PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "RETURNED")
                    .equalTo(false),
                "status.allowed_values"),
            rule(col("quantity").lt(1).or(col("quantity").gt(1000)), "quantity.range"));

    Dataset<Row> judged =
        scaled
            .withColumn("parse_errors", parseRules)
            .withColumn("standardize_errors", standardizeRules)
            .withColumn("validate_errors", validateRules)
            .withColumn(
                "stage",
                when(col("parse_errors").notEqual(""), lit("PARSE"))
                    .when(col("standardize_errors").notEqual(""), lit("STANDARDIZE"))
                    .when(col("validate_errors").notEqual(""), lit("VALIDATE")))
            .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> clean = judged.filter(col("stage").isNull());
    Dataset<Row> latest =
        clean
            .withColumn(
                "version",
                row_number()
                    .over(
                        Window.partitionBy("order_id")
                            .orderBy(col("updated_at").desc_nulls_last(), col("record").desc())))
            .filter(col("version").equalTo(1))
            .select("order_id", "customer_id", "order_ts", "updated_at", "amount", "currency", "status", "quantity");
    latest.write().mode(SaveMode.Overwrite).parquet(output + "/data");

    judged
        .filter(col("stage").isNotNull())
        .select(
            col("stage"),
            when(col("stage").equalTo("PARSE"), col("parse_errors"))
                .when(col("stage").equalTo("STANDARDIZE"), col("standardize_errors"))
                .otherwise(col("validate_errors"))
                .as("rules"),
            col("record"),
            col("value").as("raw_line"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(output + "/quarantine");

    Row totals =
        judged
            .agg(
                count(lit(1)).as("input"),
                count_distinct(when(col("stage").isNull(), col("order_id"))).as("published"),
                sum(when(col("stage").isNull(), 1).otherwise(0)).as("clean"),
                sum(when(col("stage").equalTo("PARSE"), 1).otherwise(0)).as("parse"),
                sum(when(col("stage").equalTo("STANDARDIZE"), 1).otherwise(0)).as("standardize"),
                sum(when(col("stage").equalTo("VALIDATE"), 1).otherwise(0)).as("validate"),
                sum(when(col("stage").isNull().and(col("quantity").gt(BULK_QUANTITY)), 1).otherwise(0))
                    .as("bulk"))
            .first();
    judged.unpersist();

    long records = totals.getLong(0);
    long published = totals.getLong(1);
    long cleanRows = totals.getLong(2);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("input", records);
    counts.put("published", published);
    counts.put("quarantined", records - cleanRows);
    counts.put("deduplicated", cleanRows - published);
    Map<String, Long> byStage = new LinkedHashMap<>();
    byStage.put("PARSE", totals.getLong(3));
    byStage.put("STANDARDIZE", totals.getLong(4));
    byStage.put("VALIDATE", totals.getLong(5));
    counts.put("failuresByStage", byStage);
    counts.put("warningsByRule", Map.of("quantity.bulk", totals.getLong(6)));
    return counts;
  }

  /** Every currency with its minor unit, as java.util.Currency knows them: a small lookup table. */
  private static Dataset<Row> currencies(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Currency currency : Currency.getAvailableCurrencies()) {
      rows.add(RowFactory.create(currency.getCurrencyCode(), currency.getDefaultFractionDigits()));
    }
    StructType schema =
        new StructType().add("code", DataTypes.StringType).add("digits", DataTypes.IntegerType);
    return spark.createDataFrame(rows, schema);
  }

  /** The rule's id where {@code broken} holds, else null. */
  private static Column rule(Column broken, String id) {
    return when(broken, lit(id));
  }

  /** The ids of the broken rules, comma-separated; "" when none is. */
  private static Column rules(Column... rules) {
    return concat_ws(",", array_compact(array(rules)));
  }
}
