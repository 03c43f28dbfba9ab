package org.datamesh.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.datamesh.core.pipeline.RandomTables.Cell;
import org.datamesh.core.pipeline.RandomTables.Column;
import org.datamesh.core.pipeline.RandomTables.Table;

/**
 * A {@link RandomTables.Table} written as the files the parsers read: CSV with a header, columns in
 * the table's file order, and JSON lines, members in that order.
 *
 * <p>Both vary how a value is written where the format allows: CSV quotes a field when it must
 * (delimiter, quote, line break, empty text) and every third field anyway; JSON writes numbers and
 * booleans as JSON values in even rows and as strings in odd ones, and a missing value as an
 * absent member in even rows and as {@code null} in odd ones.
 */
final class TableFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TableFiles() {}

  /** CSV with a header; records end with {@code lineEnd}, the last one too when {@code endsWithBreak}. */
  static byte[] csv(Table table, String lineEnd, boolean endsWithBreak) {
    StringBuilder out = new StringBuilder();
    List<Integer> order = table.fileOrder();
    out.append(String.join(",", order.stream().map(i -> table.columns().get(i).name()).toList()));
    for (int r = 0; r < table.rows().size(); r++) {
      out.append(lineEnd);
      for (int f = 0; f < order.size(); f++) {
        String text = table.rows().get(r).get(order.get(f)).text();
        out.append(f == 0 ? "" : ",");
        if (text != null) {
          boolean quote = text.isEmpty() || text.matches("(?s).*[,\"\r\n].*") || (r + f) % 3 == 0;
          out.append(quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }
      }
    }
    if (endsWithBreak) {
      out.append(lineEnd);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One JSON object a line, LF-terminated. */
  static byte[] jsonLines(Table table) {
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < table.rows().size(); r++) {
      ObjectNode object = JSON.createObjectNode();
      boolean asValues = r % 2 == 0;
      for (int f : table.fileOrder()) {
        Column column = table.columns().get(f);
        Cell cell = table.rows().get(r).get(f);
        if (cell.text() == null) {
          if (!asValues) {
            object.putNull(column.name());
          }
        } else if (!asValues) {
          object.put(column.name(), cell.text());
        } else {
          switch (column.kind()) {
            case BOOLEAN -> object.put(column.name(), (Boolean) cell.expected());
            case INT16, INT32, INT64 -> object.put(column.name(), (Long) cell.expected());
            case FLOAT, DOUBLE -> object.put(column.name(), ((Number) cell.expected()).doubleValue());
            case DECIMAL -> object.put(column.name(), (BigDecimal) cell.expected());
            default -> object.put(column.name(), cell.text());
          }
        }
      }
      try {
        out.append(JSON.writeValueAsString(object)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
