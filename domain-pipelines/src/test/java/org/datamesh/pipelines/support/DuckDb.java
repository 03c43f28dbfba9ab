package org.datamesh.pipelines.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads Parquet with DuckDB, a reader independent of the one that wrote it. */
public final class DuckDb {

  private DuckDb() {}

  /** The rows of a query as column-to-value maps, in the query's order. */
  public static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** A {@code read_parquet([...])} table expression over the given files. */
  public static String parquet(Path folder, List<String> relativeFiles) {
    return "read_parquet(["
        + relativeFiles.stream()
            .map(f -> "'" + folder.resolve(f).toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", "))
        + "])";
  }

  /** Column name to DuckDB type of a table expression. */
  public static Map<String, String> columnTypes(String table) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, Object> row : query("DESCRIBE SELECT * FROM " + table)) {
      types.put((String) row.get("column_name"), (String) row.get("column_type"));
    }
    return types;
  }
}
