package org.datamesh.core.standardize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.SupportedYears;
import org.datamesh.core.TemporalFormat;

/**
 * Text dates in the forms found in exports, turned into calendar dates ({@code DATE},
 * ISO-8601 when printed).
 *
 * <pre>{@code
 * Standardizers.date("birthday").withPatterns("dd.MM.yyyy", "MM/dd/yyyy");
 * // "2024-03-05", "05.03.2024", "03/05/2024" -> 2024-03-05
 * }</pre>
 *
 * <p>ISO-8601 ({@code 2024-03-05}) is tried first, then each pattern in the order given. Patterns
 * are read strictly: {@code 30.02.2024} is refused rather than moved to 1 March. A value that
 * reads in none of them, or a year outside {@link SupportedYears}, fails with {@code
 * standardize.date}. Where two patterns could both read a value ({@code 03/05/2024} as {@code
 * MM/dd} or {@code dd/MM}), the first listed wins: list one of them only.
 */
public final class DateFromText implements FieldStandardizer {

  private final String field;
  private final List<String> patterns;
  private transient @Nullable List<TemporalFormat> formats;

  private DateFromText(String field, List<String> patterns) {
    this.field = field;
    this.patterns = List.copyOf(patterns);
    patterns.forEach(p -> TemporalFormat.of(p, "UTC"));
  }

  static DateFromText of(String field) {
    return new DateFromText(field, List.of());
  }

  /**
   * Returns a standardizer like this one but also accepting {@link DateTimeFormatter} patterns
   * such as {@code dd.MM.yyyy}, tried in order after ISO-8601.
   */
  public DateFromText withPatterns(String... patterns) {
    List<String> all = new ArrayList<>(this.patterns);
    all.addAll(List.of(patterns));
    return new DateFromText(field, all);
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public FieldType outputType(FieldType inputType) {
    if (DataTypes.isDate(inputType)) {
      return inputType;
    }
    TextOnly.output(field, inputType, "it cannot be read as a date");
    return DataTypes.date().withNullable(true);
  }

  @Override
  public @Nullable Object apply(@Nullable Object value, FieldLookup row)
      throws StandardizationException {
    if (value == null || value instanceof LocalDate) {
      return value;
    }
    LocalDate day = parse(TextOnly.strip(value.toString()));
    if (day == null) {
      throw new StandardizationException(
          "standardize.date",
          field,
          field + " is not a date in a known format (ISO-8601"
              + (patterns.isEmpty() ? "" : " or " + String.join(", ", patterns))
              + ")");
    }
    if (!SupportedYears.contains(day)) {
      throw new StandardizationException(
          "standardize.date", field, field + " is outside " + SupportedYears.TEXT);
    }
    return day;
  }

  private @Nullable LocalDate parse(String text) {
    try {
      return LocalDate.from(
          DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT).parse(text));
    } catch (DateTimeException e) {
      // next form
    }
    for (TemporalFormat format : formats()) {
      try {
        return format.date(text);
      } catch (DateTimeException e) {
        // next pattern
      }
    }
    return null;
  }

  private List<TemporalFormat> formats() {
    if (formats == null) {
      formats = patterns.stream().map(p -> TemporalFormat.of(p, "UTC")).toList();
    }
    return formats;
  }

  @Override
  public String describe() {
    return field + ": date" + (patterns.isEmpty() ? "" : " from ISO-8601 or " + patterns);
  }
}
