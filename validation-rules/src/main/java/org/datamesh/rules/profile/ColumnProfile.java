package org.datamesh.rules.profile;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.TextFormat;

/**
 * What a profile found in one column.
 *
 * @param name the column's name (the CSV header's, trimmed; the JSON member's)
 * @param values how many records hold a value (a quoted empty CSV field is a value)
 * @param nulls how many readable records have no value (missing, JSON null, an unquoted empty
 *     CSV field, a member or column absent from the record or the file)
 * @param blanks how many values are blank text (which a required column refuses)
 * @param type the inferred type; {@link ProfiledType#STRING} for a column without values
 * @param readable whether one type reads every value: false when JSON lines mix kinds no type
 *     takes together (a number in one record, a word in another)
 * @param minLength the shortest text value in characters (code points); null without text
 * @param maxLength the longest
 * @param minimum the least number (integer and number columns); null otherwise
 * @param maximum the greatest
 * @param scale the most decimal places written (numbers: {@code 9.50} has 2)
 * @param precision the most digits needed for the integer part plus {@code scale}
 * @param datePattern the {@code java.time} pattern the dates are written in when they are not
 *     all ISO-8601 (each value is in it or in ISO-8601); null for ISO dates and other types
 * @param formats the text formats every value is in ({@code email}, {@code uuid}, ...)
 * @param approxDistinct the estimated number of distinct values (HyperLogLog, about 1.6%)
 * @param distinct the exact number of distinct values, when within the profile's limit; else null
 * @param distinctValues the distinct values, sorted, when at most the enumeration limit; else null
 */
public record ColumnProfile(
    String name,
    long values,
    long nulls,
    long blanks,
    ProfiledType type,
    boolean readable,
    @Nullable Integer minLength,
    @Nullable Integer maxLength,
    @Nullable BigDecimal minimum,
    @Nullable BigDecimal maximum,
    int scale,
    int precision,
    @Nullable String datePattern,
    List<TextFormat> formats,
    long approxDistinct,
    @Nullable Long distinct,
    @Nullable List<String> distinctValues)
    implements Serializable {

  /** Whether every value is distinct, known exactly; false when not or not known. */
  public boolean unique() {
    return distinct != null && distinct == values;
  }

  /** Whether every readable record holds a value that is not blank. */
  public boolean complete() {
    return nulls == 0 && blanks == 0 && values > 0;
  }
}
