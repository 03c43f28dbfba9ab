package org.datamesh.core.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;

/**
 * A file's header, mapped onto a schema: which column holds each field. Turns the file's records
 * into rows, or into failures when the record or the header itself is unusable.
 */
final class CsvHeader {

  private final Schema schema;
  private final int[] columnOfField;
  private final int columnCount;
  private final List<Violation> headerProblems;

  private CsvHeader(
      Schema schema, int[] columnOfField, int columnCount, List<Violation> headerProblems) {
    this.schema = schema;
    this.columnOfField = columnOfField;
    this.columnCount = columnCount;
    this.headerProblems = headerProblems;
  }

  static CsvHeader of(Schema schema, CsvRecord header) {
    List<Violation> problems = new ArrayList<>();
    for (Violation problem : header.problems()) {
      problems.add(
          Violation.error(problem.ruleId(), null, "the file's header is unusable: " + problem.reason()));
    }
    Map<String, List<Integer>> exact = new HashMap<>();
    Map<String, List<Integer>> folded = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).trim();
      exact.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
      folded.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
    }
    int[] columnOfField = new int[schema.getFieldCount()];
    for (int f = 0; f < schema.getFieldCount(); f++) {
      Field field = schema.getField(f);
      List<Integer> columns = exact.get(field.getName());
      if (columns == null) {
        columns = folded.get(field.getName().toLowerCase(Locale.ROOT));
      }
      if (columns == null) {
        columnOfField[f] = -1;
        if (!field.getType().getNullable()) {
          problems.add(
              Violation.error(
                  "parse.header",
                  field.getName(),
                  "the file's header has no column for the required field " + field.getName()));
        }
      } else if (columns.size() > 1) {
        columnOfField[f] = -1;
        problems.add(
            Violation.error(
                "parse.header",
                field.getName(),
                "the file's header names the field " + field.getName() + " more than once"));
      } else {
        columnOfField[f] = columns.get(0);
      }
    }
    return new CsvHeader(schema, columnOfField, header.fields().size(), List.copyOf(problems));
  }

  ParseOutcome toOutcome(CsvRecord record, String file, long recordNumber, String product) {
    SourcePosition position = SourcePosition.fileRecord(file, recordNumber, record.line());
    List<Violation> problems = new ArrayList<>(headerProblems);
    if (problems.isEmpty()) {
      problems.addAll(record.problems());
    }
    if (problems.isEmpty() && record.isBlank()) {
      problems.add(Violation.error("parse.empty_line", null, "the record is an empty line"));
    }
    if (problems.isEmpty() && record.fields().size() != columnCount) {
      problems.add(
          Violation.error(
              "parse.column_count",
              null,
              "expected " + columnCount + " columns, found " + record.fields().size()));
    }
    Object[] values = new Object[schema.getFieldCount()];
    if (problems.isEmpty()) {
      for (int f = 0; f < values.length; f++) {
        try {
          values[f] = FieldValues.parse(schema.getField(f), text(record, columnOfField[f]));
        } catch (FieldValueException e) {
          problems.add(e.violation());
        }
      }
    }
    if (!problems.isEmpty()) {
      return ParseOutcome.of(
          Failure.builder(Stage.PARSE, product)
              .setViolations(problems)
              .setSource(position)
              .setRawPayload(record.raw())
              .build());
    }
    return ParseOutcome.of(values, position, record.raw());
  }

  private static String text(CsvRecord record, int column) {
    if (column < 0) {
      return null;
    }
    String value = record.fields().get(column);
    return value.isEmpty() && !record.quoted()[column] ? null : value;
  }
}
