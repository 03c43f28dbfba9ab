package org.datamesh.examples.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.datamesh.core.DataTypes;
import org.datamesh.core.contract.ContractTable;
import org.datamesh.core.publish.Manifest;
import org.datamesh.core.support.DuckDb;
import org.datamesh.pipelines.mesh.MeshProduct;

/**
 * Reads every table of a published mesh product back with DuckDB, an independent Parquet reader,
 * and checks it against the product's contract: the columns and their types, and as many rows as
 * the manifest says were published.
 */
final class MeshReadback {

  private MeshReadback() {}

  /** Checks every table of {@code product} under {@code output}; returns its manifest. */
  static Manifest check(Path output, MeshProduct product) throws Exception {
    Path directory = output.resolve(product.path());
    Manifest manifest = Manifest.read(directory);
    assertThat(product.path() + " balances", manifest.counts().balances(), is(true));
    for (ContractTable table : product.contract().tables()) {
      Manifest.Table published = manifest.findTable(table.folder()).orElseThrow();
      assertThat(product.path() + "." + table.folder() + " balances", published.counts().balances(), is(true));
      if (published.files().isEmpty()) {
        assertThat(published.counts().published(), equalTo(0L));
        continue;
      }
      String data = DuckDb.parquet(directory, published.files());
      assertThat(
          product.path() + "." + table.folder() + " as DuckDB reads it",
          unquoted(DuckDb.columnTypes(data)),
          equalTo(duckDbTypes(table.publishedSchema())));
      Object rows = DuckDb.query("SELECT count(*) AS n FROM " + data).get(0).get("n");
      assertThat(product.path() + "." + table.folder() + " rows", rows, equalTo(published.counts().published()));
    }
    return manifest;
  }

  /** A table expression over the published files of {@code table} of a product. */
  static String table(Path output, String productPath, String table) throws Exception {
    Path directory = output.resolve(productPath);
    return DuckDb.parquet(directory, Manifest.read(directory).findTable(table).orElseThrow().files());
  }

  /** The column types DuckDB gives the Parquet files of rows of {@code schema}. */
  static Map<String, String> duckDbTypes(Schema schema) {
    Map<String, String> types = new LinkedHashMap<>();
    for (Schema.Field field : schema.getFields()) {
      types.put(field.getName(), duckDbType(field.getType()));
    }
    return types;
  }

  private static String duckDbType(FieldType type) {
    switch (type.getTypeName()) {
      case STRING:
        return "VARCHAR";
      case INT16:
        return "SMALLINT";
      case INT32:
        return "INTEGER";
      case INT64:
        return "BIGINT";
      case DOUBLE:
        return "DOUBLE";
      case FLOAT:
        return "FLOAT";
      case BOOLEAN:
        return "BOOLEAN";
      case DATETIME:
        return "TIMESTAMP WITH TIME ZONE";
      case ARRAY:
      case ITERABLE:
        return duckDbType(type.getCollectionElementType()) + "[]";
      case ROW:
        List<String> fields =
            type.getRowSchema().getFields().stream()
                .map(f -> f.getName() + " " + duckDbType(f.getType()))
                .toList();
        return "STRUCT(" + String.join(", ", fields) + ")";
      case LOGICAL_TYPE:
        if (DataTypes.isDate(type)) {
          return "DATE";
        }
        if (DataTypes.isTime(type)) {
          return "TIME WITH TIME ZONE";
        }
        if (DataTypes.isMicrosTimestamp(type)) {
          return "TIMESTAMP WITH TIME ZONE";
        }
        if (DataTypes.isFixedDecimal(type)) {
          return "DECIMAL(" + DataTypes.precision(type) + "," + DataTypes.scale(type) + ")";
        }
        return type.getLogicalType().getIdentifier();
      default:
        return type.getTypeName().name();
    }
  }

  /** DuckDB quotes struct field names that are keywords ({@code "comment"}); compared without. */
  private static Map<String, String> unquoted(Map<String, String> types) {
    Map<String, String> plain = new LinkedHashMap<>();
    types.forEach((name, type) -> plain.put(name, type.replace("\"", "")));
    return plain;
  }
}
