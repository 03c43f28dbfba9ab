package org.datamesh.examples.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each order field sits in a file, from its header: matched by name exactly, then ignoring
 * case, as the library matches columns. A header naming a field twice, or unreadable itself, makes
 * every record of the file a parse failure; a missing column is a missing value (every raw order
 * field is optional, so the rules report it).
 */
final class OrderColumns {

  /** The raw order fields in the order of the orders contract's columns. */
  static final String[] FIELDS = {
    "order_id", "customer_id", "order_ts", "updated_at", "amount", "currency", "status", "quantity"
  };

  private final int[] columnOfField;
  private final int columnCount;
  private final List<String> headerProblems;

  private OrderColumns(int[] columnOfField, int columnCount, List<String> headerProblems) {
    this.columnOfField = columnOfField;
    this.columnCount = columnCount;
    this.headerProblems = headerProblems;
  }

  static OrderColumns of(CsvSplitter.Record header) {
    List<String> problems = new ArrayList<>(header.problems());
    Map<String, List<Integer>> exact = new HashMap<>();
    Map<String, List<Integer>> folded = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).trim();
      exact.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
      folded.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
    }
    int[] columns = new int[FIELDS.length];
    for (int f = 0; f < FIELDS.length; f++) {
      List<Integer> found = exact.getOrDefault(FIELDS[f], folded.get(FIELDS[f]));
      columns[f] = found == null || found.size() > 1 ? -1 : found.get(0);
      if (found != null && found.size() > 1) {
        problems.add("parse.header");
      }
    }
    return new OrderColumns(columns, header.fields().size(), List.copyOf(problems));
  }

  /** The record's parse problems, in the library's order of checking; empty when it can be read. */
  List<String> problemsOf(CsvSplitter.Record record) {
    if (!headerProblems.isEmpty()) {
      return headerProblems;
    }
    if (!record.problems().isEmpty()) {
      return record.problems();
    }
    if (record.isEmptyLine()) {
      return List.of("parse.empty_line");
    }
    if (record.fields().size() != columnCount) {
      return List.of("parse.column_count");
    }
    return List.of();
  }

  /** The text of field {@code f} (index into {@link #FIELDS}); null when missing or unquoted-empty. */
  String text(CsvSplitter.Record record, int f) {
    int column = columnOfField[f];
    if (column < 0) {
      return null;
    }
    String value = record.fields().get(column);
    return value.isEmpty() && !record.quoted()[column] ? null : value;
  }
}
