package org.datamesh.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;
import org.datamesh.core.JsonText;
import org.datamesh.core.TemporalFormat;

/**
 * Turns the text of one field into the value a Beam {@code Row} holds for the field's type.
 *
 * <p>Strict on purpose: a value either is of the declared type or the record fails with a reason
 * that names the field and the type, never the value (which may be personal data). Lenient
 * formats (other date layouts, stray spaces in codes) are the standardization step's job.
 */
final class FieldValues {

  private FieldValues() {}

  /** Fails fast, at pipeline construction, on a schema this parser cannot fill. */
  static void checkSupported(Field field) {
    if (!isSupported(field.getType())) {
      throw new IllegalArgumentException(
          "field '" + field.getName() + "' has type " + field.getType() + ", which parsing does"
              + " not support; use STRING, BOOLEAN, INT16/32/64, FLOAT, DOUBLE, DECIMAL,"
              + " FixedPrecisionNumeric, DATETIME, SqlTypes.TIMESTAMP, SqlTypes.DATE, SqlTypes.TIME, or rows and"
              + " arrays of them");
    }
  }

  private static boolean isSupported(FieldType type) {
    switch (type.getTypeName()) {
      case STRING:
      case BOOLEAN:
      case INT16:
      case INT32:
      case INT64:
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
      case DATETIME:
        return true;
      case ROW:
        return type.getRowSchema().getFields().stream().allMatch(f -> isSupported(f.getType()));
      case ARRAY:
      case ITERABLE:
        return isSupported(type.getCollectionElementType());
      case LOGICAL_TYPE:
        return DataTypes.isFixedDecimal(type)
            || DataTypes.isDate(type)
            || DataTypes.isTime(type)
            || DataTypes.isMicrosTimestamp(type);
      default:
        return false;
    }
  }

  /**
   * The value for {@code field} from {@code text}; null for a missing value (null text) of a
   * nullable field.
   */
  static @Nullable Object parse(Field field, @Nullable String text) throws FieldValueException {
    String jsonText = JsonText.kindOf(field);
    if (jsonText != null && text != null) {
      // A CSV cell or a log line's group holding an object or array the contract leaves open.
      return JsonValues.text(field.getName(), jsonText, nestedJson(field.getName(), text.trim()));
    }
    return parse(field.getName(), field.getType(), TemporalFormat.ofField(field), text);
  }

  /**
   * The value of type {@code type} in {@code text}. An object or array field's text is JSON
   * (a CSV cell, a log line's group), read strictly by {@link JsonValues}.
   *
   * @param name where the value sits, for reasons: {@code amount}, {@code lines[3].quantity}
   * @param format how a date, time or timestamp is written; null: strict ISO-8601
   */
  static @Nullable Object parse(
      String name, FieldType type, @Nullable TemporalFormat format, @Nullable String text)
      throws FieldValueException {
    if (text == null) {
      if (!type.getNullable()) {
        throw new FieldValueException("parse.missing", name, name + " is required but missing");
      }
      return null;
    }
    String trimmed = text.trim();
    switch (type.getTypeName()) {
      case STRING:
        return text;
      case BOOLEAN:
        return parseBoolean(name, trimmed);
      case INT16:
        return (short) NumberValues.integer(name, trimmed, Short.MIN_VALUE, Short.MAX_VALUE, 16);
      case INT32:
        return (int) NumberValues.integer(name, trimmed, Integer.MIN_VALUE, Integer.MAX_VALUE, 32);
      case INT64:
        return NumberValues.integer(name, trimmed, Long.MIN_VALUE, Long.MAX_VALUE, 64);
      case FLOAT:
        return NumberValues.floatValue(name, trimmed);
      case DOUBLE:
        return NumberValues.doubleValue(name, trimmed);
      case DECIMAL:
        return NumberValues.decimal(name, trimmed);
      case DATETIME:
        // Beam's own timestamp holds milliseconds; DataTypes.timestamp() keeps microseconds.
        return new org.joda.time.Instant(instant(name, trimmed, format).toEpochMilli());
      case ROW:
      case ARRAY:
      case ITERABLE:
        return JsonValues.read(name, type, format, nestedJson(name, trimmed));
      case LOGICAL_TYPE:
        return parseLogical(name, type, format, trimmed);
      default:
        throw new IllegalStateException("unsupported type " + type);
    }
  }

  private static JsonNode nestedJson(String name, String text) throws FieldValueException {
    try {
      return JsonLine.readNested(text);
    } catch (JsonLine.ProblemException e) {
      throw new FieldValueException(
          "parse.json", name, name + " holds no JSON value: " + e.getMessage().replace("the record ", "it "));
    }
  }

  private static java.time.Instant instant(
      String name, String text, @Nullable TemporalFormat format) throws FieldValueException {
    return format == null
        ? TimeValues.timestamp(name, text)
        : TimeValues.timestamp(name, text, format);
  }

  private static Object parseLogical(
      String name, FieldType type, @Nullable TemporalFormat format, String text)
      throws FieldValueException {
    if (DataTypes.isDate(type)) {
      return format == null ? TimeValues.date(name, text) : TimeValues.date(name, text, format);
    }
    if (DataTypes.isTime(type)) {
      return TimeValues.time(name, text, format == null ? TemporalFormat.ISO : format);
    }
    if (DataTypes.isMicrosTimestamp(type)) {
      return instant(name, text, format);
    }
    int scale = DataTypes.scale(type);
    int precision = DataTypes.precision(type);
    // Without trailing zeros, the scale and digit count of 1E+999999999 or 1E-999999999 can be
    // checked before rescaling, which would build a billion-digit number.
    BigDecimal value = NumberValues.decimal(name, text).stripTrailingZeros();
    if (value.scale() > scale) {
      throw new FieldValueException(
          "parse.decimal_scale",
          name,
          name + " has more than " + scale + " decimal places");
    }
    if (value.signum() != 0 && value.precision() - value.scale() > precision - scale) {
      throw new FieldValueException(
          "parse.decimal_precision",
          name,
          name + " has more than " + precision + " digits");
    }
    return value.setScale(scale);
  }

  private static Boolean parseBoolean(String name, String text) throws FieldValueException {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "0":
        return Boolean.FALSE;
      default:
        throw new FieldValueException(
            "parse.boolean", name, name + " is not a boolean (true/false, yes/no, 1/0)");
    }
  }
}
