package org.datamesh.rules.profile;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.contract.TextFormat;
import org.datamesh.core.parse.RawRecords;
import org.datamesh.rules.TextFormats;
import org.datamesh.rules.dataset.HyperLogLog;

/**
 * What one column's values have shown so far, mutable, merged with another part's state: the
 * accumulator of {@link ProfileFn} per column.
 */
final class ColumnState implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The formats suggested when every value has one; host names are left out (any word is one). */
  static final List<TextFormat> FORMATS =
      List.of(
          TextFormat.EMAIL,
          TextFormat.UUID,
          TextFormat.URI,
          TextFormat.IPV4,
          TextFormat.IPV6,
          TextFormat.COUNTRY_CODE,
          TextFormat.CURRENCY_CODE);

  final String name;
  /** Where the column was first seen in a record, to order columns as the files do. */
  int position;
  long values;
  long blanks;
  @Nullable ProfiledType type;
  /** The JSON kinds seen ({@link RawRecords.Kind} ordinals as bits). */
  int kinds;
  int minLength = Integer.MAX_VALUE;
  int maxLength = -1;
  @Nullable BigDecimal minimum;
  @Nullable BigDecimal maximum;
  int maxScale;
  int maxIntegerDigits;
  /** Dates not in ISO-8601, and the date patterns every such date is in (or is ISO). */
  long otherDates;
  int datePatterns = TextTypes.ALL_DATE_PATTERNS;
  /** The {@link #FORMATS} every text value is in, as bits. */
  int formats = (1 << FORMATS.size()) - 1;
  /** The distinct values, exactly, until there are more than the limit; then null. */
  @Nullable Set<String> distinct = new HashSet<>();
  final HyperLogLog sketch = new HyperLogLog();

  ColumnState(String name, int position) {
    this.name = name;
    this.position = position;
  }

  void add(RawRecords.Value value, int distinctLimit) {
    values++;
    kinds |= 1 << value.kind().ordinal();
    String text = value.text();
    ProfiledType valueType;
    switch (value.kind()) {
      case BOOLEAN:
        valueType = ProfiledType.BOOLEAN;
        break;
      case OBJECT:
        valueType = ProfiledType.OBJECT;
        break;
      case ARRAY:
        valueType = ProfiledType.ARRAY;
        break;
      default:
        valueType = TextTypes.of(text);
    }
    type = type == null ? valueType : type.join(valueType);
    if (value.kind() == RawRecords.Kind.TEXT) {
      addText(text);
    }
    if (valueType == ProfiledType.INTEGER || valueType == ProfiledType.NUMBER) {
      addNumber(new BigDecimal(text.trim()));
    } else if (valueType == ProfiledType.DATE) {
      addDate(text.trim());
    }
    // Strings as they are, other types as read (trimmed), so " 7" and "7" are one integer.
    String key = value.kind() == RawRecords.Kind.TEXT && valueType == ProfiledType.STRING ? text : text.trim();
    sketch.add(key);
    if (distinct != null) {
      distinct.add(key);
      if (distinct.size() > distinctLimit) {
        distinct = null;
      }
    }
  }

  private void addText(String text) {
    if (text.isBlank()) {
      blanks++;
    }
    int length = text.codePointCount(0, text.length());
    minLength = Math.min(minLength, length);
    maxLength = Math.max(maxLength, length);
    for (int i = 0; i < FORMATS.size(); i++) {
      if ((formats & (1 << i)) != 0 && !inFormat(FORMATS.get(i), text)) {
        formats &= ~(1 << i);
      }
    }
  }

  private static boolean inFormat(TextFormat format, String text) {
    // Any "word:rest" is an absolute URI; only suggest the format for links with an authority.
    if (format == TextFormat.URI && !text.contains("://")) {
      return false;
    }
    return TextFormats.matches(format, text);
  }

  private void addNumber(BigDecimal number) {
    minimum = minimum == null || number.compareTo(minimum) < 0 ? number : minimum;
    maximum = maximum == null || number.compareTo(maximum) > 0 ? number : maximum;
    maxScale = Math.max(maxScale, Math.max(number.scale(), 0));
    maxIntegerDigits = Math.max(maxIntegerDigits, Math.max(number.precision() - number.scale(), 0));
  }

  private void addDate(String text) {
    if (!TextTypes.isIsoDate(text)) {
      otherDates++;
      datePatterns &= TextTypes.datePatterns(text);
    }
  }

  ColumnState merge(ColumnState other, int distinctLimit) {
    position = Math.min(position, other.position);
    values += other.values;
    blanks += other.blanks;
    type = type == null ? other.type : other.type == null ? type : type.join(other.type);
    kinds |= other.kinds;
    minLength = Math.min(minLength, other.minLength);
    maxLength = Math.max(maxLength, other.maxLength);
    if (other.minimum != null) {
      addNumberBounds(other);
    }
    otherDates += other.otherDates;
    datePatterns &= other.datePatterns;
    formats &= other.formats;
    if (distinct != null && other.distinct != null) {
      distinct.addAll(other.distinct);
      if (distinct.size() > distinctLimit) {
        distinct = null;
      }
    } else {
      distinct = null;
    }
    sketch.merge(other.sketch);
    return this;
  }

  private void addNumberBounds(ColumnState other) {
    minimum = minimum == null || other.minimum.compareTo(minimum) < 0 ? other.minimum : minimum;
    maximum = maximum == null || other.maximum.compareTo(maximum) > 0 ? other.maximum : maximum;
    maxScale = Math.max(maxScale, other.maxScale);
    maxIntegerDigits = Math.max(maxIntegerDigits, other.maxIntegerDigits);
  }

  /** The formats every value is in, in {@link #FORMATS} order. */
  List<TextFormat> formats() {
    List<TextFormat> all = new ArrayList<>();
    for (int i = 0; i < FORMATS.size(); i++) {
      if ((formats & (1 << i)) != 0) {
        all.add(FORMATS.get(i));
      }
    }
    return all;
  }
}
