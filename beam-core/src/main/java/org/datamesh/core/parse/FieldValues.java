package org.datamesh.core.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

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
              + " FixedPrecisionNumeric, DATETIME or SqlTypes.DATE");
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
      case LOGICAL_TYPE:
        return DataTypes.isFixedDecimal(type) || DataTypes.isDate(type);
      default:
        return false;
    }
  }

  /**
   * The value for {@code field} from {@code text}; null for a missing value (null text) of a
   * nullable field.
   */
  static @Nullable Object parse(Field field, @Nullable String text) throws FieldValueException {
    String name = field.getName();
    if (text == null) {
      if (!field.getType().getNullable()) {
        throw new FieldValueException("parse.missing", name, name + " is required but missing");
      }
      return null;
    }
    FieldType type = field.getType();
    String trimmed = text.trim();
    try {
      switch (type.getTypeName()) {
        case STRING:
          return text;
        case BOOLEAN:
          return parseBoolean(name, trimmed);
        case INT16:
          return Short.parseShort(trimmed);
        case INT32:
          return Integer.parseInt(trimmed);
        case INT64:
          return Long.parseLong(trimmed);
        case FLOAT:
          return (float) finite(name, Double.parseDouble(trimmed));
        case DOUBLE:
          return finite(name, Double.parseDouble(trimmed));
        case DECIMAL:
          return new BigDecimal(trimmed);
        case DATETIME:
          return parseTimestamp(name, trimmed);
        case LOGICAL_TYPE:
          return parseLogical(field, trimmed);
        default:
          throw new IllegalStateException("unsupported type " + type);
      }
    } catch (NumberFormatException e) {
      throw new FieldValueException(
          "parse.number", name, name + " is not a valid " + describe(type.getTypeName()));
    }
  }

  private static Object parseLogical(Field field, String text) throws FieldValueException {
    String name = field.getName();
    if (DataTypes.isDate(field.getType())) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new FieldValueException(
            "parse.date", name, name + " is not a date in ISO-8601 form (yyyy-MM-dd)");
      }
    }
    int scale = DataTypes.scale(field.getType());
    int precision = DataTypes.precision(field.getType());
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new FieldValueException("parse.number", name, name + " is not a valid decimal");
    }
    BigDecimal rescaled;
    try {
      rescaled = value.setScale(scale);
    } catch (ArithmeticException e) {
      throw new FieldValueException(
          "parse.decimal_scale",
          name,
          name + " has more than " + scale + " decimal places");
    }
    if (rescaled.precision() > precision) {
      throw new FieldValueException(
          "parse.decimal_precision",
          name,
          name + " has more than " + precision + " digits");
    }
    return rescaled;
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

  private static double finite(String name, double value) throws FieldValueException {
    if (!Double.isFinite(value)) {
      throw new FieldValueException("parse.number", name, name + " is not a finite number");
    }
    return value;
  }

  private static org.joda.time.Instant parseTimestamp(String name, String text)
      throws FieldValueException {
    try {
      return new org.joda.time.Instant(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    } catch (DateTimeParseException e) {
      throw new FieldValueException(
          "parse.timestamp",
          name,
          name + " is not an ISO-8601 timestamp with a zone offset (2024-03-05T10:15:30Z)");
    }
  }

  private static String describe(TypeName type) {
    switch (type) {
      case INT16:
        return "16-bit integer";
      case INT32:
        return "32-bit integer";
      case INT64:
        return "64-bit integer";
      case FLOAT:
      case DOUBLE:
        return "number";
      default:
        return "decimal";
    }
  }
}
