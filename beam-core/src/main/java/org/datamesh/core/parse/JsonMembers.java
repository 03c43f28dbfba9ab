package org.datamesh.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.datamesh.core.DataTypes;

/**
 * Which JSON values a field takes, as text for {@link FieldValues}.
 *
 * <pre>{@code
 * {"id": "A1", "qty": 2, "price": "9.50", "active": true, "at": "2024-03-05T10:00:00Z"}
 * }</pre>
 *
 * <p>A number or boolean field takes a JSON number or boolean, or a string holding one (exports
 * often quote numbers), read as CSV text is; a string field takes only a JSON string, and a date
 * or timestamp only a string in ISO-8601 form. Anything else is the producer writing another type
 * than the contract's, so the record fails with {@code parse.json_type} rather than being
 * converted: {@code "id": 12} is not the string {@code "12"}, and {@code "active": 1} is not
 * {@code true}. Objects and arrays fit only object and array fields, read by {@link JsonValues}.
 */
final class JsonMembers {

  private JsonMembers() {}

  /** The member's text for {@link FieldValues}, or null when it is absent or JSON null. */
  static @Nullable String text(Field field, @Nullable JsonNode member) throws FieldValueException {
    return text(field.getName(), field.getType(), member);
  }

  /**
   * The text of a scalar JSON value of {@code type} for {@link FieldValues}, or null when it is
   * absent or JSON null; {@code name} is where the value sits ({@code lines[3].quantity}).
   */
  static @Nullable String text(String name, FieldType type, @Nullable JsonNode member)
      throws FieldValueException {
    if (member == null || member.isNull()) {
      return null;
    }
    if (member.isTextual()) {
      return member.textValue();
    }
    String expected = expected(type);
    boolean fits =
        expected.equals("number") ? member.isNumber() : expected.equals("boolean") && member.isBoolean();
    if (!fits) {
      throw new FieldValueException(
          "parse.json_type",
          name,
          name + " is " + JsonLine.kind(member) + ", not a " + expected);
    }
    return member.asText();
  }

  /** The kind of JSON value other than a string that {@code field} takes, or what it is. */
  private static String expected(FieldType fieldType) {
    TypeName type = fieldType.getTypeName();
    if (type.isNumericType() || DataTypes.isFixedDecimal(fieldType)) {
      return "number";
    }
    if (type == TypeName.BOOLEAN) {
      return "boolean";
    }
    return "string";
  }
}
