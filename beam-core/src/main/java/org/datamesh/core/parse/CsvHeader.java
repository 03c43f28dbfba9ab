package org.datamesh.core.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.failure.Failure;
import org.datamesh.core.failure.SourcePosition;
import org.datamesh.core.failure.Stage;
import org.datamesh.core.failure.Violation;

/**
 * A file's header, mapped onto a schema: which column holds each field. Turns the file's records
 * into rows, or into failures when the record or the header itself is unusable.
 *
 * <p>Columns are matched to fields by name, exactly first, then ignoring case, so their order does
 * not matter. A header column no field matches is not published; a nullable field no column
 * matches is published as null. Neither is silent: each row read under such a header carries the
 * warning {@code parse.unknown_column} or {@code parse.missing_column}, which the run's summary
 * and manifest count, and {@link #describeMismatch} says which, for the log: fields by name,
 * unknown columns by position only.
 */
final class CsvHeader {

  /** Warning on each row read under a header with columns no field matches. */
  static final String UNKNOWN_COLUMN = "parse.unknown_column";

  /** Warning on each row read under a header that lacks a column for a nullable field. */
  static final String MISSING_COLUMN = "parse.missing_column";

  /** How many column names a log message lists at most. */
  private static final int NAMES_SHOWN = 10;


  private final Schema schema;
  private final int[] columnOfField;
  private final int columnCount;
  private final List<Violation> headerProblems;
  private final List<String> unknownPositions;
  private final List<String> missingColumns;
  private final List<String> rowWarnings;

  private CsvHeader(
      Schema schema,
      int[] columnOfField,
      int columnCount,
      List<Violation> headerProblems,
      List<String> unknownPositions,
      List<String> missingColumns) {
    this.schema = schema;
    this.columnOfField = columnOfField;
    this.columnCount = columnCount;
    this.headerProblems = headerProblems;
    this.unknownPositions = unknownPositions;
    this.missingColumns = missingColumns;
    List<String> warnings = new ArrayList<>();
    if (!unknownPositions.isEmpty()) {
      warnings.add(UNKNOWN_COLUMN);
    }
    if (!missingColumns.isEmpty()) {
      warnings.add(MISSING_COLUMN);
    }
    this.rowWarnings = List.copyOf(warnings);
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
    boolean[] columnUsed = new boolean[header.fields().size()];
    List<String> missing = new ArrayList<>();
    for (int f = 0; f < schema.getFieldCount(); f++) {
      Field field = schema.getField(f);
      List<Integer> columns = exact.get(field.getName());
      if (columns == null) {
        columns = folded.get(field.getName().toLowerCase(Locale.ROOT));
      }
      columnOfField[f] = -1;
      if (columns == null) {
        missing.add(field.getName());
        if (!field.getType().getNullable()) {
          problems.add(
              Violation.error(
                  "parse.header",
                  field.getName(),
                  "the file's header has no column for the required field " + field.getName()));
        }
      } else if (columns.size() > 1) {
        columns.forEach(column -> columnUsed[column] = true);
        problems.add(
            Violation.error(
                "parse.header",
                field.getName(),
                "the file's header names the field " + field.getName() + " more than once"));
      } else {
        columnOfField[f] = columns.get(0);
        columnUsed[columns.get(0)] = true;
      }
    }
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < columnUsed.length; i++) {
      if (!columnUsed[i]) {
        // By position, not name: a file without a header has a record in its place, whose values
        // (personal data, perhaps) would otherwise reach the log.
        unknown.add(String.valueOf(i + 1));
      }
    }
    return new CsvHeader(
        schema,
        columnOfField,
        header.fields().size(),
        List.copyOf(problems),
        List.copyOf(unknown),
        List.copyOf(missing));
  }

  /**
   * What the header and the schema disagree on without making the rows unusable, for the log: the
   * columns that are not published and the fields that are published as null; null when they
   * agree or when the header is unusable (then every row fails, saying why).
   */
  @Nullable
  String describeMismatch() {
    if (!headerProblems.isEmpty() || rowWarnings.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    if (!unknownPositions.isEmpty()) {
      text.append(unknownPositions.size())
          .append(" column(s) that no field of the schema matches, not published: column(s) ")
          .append(names(unknownPositions));
    }
    if (!missingColumns.isEmpty()) {
      text.append(text.length() > 0 ? "; " : "")
          .append("no column for the nullable field(s) ")
          .append(names(missingColumns))
          .append(", published as null");
    }
    return text.toString();
  }

  private static String names(List<String> names) {
    List<String> shown = names.subList(0, Math.min(names.size(), NAMES_SHOWN));
    String more = names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "";
    return shown + more;
  }

  ParseOutcome toOutcome(CsvRecord record, String file, long recordNumber, String product) {
    return toOutcome(record, SourcePosition.fileRecord(file, recordNumber, record.line()), product);
  }

  /** The row or failure of {@code record}, read at {@code position}. */
  ParseOutcome toOutcome(CsvRecord record, SourcePosition position, String product) {
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
    return ParseOutcome.of(values, position, record.raw(), rowWarnings);
  }

  private static String text(CsvRecord record, int column) {
    if (column < 0) {
      return null;
    }
    String value = record.fields().get(column);
    return value.isEmpty() && !record.quoted()[column] ? null : value;
  }
}
